import Foundation
@testable import Sandbox
import Testing

@Suite("Sandbox lifecycle and state file")
struct LifecycleTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).json").path
    }

    @Test func stateSurvivesARestartWithItsGateways() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var token = ""
        var production = ""
        var key = ""
        try await TestSandbox.with(.init(statePath: path)) { t in
            token = t.token
            let product = try await t.publishedProduct("Kept", rules: [("GET", "/v1/models", "models")])
            production = product.production
            key = product.userKey
        }
        try await TestSandbox.with(.init(statePath: path)) { t in
            let services = try await t.call(.GET, "/admin/api/services.json")
            let models = try await t.get(production + "/v1/models", headers: [("Authorization", "Bearer \(key)")])
            #expect(t.token == token)
            #expect(services.json["services"]?.arrayValue?.map { $0["service"]?["name"] } == ["API", "Kept"])
            #expect(models.status == 200)
        }
    }

    @Test func anUnreadableStateFileIsRefusedAndLeftUntouched() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let garbage = Data("{\"format\": 1, \"services\": [oops".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        await #expect(throws: SandboxError.self) { _ = try await RunningSandbox.start(.init(statePath: path)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        do throws(SandboxError) {
            _ = try await RunningSandbox.start(.init(statePath: path))
        } catch {
            #expect(error.message.contains(path))
        }
    }

    @Test func aTakenPortIsAnErrorNamingIt() async throws {
        try await TestSandbox.with { t in
            let port = try #require(URLComponents(string: t.admin)?.port)
            do throws(SandboxError) {
                let second = try await RunningSandbox.start(.init(adminPort: port))
                try await second.shutdown()
                Issue.record("a second sandbox bound the same port")
            } catch {
                #expect(error.message.contains("\(port)"))
                #expect(error.message.contains("admin API"))
            }
        }
    }

    @Test func gatewayPortsComeFromTheConfiguredRange() async throws {
        // Find a free block by binding nothing: pick a high range and let the sandbox skip taken ports.
        let range = 47_100...47_140
        try await TestSandbox.with(.init(gatewayPorts: range)) { t in
            let service = try await t.createProduct("Ranged")
            let id = try #require(service["id"]?.doubleValue).asInt
            let proxy = try await t.call(.GET, "/admin/api/services/\(id)/proxy.json").json["proxy"]
            for key in ["sandbox_endpoint", "endpoint"] {
                let port = try #require(proxy?[key]?.stringValue.flatMap { URLComponents(string: $0)?.port })
                #expect(range.contains(port))
            }
        }
    }

    @Test func oversizedBodiesAreRefusedAndNothingIsLost() async throws {
        try await TestSandbox.with { t in
            _ = try await t.createBackend("Kept", endpoint: "http://example.com")
            let before = try await t.call(.GET, "/admin/api/backend_apis.json").json
            let huge = String(repeating: "a", count: AdminResponder.maximumBodySize + 1)
            let reply = try await t.call(.POST, "/admin/api/backend_apis.json",
                                         form: [("name", "big"), ("description", huge), ("private_endpoint", "http://x.org")])
            #expect(reply.status == 413)
            #expect(try await t.call(.GET, "/admin/api/backend_apis.json").json == before)
        }
    }
}
