import ModelGateway
import Testing

/// The client against servers and networks that fail in the ways a gateway does.
@Suite struct GatewayFailureTests {
    func withFake<Value: Sendable>(
        _ scenario: String, apiKey: String? = "right",
        _ body: @Sendable (GatewayClient) async throws -> Value
    ) async throws -> Value {
        try await withServer(FakeGateway.router()) { baseURL in
            try await withClient(GatewayConfiguration(baseURL: "\(baseURL)/\(scenario)", apiKey: apiKey), body)
        }
    }

    static let request = CompletionRequest(model: "m", prompt: "x")

    @Test func streamWithoutDoneIsInterrupted() async throws {
        try await withFake("no-done") { client in
            let (events, error) = await drain(try await client.streamCompletion(Self.request))
            #expect(events == [.text("tok", choice: 0), .text("tok", choice: 0)])
            #expect(error as? GatewayError == .streamInterrupted(tokensReceived: 2))
        }
    }

    @Test func connectionCutMidStreamIsInterrupted() async throws {
        try await withFake("cut") { client in
            let (events, error) = await drain(try await client.streamCompletion(Self.request))
            #expect(events.count == 3)
            #expect(error as? GatewayError == .streamInterrupted(tokensReceived: 3))
        }
    }

    @Test func silenceLongerThanTheReadTimeoutEndsTheStream() async throws {
        let (stall, endStall) = AsyncStream.makeStream(of: Void.self)
        try await withServer(FakeGateway.router(stall: stall)) { baseURL in
            let configuration = GatewayConfiguration(baseURL: "\(baseURL)/stalls", readTimeout: .seconds(1))
            try await withClient(configuration) { client in
                // On a loaded machine even the head can come later than the timeout;
                // either way the silence must end as a read timeout.
                let error = await gatewayError {
                    let (events, error) = await drain(try await client.streamCompletion(Self.request))
                    #expect(events == [.text("tok", choice: 0)])
                    if let error { throw error }
                }
                endStall.finish()
                #expect(error == .timedOut(url: "\(baseURL)/stalls/v1/completions", phase: .read))
            }
        }
    }

    @Test func errorEventInAStreamIsAServerError() async throws {
        try await withFake("error-event") { client in
            let (events, error) = await drain(try await client.streamCompletion(Self.request))
            #expect(events == [.text("tok", choice: 0)])
            #expect(error as? GatewayError == .server(status: 500, message: "engine died", type: "InternalServerError", param: nil))
        }
    }

    @Test func usageOnEveryChunkIsReportedOnceAtTheEnd() async throws {
        try await withFake("usage-everywhere") { client in
            let (events, error) = await drain(try await client.streamChat(.init(model: "m", messages: [.user("hi")])))
            #expect(error == nil)
            // The first, role-only chunk is an empty one.
            #expect(events == [
                .emptyChunk(choice: 0), .text("Hi", choice: 0), .text("!", choice: 0), .finish(reason: "stop", choice: 0),
                .usage(Usage(promptTokens: 3, completionTokens: 2, totalTokens: 5)),
            ])
        }
    }

    @Test func htmlErrorPageGivesStatusAndTitle() async throws {
        try await withFake("html502") { client in
            let error = await gatewayError { _ = try await client.models() }
            #expect(error == .http(status: 502, reason: "Bad Gateway", firstLine: "502 Bad Gateway"))
        }
    }

    @Test func emptyErrorBodyGivesTheStatusLine() async throws {
        try await withFake("empty503") { client in
            let error = await gatewayError { _ = try await client.health() }
            #expect(error == .http(status: 503, reason: "Service Unavailable", firstLine: nil))
            #expect(error?.message == "503 Service Unavailable (empty body)")
        }
    }

    @Test func rateLimitKeepsRetryAfter() async throws {
        try await withFake("limited") { client in
            let error = await gatewayError { _ = try await client.streamChat(.init(model: "m", messages: [.user("hi")])) }
            #expect(error == .rateLimited(retryAfter: 17, message: "Usage limit exceeded"))
        }
    }

    @Test func apicastAuthenticationAnswers() async throws {
        try await withFake("apicast", apiKey: nil) { client in
            #expect(await gatewayError { _ = try await client.models() } == .authenticationMissing(status: 403))
        }
        try await withFake("apicast", apiKey: "wrong") { client in
            #expect(await gatewayError { _ = try await client.models() } == .authenticationFailed(status: 403))
        }
        try await withFake("apicast", apiKey: "right") { client in
            let ids = try await client.models().map(\.id)
            #expect(ids == ["m"])
            let error = await gatewayError { _ = try await client.embeddings(model: "m", input: ["x"]) }
            #expect(error == .noMappingRule(method: "POST", path: "/v1/embeddings"))
        }
    }

    @Test func errorObjectInA200IsAServerError() async throws {
        try await withFake("error-in-200") { client in
            let error = await gatewayError { _ = try await client.models() }
            #expect(error == .server(status: 400, message: "The model does not support this API", type: "BadRequestError", param: nil))
        }
    }

    @Test func jsonErrorAnsweringAStreamedRequestIsAServerError() async throws {
        try await withFake("json-instead") { client in
            let error = await gatewayError { _ = try await client.streamChat(.init(model: "m", messages: [.user("hi")])) }
            #expect(error == .server(
                status: 400, message: "The model does not support Chat Completions API", type: "BadRequestError", param: nil))
        }
    }

    @Test func unexpectedBodyIsInvalidResponse() async throws {
        try await withFake("not-json") { client in
            let error = await gatewayError { _ = try await client.models() }
            guard case .invalidResponse(let url, let reason) = error else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
            #expect(url.hasSuffix("/not-json/v1/models"))
            #expect(reason.contains("Login"))
        }
    }

    @Test(arguments: [
        (GatewayConfiguration.Authentication.bearer, "header=Bearer k3y query=-"),
        (.header(name: "X-Api-Key"), "header=k3y query=-"),
        (.queryParameter(name: "user_key"), "header=- query=k3y"),
    ])
    func authenticationStyles(_ style: GatewayConfiguration.Authentication, _ expected: String) async throws {
        try await withServer(FakeGateway.router()) { baseURL in
            // A trailing slash on the base URL must not double the path's slash.
            try await withClient(.init(baseURL: "\(baseURL)/echo-auth/", apiKey: "k3y", authentication: style)) { client in
                let version = try await client.version()
                #expect(version == "\(expected) path=/echo-auth/version")
            }
        }
    }

    @Test func connectionRefusedNamesTheURL() async throws {
        // Port 1 on loopback: nothing listens there.
        try await withClient(.init(baseURL: "http://127.0.0.1:1")) { client in
            let error = await gatewayError { _ = try await client.models() }
            #expect(error == .connectionFailed(url: "http://127.0.0.1:1/v1/models", reason: "connection refused"))
        }
    }

    @Test func unknownHostIsHostNotFound() async throws {
        try await withClient(.init(baseURL: "https://no-such-host.invalid")) { client in
            let error = await gatewayError { _ = try await client.models() }
            #expect(error == .hostNotFound(host: "no-such-host.invalid", url: "https://no-such-host.invalid/v1/models"))
        }
    }

    @Test func tlsToAPlainServerIsATLSFailure() async throws {
        try await withServer(FakeGateway.router()) { baseURL in
            let https = baseURL.replacingOccurrences(of: "http://", with: "https://")
            try await withClient(.init(baseURL: https)) { client in
                let error = await gatewayError { _ = try await client.models() }
                #expect(error == .tlsFailure(
                    url: https + "/v1/models", reason: "the server does not speak TLS (try http:// instead of https://)"))
            }
        }
    }

    @Test func badConfigurationIsRejectedUpFront() throws {
        #expect(throws: GatewayError.self) { try GatewayClient(configuration: .init(baseURL: "ftp://x")) }
        #expect(throws: GatewayError.self) { try GatewayClient(configuration: .init(baseURL: "not a url")) }
        #expect(throws: GatewayError.self) {
            try GatewayClient(configuration: .init(baseURL: "https://x", caFile: "/nonexistent/ca.pem"))
        }
    }
}
