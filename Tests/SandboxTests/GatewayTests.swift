import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
@testable import Sandbox
import Testing
import LoopbackSockets

@Suite("Gateway (APIcast behaviour)")
struct GatewayTests {
    static let vllmRules: [(method: String, pattern: String, name: String)] = [
        ("GET", "/v1/models", "models"), ("POST", "/v1/completions", "completions"),
    ]

    @Test func errorsFollowAPIcastOrderAndProxyConfig() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("PP", rules: Self.vllmRules)
            let missing = try await t.get(product.production + "/v1/models")
            #expect(missing.status == 403)
            #expect(missing.text == "Authentication parameters missing")
            #expect(missing.headers.first(name: "content-type") == "text/plain; charset=us-ascii")
            // Credentials are checked before mapping rules.
            #expect(try await t.get(product.production + "/unmapped").text == "Authentication parameters missing")
            let unmapped = try await t.get(product.production + "/unmapped", headers: [("Authorization", product.userKey)])
            #expect(unmapped.status == 404)
            #expect(unmapped.text == "No Mapping Rule matched")
            let wrong = try await t.get(product.production + "/v1/models", headers: [("Authorization", "Bearer nope")])
            #expect(wrong.status == 403)
            #expect(wrong.text == "Authentication failed")
            let ok = try await t.get(product.production + "/v1/models", headers: [("Authorization", "Bearer \(product.userKey)")])
            #expect(ok.status == 200)
            #expect(ok.json["data"]?.arrayValue?.first?["id"] == .string(t.sandbox.endpoints.modelName))
            // Relayed replies keep the connection for the next request (as APIcast does).
            #expect(ok.headers.first(name: "connection") == nil)

            // Custom error fields come from the deployed config (staging until promoted).
            _ = try await t.call(.PUT, "/admin/api/services/\(product.id)/proxy.json",
                                 form: [("error_status_no_match", "418"), ("error_no_match", "nothing here")])
            let custom = try await t.get(product.staging + "/unmapped", headers: [("Authorization", product.userKey)])
            #expect(custom.status == 418)
            #expect(custom.text == "nothing here")
            #expect(try await t.get(product.production + "/unmapped", headers: [("Authorization", product.userKey)]).status == 404)

            // A suspended application is refused.
            let apps = try await t.call(.GET, "/admin/api/applications.json", form: [("service_id", String(product.id))])
            let appID = try #require(apps.json["applications"]?.arrayValue?.first?["application"]?["id"]?.doubleValue).asInt
            _ = try await t.call(.PUT, "/admin/api/accounts/\(t.sandbox.endpoints.developerAccountID)/applications/\(appID)/suspend.json")
            #expect(try await t.get(product.production + "/v1/models", headers: [("Authorization", product.userKey)]).status == 403)
        }
    }

    @Test func removeBearerIsWhatMakesBearerKeysWork() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct(
                "PP", rules: Self.vllmRules,
                policies: #"[{"name":"apicast","version":"builtin","configuration":{},"enabled":true}]"#
            )
            #expect(try await t.get(product.production + "/v1/models", headers: [("Authorization", "Bearer \(product.userKey)")])
                .text == "Authentication failed")
            #expect(try await t.get(product.production + "/v1/models", headers: [("Authorization", product.userKey)]).status == 200)
            // A disabled remove-bearer policy is stored but not applied.
            _ = try await t.call(.PUT, "/admin/api/services/\(product.id)/proxy/policies.json", form: [("policies_config",
                #"[{"name":"remove-bearer","version":"0.1","configuration":{},"enabled":false},{"name":"apicast","version":"builtin","configuration":{},"enabled":true}]"#)])
            #expect(try await t.get(product.staging + "/v1/models", headers: [("Authorization", "Bearer \(product.userKey)")])
                .status == 403)
            _ = try await t.call(.PUT, "/admin/api/services/\(product.id)/proxy/policies.json", form: [("policies_config",
                #"[{"name":"remove-bearer","version":"0.1","configuration":{},"enabled":true},{"name":"apicast","version":"builtin","configuration":{},"enabled":true}]"#)])
            #expect(try await t.get(product.staging + "/v1/models", headers: [("Authorization", "Bearer \(product.userKey)")])
                .status == 200)
        }
    }

    @Test func stagingServesLatestAndProductionThePromotedConfig() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("PP", rules: Self.vllmRules, promote: false)
            let auth = [("Authorization", "Bearer \(product.userKey)")]
            let never = try await t.get(product.production + "/v1/models", headers: auth)
            #expect(never.status == 404)
            #expect(never.body.isEmpty)
            #expect(try await t.get(product.staging + "/v1/models", headers: auth).status == 200)

            let latest = try await t.call(.GET, "/admin/api/services/\(product.id)/proxy/configs/sandbox/latest.json")
            let version = try #require(latest.json["proxy_config"]?["version"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/services/\(product.id)/proxy/configs/sandbox/\(version)/promote.json",
                                     form: [("to", "production")]).status == 201)
            #expect(try await t.get(product.production + "/v1/models", headers: auth).status == 200)

            // A new rule reaches staging on deploy, production only on the next promote.
            _ = try await t.call(.POST, "/admin/api/services/\(product.id)/proxy/mapping_rules.json", form: [
                ("http_method", "GET"), ("pattern", "/version"), ("delta", "1"), ("metric_id", String(product.hitsID)),
            ])
            #expect(try await t.call(.POST, "/admin/api/services/\(product.id)/proxy/deploy.json").status == 201)
            let staged = try await t.get(product.staging + "/version", headers: auth)
            #expect(staged.text != "No Mapping Rule matched")
            #expect(staged.status != 403)
            #expect(try await t.get(product.production + "/version", headers: auth).text == "No Mapping Rule matched")
        }
    }

    @Test func planLimitsAnswer429WithRetryAfterAndZeroDisables() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("PP", rules: Self.vllmRules)
            let auth = [("Authorization", "Bearer \(product.userKey)")]
            let completions = try #require(product.methods["completions"])
            let models = try #require(product.methods["models"])
            // Eternity: the one window that cannot reset between two calls, whatever the clock says
            // (a minute or month limit fails when the calls straddle its boundary). Retry-After
            // for windows that reset is checked on the store with a fixed clock (UsageLimitTests).
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(product.planID)/metrics/\(models)/limits.json",
                                     form: [("period", "eternity"), ("value", "1")]).status == 201)
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(product.planID)/metrics/\(product.hitsID)/limits.json",
                                     form: [("period", "eternity"), ("value", "2")]).status == 201)
            #expect(try await t.get(product.production + "/v1/models", headers: auth).status == 200)
            let limited = try await t.get(product.production + "/v1/models", headers: auth)
            #expect(limited.status == 429)
            #expect(limited.text == "Usage limit exceeded")
            #expect(limited.headers.first(name: "retry-after") == nil, "an eternity limit never resets: no time to wait for")
            // Hits counts every method: one more completion fits, then hits is exhausted.
            var request = HTTPClientRequest(url: product.production + "/v1/completions")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(product.userKey)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: #"{"model":"\#(t.sandbox.endpoints.modelName)","prompt":"San Francisco is a","max_tokens":4}"#))
            #expect(try await t.send(request).status == 200)
            #expect(try await t.send(request).status == 429)

            // A limit of 0 disables the method: APIcast reports it as an authentication failure.
            _ = try await t.call(.POST, "/admin/api/application_plans/\(product.planID)/metrics/\(completions)/limits.json",
                                 form: [("period", "eternity"), ("value", "0")])
            let disabled = try await t.send(request)
            #expect(disabled.status == 403)
            #expect(disabled.text == "Authentication failed")
        }
    }

    @Test func corsPreflightAndHeaders() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("PP", rules: Self.vllmRules, policies: #"""
            [{"name":"cors","version":"builtin","enabled":true,"configuration":{"allow_credentials":true,"allow_headers":["Authorization","Content-type","Accept"],"allow_methods":[],"allow_origin":"*"}},
             {"name":"remove-bearer","version":"0.1","configuration":{},"enabled":true},
             {"name":"apicast","version":"builtin","configuration":{},"enabled":true}]
            """#)
            var preflight = HTTPClientRequest(url: product.production + "/v1/completions")
            preflight.method = .OPTIONS
            preflight.headers.add(name: "Origin", value: "https://portal.example.com")
            preflight.headers.add(name: "Access-Control-Request-Method", value: "POST")
            let reply = try await t.send(preflight)
            #expect(reply.status == 204)
            #expect(reply.headers.first(name: "access-control-allow-origin") == "*")
            #expect(reply.headers.first(name: "access-control-allow-headers") == "Authorization, Content-type, Accept")
            #expect(reply.headers.first(name: "access-control-allow-methods") == "POST")
            #expect(reply.headers.first(name: "access-control-allow-credentials") == "true")
            let error = try await t.get(product.production + "/v1/models", headers: [("Origin", "https://portal.example.com")])
            #expect(error.status == 403)
            #expect(error.headers.first(name: "access-control-allow-origin") == "*")
            let plain = try await t.get(product.production + "/v1/models", headers: [("Authorization", product.userKey)])
            #expect(plain.headers.first(name: "access-control-allow-origin") == nil)
        }
    }

    @Test func streamingIsPassedThroughChunkByChunk() async throws {
        let log = EventLog()
        let router = Router()
        router.post("/v1/completions") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "data: {\"text\":\"first\"}\n\n"))
                // The upstream cannot finish until the client has seen the first event.
                try await log.wait(for: "client received first event")
                try await writer.write(ByteBuffer(string: "data: {\"text\":\"second\"}\n\n"))
                try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
                await log.record("upstream finished")
                try await writer.finish(nil)
            })
        }
        let upstream = try await Listener.start(host: "127.0.0.1", port: 0, responder: router.buildResponder(), role: "test upstream")
        defer { Task { await upstream.stop() } }
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("SS", backendEndpoint: upstream.url, rules: Self.vllmRules)
            var request = HTTPClientRequest(url: product.production + "/v1/completions")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(product.userKey)")
            request.body = .bytes(ByteBuffer(string: #"{"stream":true}"#))
            let client = t.client
            let streamed = request
            let received = try await withDeadlockGuard {
                let response = try await client.execute(streamed, timeout: .seconds(30))
                var text = ""
                for try await chunk in response.body {
                    text += String(buffer: chunk)
                    if text.contains("first"), !text.contains("second") {
                        await log.record("client received first event")
                    }
                }
                return text
            }
            #expect(received == "data: {\"text\":\"first\"}\n\ndata: {\"text\":\"second\"}\n\ndata: [DONE]\n\n")
            #expect(await log.events == ["client received first event", "upstream finished"])
        }
    }

    @Test func clientDisconnectCancelsTheUpstreamRequest() async throws {
        let log = EventLog()
        let router = Router()
        router.post("/v1/completions") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                do {
                    for index in 0..<2000 {
                        try await writer.write(ByteBuffer(string: "data: {\"n\":\(index)}\n\n"))
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    await log.record("upstream ran to the end")
                } catch {
                    await log.record("upstream cancelled")
                    throw error
                }
                try await writer.finish(nil)
            })
        }
        let upstream = try await Listener.start(host: "127.0.0.1", port: 0, responder: router.buildResponder(), role: "test upstream")
        defer { Task { await upstream.stop() } }
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("DD", backendEndpoint: upstream.url, rules: Self.vllmRules)
            var request = HTTPClientRequest(url: product.production + "/v1/completions")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(product.userKey)")
            let client = t.client
            let dropped = request
            try await withDeadlockGuard {
                let response = try await client.execute(dropped, timeout: .seconds(30))
                for try await _ in response.body { break }  // leaving the loop drops the connection
                try await log.wait(for: "upstream cancelled")
            }
            #expect(await log.events == ["upstream cancelled"])
        }
    }

    @Test func clientLeavingBeforeTheReplyCancelsTheUpstreamRequest() async throws {
        let log = EventLog()
        let router = Router()
        router.get("/v1/models") { request, _ -> Response in
            do {
                // A slow backend that notices its client going away, as vLLM does.
                try await request.body.consumeWithCancellationOnInboundClose { _ in
                    await log.record("upstream started")
                    try await Task.sleep(for: .seconds(60))
                }
            } catch {
                await log.record("upstream cancelled")
                throw error
            }
            return Response(status: .ok)
        }
        let upstream = try await Listener.start(host: "127.0.0.1", port: 0, responder: router.buildResponder(), role: "test upstream")
        defer { Task { await upstream.stop() } }
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("Slow", backendEndpoint: upstream.url, rules: Self.vllmRules)
            var request = HTTPClientRequest(url: product.production + "/v1/models")
            request.headers.add(name: "Authorization", value: product.userKey)
            let client = t.client
            let leaving = request
            try await withDeadlockGuard {
                let call = Task { try await client.execute(leaving, timeout: .seconds(60)) }
                try await log.wait(for: "upstream started")
                call.cancel()  // the client gives up and closes its connection
                _ = await call.result
                try await log.wait(for: "upstream cancelled")
            }
            #expect(await log.events == ["upstream started", "upstream cancelled"])
        }
    }

    /// The gateway keeps its upstream connections alive: requests that follow one another
    /// reach the backend over one connection, not a new one each (the backend sees every
    /// request come from the same port).
    @Test func upstreamConnectionsAreKeptAndReused() async throws {
        let peers = EventLog()
        let router = Router(context: ConnectionRequestContext.self)
        router.get("/v1/models") { _, context -> Response in
            await peers.record("\(context.channel.remoteAddress?.port ?? -1)")
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"data":[]}"#)))
        }
        router.post("/v1/completions") { request, context -> Response in
            _ = try await request.body.collect(upTo: 1 << 16)
            await peers.record("\(context.channel.remoteAddress?.port ?? -1)")
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"choices":[]}"#)))
        }
        let upstream = try await Listener.start(host: "127.0.0.1", port: 0, responder: router.buildResponder(), role: "test upstream")
        defer { Task { await upstream.stop() } }
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("Reuse", backendEndpoint: upstream.url, rules: Self.vllmRules)
            let models = KeepAliveTests.models(product.userKey)
            let completion = RawConnection.request("POST", "/v1/completions", headers: FaultTests.auth(product.userKey),
                                                   body: Data(#"{"prompt":"hello","max_tokens":3}"#.utf8))
            let requests = [models, completion, models]
            let url = product.production
            let statuses = await RawConnection.blocking { () -> [Int] in
                guard let connection = try? RawConnection(url) else { return [] }
                return requests.map { request in
                    connection.send(request)
                    return connection.receiveResponse().status
                }
            }
            #expect(statuses == [200, 200, 200])
            let ports = await peers.events
            #expect(ports.count == 3)
            #expect(Set(ports).count == 1)
            #expect(!ports.contains("-1"))
        }
    }

    @Test func upstreamTimeoutsComeFromUpstreamConnection() async throws {
        let router = Router()
        router.get("/v1/models") { _, _ -> Response in
            try await Task.sleep(for: .seconds(30))
            return Response(status: .ok)
        }
        let upstream = try await Listener.start(host: "127.0.0.1", port: 0, responder: router.buildResponder(), role: "test upstream")
        defer { Task { await upstream.stop() } }
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("TT", backendEndpoint: upstream.url, rules: Self.vllmRules, policies: #"""
            [{"name":"remove-bearer","version":"0.1","configuration":{},"enabled":true},
             {"name":"apicast","version":"builtin","configuration":{},"enabled":true},
             {"name":"upstream_connection","version":"builtin","enabled":true,"configuration":{"connect_timeout":1,"send_timeout":1,"read_timeout":0.2}}]
            """#)
            let reply = try await t.get(product.production + "/v1/models", headers: [("Authorization", product.userKey)])
            #expect(reply.status == 504)
            #expect(reply.text.contains("504 Gateway Time-out"))
            // An unreachable backend is a 502.
            _ = try await t.call(.PUT, "/admin/api/backend_apis/\(try await backend(named: "TT backend", t)).json",
                                 form: [("private_endpoint", "http://127.0.0.1:1")])
            _ = try await t.call(.POST, "/admin/api/services/\(product.id)/proxy/deploy.json")
            #expect(try await t.get(product.staging + "/v1/models", headers: [("Authorization", product.userKey)]).status == 502)
        }
    }

    func backend(named name: String, _ t: TestSandbox) async throws -> Int {
        let backends = try await t.call(.GET, "/admin/api/backend_apis.json").json["backend_apis"]?.arrayValue ?? []
        let found = backends.first { $0["backend_api"]?["name"] == .string(name) }
        return try #require(found?["backend_api"]?["id"]?.doubleValue).asInt
    }
}
