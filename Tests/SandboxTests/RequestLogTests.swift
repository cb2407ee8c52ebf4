import AsyncHTTPClient
import InMemoryLogging
import Logging
@testable import Sandbox
import Testing

/// `maas sandbox -v`: a line per request on every listener and the gateway's decision,
/// never a key or token; `-vv` adds headers and bodies, masked.
@Suite struct RequestLogTests {
    static func logger(_ handler: InMemoryLogHandler, level: Logger.Level) -> Logger {
        var logger = Logger(label: "sandbox") { _ in handler }
        logger.logLevel = level
        return logger
    }

    static func text(of entry: InMemoryLogHandler.Entry) -> String {
        "\(entry.message)" + entry.metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
    }

    @Test func aGatewayRequestLogsItsRuleLimitsAndUpstreamButNoKey() async throws {
        let handler = InMemoryLogHandler()
        try await TestSandbox.with(SandboxConfiguration(logger: Self.logger(handler, level: .debug))) { t in
            let product = try await t.publishedProduct("Logged", rules: [("GET", "/v1/models", "models")])
            let models = try #require(product.methods["models"])
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(product.planID)/metrics/\(models)/limits.json",
                                     form: [("period", "eternity"), ("value", "1")]).status == 201)
            let auth = [("Authorization", "Bearer \(product.userKey)")]
            #expect(try await t.get(product.production + "/v1/models", headers: auth).status == 200)
            #expect(try await t.get(product.production + "/v1/models", headers: auth).status == 429)
            #expect(try await t.get(product.production + "/tokenize", headers: auth).status == 404)
            #expect(try await t.get(product.production + "/v1/models").status == 403)

            let lines = handler.entries.map(Self.text(of:))
            let info = handler.entries.filter { $0.level == .info }.map(Self.text(of:))
            let decisions = info.filter { $0.hasPrefix("production gateway ") }
            #expect(decisions.count == 4, "\(decisions)")
            let served = try #require(decisions.first)
            #expect(served.hasPrefix("production gateway GET /v1/models: rule GET /v1/models (models +1); within models 1/1 per eternity; upstream 200 in "))
            #expect(decisions.contains { $0.hasPrefix("production gateway GET /v1/models: rule GET /v1/models (models +1); exceeded models 2/1 per eternity; limits exceeded: 429 ") })
            #expect(decisions.contains { $0.hasPrefix("production gateway GET /tokenize: no mapping rule matched: 404 ") })
            #expect(decisions.contains { $0.hasPrefix("production gateway GET /v1/models: no credentials (headers Authorization): 403 ") })

            // One request line per listener: the gateway's, the model's behind it, the admin API's.
            #expect(info.contains { $0.hasPrefix("GET \(product.production)/v1/models 200, headers ") && $0.contains(" listener=production request=") })
            #expect(info.contains { $0.hasPrefix("GET \(t.sandbox.endpoints.modelURL)/v1/models 200, headers ") && $0.contains(" listener=model") })
            #expect(info.contains { $0.hasPrefix("POST \(t.admin)/admin/api/accounts/") && $0.contains(" 201, ") && $0.contains(" listener=admin") })

            // The wire, masked: the key in Authorization, the token in queries and forms, the
            // new application's key in the admin API's answer, the secret token sent upstream.
            #expect(lines.contains { $0.hasPrefix("> Authorization: Bearer *** listener=production") })
            #expect(lines.contains { $0.hasPrefix("> X-3scale-proxy-secret-token: *** listener=model") })
            #expect(lines.contains { $0.contains("access_token=***") && $0.contains("listener=admin") })
            #expect(lines.contains { $0.hasPrefix("< {\"application\":") && $0.contains("\"user_key\":\"***\"") })
            let all = lines.joined(separator: "\n")
            #expect(!all.contains(product.userKey) && !all.contains(t.token))
        }
    }

    @Test func atInfoOnlyTheRequestLinesAreLogged() async throws {
        let handler = InMemoryLogHandler()
        try await TestSandbox.with(SandboxConfiguration(logger: Self.logger(handler, level: .info))) { t in
            let reply = try await t.call(.GET, "/admin/api/services.json")
            #expect(reply.status == 200)
            let entries = handler.entries
            #expect(entries.count == 1 && entries.allSatisfy { $0.level == .info })
            #expect(entries.first.map(Self.text(of:))?.hasPrefix("GET \(t.admin)/admin/api/services.json?access_token=*** 200, headers ") == true)
        }
    }
}
