import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered the way vLLM (≥ 0.10.1) answers it:
/// `{"error":{"message":…,"type":…,"param":…,"code":N}}` with the same HTTP status.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var type: String
    var param: String?

    static func badRequest(_ message: String, param: String? = nil) -> APIError {
        APIError(status: .badRequest, message: message, type: "BadRequestError", param: param)
    }

    static func modelNotFound(_ name: String, served: [String]) -> APIError {
        APIError(
            status: .notFound,
            message: "The model `\(name)` does not exist. Valid aliases: \(served.joined(separator: ", ")).",
            type: "NotFoundError",
            param: "model"
        )
    }

    /// A pydantic validation failure, shaped like vLLM 0.32's `RequestValidationError`
    /// handler output (type "Bad Request", param = the location).
    static func validation(type: String, location: String, message: String, input: String, context: String? = nil)
        -> APIError
    {
        var detail = "{'type': '\(type)', 'loc': '\(location)', 'msg': '\(message)', 'input': '\(input)'"
        if let context { detail += ", 'ctx': {'error': '\(context)'}" }
        detail += "}"
        return APIError(
            status: .badRequest,
            message: "1 validation error:\n  \(detail)",
            type: "Bad Request",
            param: location
        )
    }

    var json: JSON {
        .object([
            (
                "error",
                .object([
                    ("message", .string(message)),
                    ("type", .string(type)),
                    ("param", param.map(JSON.string) ?? .null),
                    ("code", .int(Int(status.code))),
                ])
            )
        ])
    }

    var response: Response {
        Response.json(json, status: status)
    }
}

extension Response {
    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: value.byteBuffer)
        )
    }
}
