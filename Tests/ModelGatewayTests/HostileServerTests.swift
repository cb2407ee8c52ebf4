import HTTPTypes
import Hummingbird
import ModelGateway
import NIOCore
import Synchronization
import Testing

/// What the gateway client does with a server that answers like an attacker would.
@Suite("Gateway client against a hostile server")
struct HostileServerTests {
    static let key = "k3y-secret"

    /// A second origin that records every request it gets, with the headers and
    /// query that could carry a key.
    final class Elsewhere: Sendable {
        let seen = Mutex<[String]>([])

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.on("**", method: .get) { request, _ in self.record(request) }
            router.on("**", method: .post) { request, _ in self.record(request) }
            return router
        }

        private func record(_ request: Request) -> Response {
            let headers = request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            seen.withLock { $0.append("\(request.uri) \(headers)") }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"object":"list","data":[]}"#)))
        }
    }

    /// Answers every request with a 307 to the same path and query on `target`.
    static func redirecting(to target: String) -> Router<BasicRequestContext> {
        let router = Router()
        let redirect: @Sendable (Request, BasicRequestContext) -> Response = { request, _ in
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return Response(status: .temporaryRedirect, headers: [.location: target + request.uri.path + query])
        }
        router.on("**", method: .get, use: redirect)
        router.on("**", method: .post, use: redirect)
        return router
    }

    @Test(
        "a redirect to another origin is not followed, wherever the key travels",
        arguments: [
            GatewayConfiguration.Authentication.bearer, .header(name: "X-Api-Key"), .queryParameter(name: "user_key"),
        ])
    func redirectIsNotFollowed(authentication: GatewayConfiguration.Authentication) async throws {
        let elsewhere = Elsewhere()
        try await withServer(elsewhere.router) { target in
            try await withServer(Self.redirecting(to: target)) { base in
                let configuration = GatewayConfiguration(baseURL: base, apiKey: Self.key, authentication: authentication)
                try await withClient(configuration) { client in
                    let error = await gatewayError { _ = try await client.models() }
                    // A key the server copied into the Location is masked.
                    let query = authentication == .queryParameter(name: "user_key") ? "?user_key=***" : ""
                    #expect(error == .redirected(status: 307, reason: "Temporary Redirect", location: target + "/v1/models" + query))
                    #expect(error?.message.contains("maas does not follow redirects with credentials") == true)
                    #expect(error?.message.contains(Self.key) == false)
                    let streamError = await gatewayError {
                        _ = try await client.streamChat(ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "hi")]))
                    }
                    #expect(streamError == .redirected(
                        status: 307, reason: "Temporary Redirect", location: target + "/v1/chat/completions" + query))
                }
            }
        }
        #expect(elsewhere.seen.withLock { $0 }.isEmpty, "no request, let alone a key, reached the other origin")
    }

    /// Answers 401 with `chunk` over and over until the client hangs up (or 1 GiB),
    /// then reports how many bytes it sent.
    static func endless401(_ chunk: String, sent: AsyncStream<Int>.Continuation) -> Router<BasicRequestContext> {
        let router = Router()
        let answer: @Sendable (Request, BasicRequestContext) -> Response = { _, _ in
            Response(status: .unauthorized, headers: [.contentType: "text/plain"], body: ResponseBody { writer in
                var total = 0
                do {
                    while total < 1 << 30 {
                        try await writer.write(ByteBuffer(string: chunk))
                        total += chunk.utf8.count
                    }
                    try await writer.finish(nil)
                } catch {
                    sent.yield(total)
                    throw error
                }
                sent.yield(total)
            })
        }
        router.get("/v1/models", use: answer)
        router.post("/v1/completions", use: answer)
        return router
    }

    @Test("a 401 with an endless body is the 401, and the client hangs up after a prefix")
    func endlessErrorBody() async throws {
        let (sent, continuation) = AsyncStream.makeStream(of: Int.self)
        let chunk = String(repeating: "x", count: 64 * 1024)
        try await withServer(Self.endless401(chunk, sent: continuation)) { base in
            try await withClient(GatewayConfiguration(baseURL: base, apiKey: Self.key)) { client in
                var reports = sent.makeAsyncIterator()
                let error = await gatewayError { _ = try await client.models() }
                guard case .http(401, "Unauthorized", let firstLine?)? = error else {
                    Issue.record("expected the 401, got \(String(describing: error))")
                    return
                }
                #expect(firstLine.hasPrefix("xxxx") && firstLine.count <= 201)
                let bytes = try #require(await reports.next())
                #expect(bytes < 1 << 30, "the client closed the connection instead of reading on")
                let streamError = await gatewayError {
                    _ = try await client.streamCompletion(CompletionRequest(model: "m", prompt: "p"))
                }
                guard case .http(401, _, _)? = streamError else {
                    Issue.record("expected the 401, got \(String(describing: streamError))")
                    return
                }
            }
        }
    }

    @Test("an error body that stalls is read for a bounded time; its first bytes still explain the status")
    func stalledErrorBody() async throws {
        let (stall, release) = AsyncStream.makeStream(of: Void.self)
        let router = Router()
        router.get("/v1/models") { _, _ in
            Response(status: .forbidden, headers: [.contentType: "text/plain"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "Authentication failed"))
                for await _ in stall {}
                try await writer.finish(nil)
            })
        }
        try await withServer(router) { base in
            try await withClient(GatewayConfiguration(baseURL: base, apiKey: Self.key)) { client in
                let error = await gatewayError { _ = try await client.models() }
                release.finish()
                #expect(error == .authenticationFailed(status: 403))
            }
        }
    }

    static let tooDeep = "the server sent JSON nested deeper than 512 levels"

    static func deep(_ levels: Int) -> String {
        String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    }

    @Test("JSON nested 30,000 deep is refused with a clear error, in a stream, a 200 and an error answer")
    func deepJSON() async throws {
        let router = Router()
        let sse: HTTPFields = [.contentType: "text/event-stream"]
        router.post("/v1/completions") { _, _ in
            let events = #"data: {"choices":[{"index":0,"text":"ok"}]}"# + "\n\ndata: " + Self.deep(30_000) + "\n\n"
            return Response(status: .ok, headers: sse, body: .init(byteBuffer: ByteBuffer(string: events)))
        }
        router.get("/v1/models") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"object":"list","data":"# + Self.deep(30_000) + "}")))
        }
        router.get("/version") { _, _ in
            Response(status: .badRequest, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"error":"# + Self.deep(30_000) + "}")))
        }
        try await withServer(router) { base in
            try await withClient(GatewayConfiguration(baseURL: base)) { client in
                let (events, error) = await drain(try await client.streamCompletion(CompletionRequest(model: "m", prompt: "p")))
                #expect(events == [.text("ok", choice: 0)])
                #expect(error as? GatewayError == .invalidResponse(url: base + "/v1/completions", reason: Self.tooDeep))
                #expect(await gatewayError { _ = try await client.models() }
                    == .invalidResponse(url: base + "/v1/models", reason: Self.tooDeep))
                let status = await gatewayError { _ = try await client.version() }
                guard case .http(400, _, _)? = status else {
                    Issue.record("expected the 400, got \(String(describing: status))")
                    return
                }
            }
        }
    }

    @Test("the stream decoder reads 512 levels and refuses 513")
    func depthLimitOfTheChunkScanner() async {
        func decode(_ levels: Int) -> GatewayError? {
            let chunk = #"{"choices":[{"index":0,"text":"t"}],"x":"# + Self.deep(levels - 1) + "}"
            return StreamEventDecoder.decode([Array("data: \(chunk)\n\ndata: [DONE]\n\n".utf8)]).failure
        }
        #expect(decode(512) == nil)
        #expect(decode(513) == .invalidResponse(url: "stream", reason: Self.tooDeep))
        for chunk in [Self.deep(30_000), #"{"choices":[{"index":0,"text":"# + Self.deep(30_000) + "}]}"] {
            let decoded = StreamEventDecoder.decode([Array("data: \(chunk)\n\n".utf8)])
            #expect(decoded.failure == .invalidResponse(url: "stream", reason: Self.tooDeep))
        }
    }

    @Test("a password in the gateway URL is never part of an error")
    func passwordInURL() async throws {
        let router = Router()
        router.get("/v1/models") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "not json"))) }
        try await withServer(router) { base in
            let withUser = base.replacing("http://", with: "http://alice:hunter2@")
            try await withClient(GatewayConfiguration(baseURL: withUser)) { client in
                let error = await gatewayError { _ = try await client.models() }
                #expect(error?.message.contains("http://***@127.0.0.1") == true)
                #expect(error.map { !$0.message.contains("hunter2") && !$0.message.contains("alice") } == true)
            }
        }
        try await withClient(GatewayConfiguration(baseURL: "http://alice:hunter2@127.0.0.1:1")) { client in
            let error = await gatewayError { _ = try await client.health() }
            #expect(error == .connectionFailed(url: "http://***@127.0.0.1:1/health", reason: "connection refused"))
        }
        for url in ["ftp://alice:hunter2@host", "http://alice:hunter2@host?q=1", "http://alice:hunter2@"] {
            let error = #expect(throws: GatewayError.self) { try GatewayClient(configuration: GatewayConfiguration(baseURL: url)) }
            #expect(error.map { !$0.message.contains("hunter2") && !$0.message.contains("alice") } == true, "\(url)")
        }
    }
}
