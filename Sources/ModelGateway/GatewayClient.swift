import AsyncHTTPClient
import HTTPSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import NIOHTTP1
import Untrusted

/// The OpenAI-compatible client for models behind the gateway (or straight at vLLM).
/// It owns one `HTTPClient`; call `shutdown()` when done. Every method throws only
/// `GatewayError`s.
public final class GatewayClient: Sendable {
    public let configuration: GatewayConfiguration
    private let http: HTTPClient
    private let endpoint: Endpoint
    /// What `-vv` hides: the key, and the header or parameter that carries it.
    private let masker: SecretMasker
    /// Non-streamed bodies larger than this are refused rather than held in memory.
    static let maxResponseSize = 64 * 1024 * 1024

    public init(configuration: GatewayConfiguration) throws(GatewayError) {
        self.configuration = configuration
        self.endpoint = try Endpoint(configuration)
        self.masker = SecretMasker(names: endpoint.credentialNames, values: [configuration.apiKey])
        do {
            self.http = try TransportSettings(
                caFile: configuration.caFile, insecureTLS: configuration.insecureTLS,
                connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout,
                maxConnections: configuration.maxConnections
            ).makeClient()
        } catch {
            throw .invalidCAFile(path: error.path, reason: error.reason)
        }
    }

    /// Closes the connections. The client cannot be used afterwards.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    // MARK: Endpoints

    /// `GET /v1/models`: the served model names, the `model` to send.
    public func models() async throws(GatewayError) -> [ModelCard] {
        try await call(.GET, "/v1/models", as: ModelList.self).data
    }

    public func complete(_ request: CompletionRequest) async throws(GatewayError) -> CompletionResponse {
        let body = GenerationBody(
            model: request.model, prompt: request.prompt, options: request.options, echo: request.echo, stream: false)
        return try await call(.POST, "/v1/completions", body: body.json, as: CompletionResponse.self)
    }

    public func chat(_ request: ChatRequest) async throws(GatewayError) -> ChatResponse {
        let body = GenerationBody(
            model: request.model, messages: request.messages, options: request.options, echo: false, stream: false)
        return try await call(.POST, "/v1/chat/completions", body: body.json, as: ChatResponse.self)
    }

    /// Starts a streamed completion. Returns once the response head arrived, so an
    /// error status is thrown here, before any text; the events follow as they come.
    public func streamCompletion(_ request: CompletionRequest) async throws(GatewayError) -> EventStream {
        let body = GenerationBody(
            model: request.model, prompt: request.prompt, options: request.options, echo: request.echo, stream: true)
        return try await stream("/v1/completions", body: body.json)
    }

    public func streamChat(_ request: ChatRequest) async throws(GatewayError) -> EventStream {
        let body = GenerationBody(
            model: request.model, messages: request.messages, options: request.options, echo: false, stream: true)
        return try await stream("/v1/chat/completions", body: body.json)
    }

    public func embeddings(model: String, input: [String]) async throws(GatewayError) -> EmbeddingsResponse {
        try await call(.POST, "/v1/embeddings", body: EmbeddingsBody(model: model, input: input).json, as: EmbeddingsResponse.self)
    }

    public func tokenize(model: String, text: String) async throws(GatewayError) -> TokenizeResponse {
        try await call(.POST, "/tokenize", body: TokenizeBody(model: model, prompt: text).json, as: TokenizeResponse.self)
    }

    /// The text of token ids.
    public func detokenize(model: String, tokens: [Int]) async throws(GatewayError) -> String {
        try await call(.POST, "/detokenize", body: DetokenizeBody(model: model, tokens: tokens).json, as: DetokenizeResponse.self)
            .prompt
    }

    /// `GET /health`: 200 with an empty body when the model is up.
    public func health() async throws(GatewayError) -> HealthStatus {
        let clock = ContinuousClock()
        let start = clock.now
        let (status, _) = try await exchange(.GET, "/health", body: nil)
        return HealthStatus(status: status, latency: clock.now - start)
    }

    /// `GET /version`: the vLLM version string.
    public func version() async throws(GatewayError) -> String {
        try await call(.GET, "/version", as: VersionResponse.self).version
    }

    // MARK: Plumbing

    private func call<Response: Decodable>(_ method: HTTPMethod, _ path: String, as type: Response.Type)
        async throws(GatewayError) -> Response
    {
        try await call(method, path, body: nil, as: type)
    }

    private func call<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: [UInt8]?, as type: Response.Type
    ) async throws(GatewayError) -> Response {
        let (status, bytes) = try await exchange(method, path, body: body)
        // vLLM can answer 200 with an error object (an API the model does not serve).
        if let error = ResponseErrorMapper.serverError(in: bytes, status: status) { throw error }
        do {
            return try BoundedJSON.decode(Response.self, from: bytes)
        } catch let error as JSONNesting.TooDeep {
            throw .invalidResponse(url: endpoint.display(path), reason: error.description)
        } catch {
            let preview = ResponseErrorMapper.firstLine(of: String(decoding: bytes, as: UTF8.self)) ?? "an empty body"
            throw .invalidResponse(url: endpoint.display(path), reason: "\(method) \(path) returned \(preview)")
        }
    }

    /// Sends a request and reads the whole body of a 2xx answer; other statuses
    /// become errors, decided before reading more than a prefix of their body.
    private func exchange(_ method: HTTPMethod, _ path: String, body: [UInt8]?)
        async throws(GatewayError) -> (status: Int, body: [UInt8])
    {
        let (request, sent) = makeRequest(method, path, body: body, accept: "application/json")
        var trace = self.trace(method.rawValue, path)
        trace.sent(headers: request.headers, body: sent)
        do {
            let response = try await http.execute(request, deadline: .distantFuture)
            trace.received(status: Int(response.status.code), headers: response.headers)
            try await check(response, method: method, path: path, trace: &trace)
            let buffer = try await response.body.collect(upTo: Self.maxResponseSize)
            trace.read(buffer.readableBytesView)
            trace.finished(bytes: buffer.readableBytes)
            return (Int(response.status.code), Array(buffer.readableBytesView))
        } catch {
            trace.finished(bytes: nil)
            throw GatewayError.transport(error, url: endpoint.display(path), host: endpoint.host, tokensReceived: nil)
        }
    }

    private func stream(_ path: String, body: [UInt8]) async throws(GatewayError) -> EventStream {
        let (request, sent) = makeRequest(.POST, path, body: body, accept: "text/event-stream")
        var trace = self.trace("POST", path)
        trace.sent(headers: request.headers, body: sent)
        do {
            let response = try await http.execute(request, deadline: .distantFuture)
            trace.received(status: Int(response.status.code), headers: response.headers)
            try await check(response, method: .POST, path: path, trace: &trace)
            // A JSON answer to a streamed request is vLLM's "200 with an error body"
            // (e.g. chat on an embedding model), or a server that ignores `stream`.
            if response.headers.first(name: "content-type")?.lowercased().hasPrefix("application/json") == true {
                let bytes = Array(try await response.body.collect(upTo: Self.maxResponseSize).readableBytesView)
                trace.read(bytes)
                if let error = ResponseErrorMapper.serverError(in: bytes, status: Int(response.status.code)) {
                    throw error
                }
                throw GatewayError.invalidResponse(
                    url: endpoint.display(path), reason: "expected an event stream for \"stream\": true, got JSON")
            }
            return EventStream(
                body: response.body, url: endpoint.display(path), host: endpoint.host, status: Int(response.status.code),
                trace: trace)
        } catch {
            trace.finished(bytes: nil)
            throw GatewayError.transport(error, url: endpoint.display(path), host: endpoint.host, tokensReceived: nil)
        }
    }

    /// Throws the error of a non-2xx answer: a redirect says where it points (and is
    /// not followed), any other status is explained by a bounded prefix of its body.
    private func check(
        _ response: HTTPClientResponse, method: HTTPMethod, path: String, trace: inout RequestTrace
    ) async throws(GatewayError) {
        let status = Int(response.status.code)
        guard !(200..<300).contains(status) else { return }
        if (300..<400).contains(status) {
            throw .redirected(
                status: status, reason: response.status.reasonPhrase,
                location: response.headers.first(name: "location").map { endpoint.displayLocation($0, for: path) })
        }
        let body = await ErrorBody.prefix(of: response.body)
        trace.read(body)
        if Task.isCancelled { throw .cancelled }
        throw ResponseErrorMapper.error(
            status: status,
            reason: response.status.reasonPhrase,
            retryAfter: response.headers.first(name: "retry-after"),
            method: method.rawValue,
            path: path,
            body: body
        )
    }

    /// `-v`'s record of one request, with the full URL (a key in the query is masked there).
    private func trace(_ method: String, _ path: String) -> RequestTrace {
        RequestTrace(logger: configuration.logger, masker: masker, method: method, url: endpoint.url(for: path))
    }

    /// The request and the bytes of its body (for `-vv`).
    private func makeRequest(_ method: HTTPMethod, _ path: String, body bytes: [UInt8]?, accept: String)
        -> (HTTPClientRequest, [UInt8]?)
    {
        var request = HTTPClientRequest(url: endpoint.url(for: path))
        request.method = method
        request.headers.add(name: "accept", value: accept)
        request.headers.add(name: "user-agent", value: "maas")
        if let (name, value) = endpoint.credentialHeader { request.headers.add(name: name, value: value) }
        guard let bytes else { return (request, nil) }
        request.body = .bytes(ByteBuffer(bytes: bytes))
        request.headers.add(name: "content-type", value: "application/json")
        return (request, bytes)
    }
}
