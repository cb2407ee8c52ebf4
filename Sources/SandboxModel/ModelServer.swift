import Hummingbird
import NIOCore
import Untrusted

/// The state every endpoint shares: what is served, the tokenizer, the pace and an
/// optional observer of how streams end.
struct ModelServer: Sendable {
    /// Bodies larger than this are refused; a long chat history fits many times over.
    static let maxRequestBodySize = 4 * 1024 * 1024

    let configuration: ModelServerConfiguration
    let tokenizer = Tokenizer()
    let observer: StreamObserver?
    /// `created` of the model cards: when the server started, as in vLLM.
    let startTime = Identifiers.now()

    var servedNames: [String] { configuration.servedNames }

    /// The model a request names, or the default when it names none (vLLM ≥ 0.8.5).
    /// Responses echo the requested name.
    func resolveModel(_ fields: RequestFields) throws(APIError) -> String {
        guard let name = try fields.string("model") else { return servedNames[0] }
        guard servedNames.contains(name) else { throw APIError.modelNotFound(name, served: servedNames) }
        return name
    }

    /// Reads a JSON request body with vLLM's checks: JSON media type, size, syntax.
    func readBody(_ request: Request) async throws(APIError) -> RequestFields {
        // A media type has no inner spaces, so dropping all of them trims it.
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .filter { $0 != " " && $0 != "\t" }.lowercased()
        guard mediaType == "application/json" else {
            throw APIError(
                status: .badRequest,
                message: "Unsupported Media Type: Only 'application/json' is allowed",
                type: "Bad Request",
                param: nil
            )
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxRequestBodySize)
        } catch is NIOTooManyBytesError {
            throw APIError(
                status: .contentTooLarge,
                message: "Request body is larger than \(Self.maxRequestBodySize) bytes.",
                type: "Bad Request",
                param: nil
            )
        } catch {
            throw APIError.badRequest("Could not read the request body: \(error)")
        }
        let json: JSON
        do throws(JSON.ParseError) {
            json = try JSON.parse(buffer)
        } catch .nestedTooDeeply {
            throw APIError.badRequest(JSONNesting.message())
        } catch {
            throw APIError.validation(
                type: "json_invalid",
                location: "body.0",
                message: "JSON decode error",
                input: "<dict of 0 items>",
                context: "Expecting value"
            )
        }
        return try RequestFields(json)
    }

    /// Sleeps for the time a real model would take to produce `tokens` tokens.
    func paceNonStreamed(tokens: Int) async throws {
        guard configuration.tokensPerSecond > 0, tokens > 0 else { return }
        try await Task.sleep(for: .nanoseconds(Int64(Double(tokens) * 1e9 / configuration.tokensPerSecond)))
    }

    /// Turns this endpoint's thrown `APIError`s into vLLM error responses.
    static func answering(_ handler: () async throws -> Response) async throws -> Response {
        do {
            return try await handler()
        } catch let error as APIError {
            return error.response
        }
    }
}
