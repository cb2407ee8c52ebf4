#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a failed response (or an error body in a 200) into a `GatewayError`,
/// recognising APIcast's plain-text answers, vLLM's JSON errors in both the nested
/// and the flat form, FastAPI's `{"detail":…}` and HTML error pages.
enum ResponseErrorMapper {
    static func error(status: Int, reason: String, retryAfter: String?, method: String, path: String, body: [UInt8])
        -> GatewayError
    {
        let text = String(decoding: body, as: UTF8.self).trimmingWhitespace
        switch text {
        case "Authentication parameters missing": return .authenticationMissing(status: status)
        case "Authentication failed": return .authenticationFailed(status: status)
        case "No Mapping Rule matched": return .noMappingRule(method: method, path: path)
        default: break
        }
        if status == 429 {
            return .rateLimited(
                retryAfter: retryAfter.flatMap { Int($0.trimmingWhitespace) },
                message: firstLine(of: text) ?? "Too Many Requests")
        }
        if let error = serverError(in: body, status: status) { return error }
        if let detail = detail(in: body) {
            if status == 404 && detail == "Not Found" { return .endpointNotFound(method: method, path: path) }
            if status == 405 { return .methodNotAllowed(method: method, path: path) }
            return .http(status: status, reason: reason, firstLine: detail)
        }
        return .http(status: status, reason: reason, firstLine: firstLine(of: text))
    }

    /// A vLLM error object, if the body is one: `{"error":{…}}`, `{"error":"…"}` or
    /// `{"object":"error","message":…}`. Used for failures and for 200 bodies alike.
    static func serverError(in body: [UInt8], status: Int) -> GatewayError? {
        guard let envelope = try? BoundedJSON.decode(ErrorEnvelope.self, from: body) else { return nil }
        if let nested = envelope.error?.object {
            return .server(
                status: nested.code ?? status, message: nested.message ?? "unknown error", type: nested.type,
                param: nested.param)
        }
        if let message = envelope.error?.string {
            return .server(status: status, message: message, type: nil, param: nil)
        }
        if envelope.object == "error" {
            return .server(
                status: envelope.code ?? status, message: envelope.message ?? "unknown error", type: envelope.type,
                param: envelope.param)
        }
        return nil
    }

    private static func detail(in body: [UInt8]) -> String? {
        struct Detail: Decodable { var detail: String }
        return (try? BoundedJSON.decode(Detail.self, from: body))?.detail
    }

    /// The first line worth showing: an HTML page's `<title>` (or first text line
    /// without tags), else the first non-empty line, cut to a sensible length.
    static func firstLine(of text: String) -> String? {
        var candidate: String?
        if text.hasPrefix("<") {
            if let title = title(of: text) {
                candidate = title
            } else {
                candidate = stripTags(text).split(whereSeparator: \.isNewline).map(\.trimmingWhitespace)
                    .first { !$0.isEmpty }
            }
        } else {
            candidate = text.split(whereSeparator: \.isNewline).map(\.trimmingWhitespace).first { !$0.isEmpty }
        }
        guard let line = candidate?.trimmingWhitespace, !line.isEmpty else { return nil }
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// The text between `<title>` and `</title>`, matched without regard to case.
    private static func title(of html: String) -> String? {
        let bytes = Array(html.utf8)
        let lowered = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        guard let open = lowered.firstRange(of: Array("<title>".utf8)),
            let close = lowered[open.upperBound...].firstRange(of: Array("</title>".utf8))
        else { return nil }
        return String(decoding: bytes[open.upperBound..<close.lowerBound], as: UTF8.self)
    }

    private static func stripTags(_ html: String) -> String {
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
                result.append("\n")
            } else if !inTag {
                result.append(character)
            }
        }
        return result
    }
}

/// The shapes of vLLM error bodies, decoded leniently.
private struct ErrorEnvelope: Decodable {
    struct Nested: Decodable {
        var message: String?
        var type: String?
        var param: String?
        var code: Int?
    }

    /// `error` is an object in vLLM, a string in its `--api-key` 401.
    enum ErrorValue: Decodable {
        case object(Nested)
        case string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .object(try container.decode(Nested.self))
            }
        }

        var object: Nested? {
            if case .object(let nested) = self { return nested }
            return nil
        }

        var string: String? {
            if case .string(let string) = self { return string }
            return nil
        }
    }

    var error: ErrorValue?
    var object: String?
    var message: String?
    var type: String?
    var param: String?
    var code: Int?

    enum CodingKeys: String, CodingKey { case error, object, message, type, param, code }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try? container.decode(ErrorValue.self, forKey: .error)
        object = try? container.decode(String.self, forKey: .object)
        message = try? container.decode(String.self, forKey: .message)
        type = try? container.decode(String.self, forKey: .type)
        // `param` and `code` are not always strings and ints in the wild; keep them
        // only when they are.
        param = try? container.decode(String.self, forKey: .param)
        code = try? container.decode(Int.self, forKey: .code)
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
