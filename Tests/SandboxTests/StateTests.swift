import Foundation
@testable import Sandbox
import Testing
import Untrusted
import LoopbackSockets

/// The state across runs: one sandbox per state file, ports that moved, older files.
@Suite("Sandbox state across runs")
struct StateTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).json").path
    }

    static func removeState(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: StateLock.lockPath(for: path))
    }

    @Test func aSecondSandboxOnTheSameStateIsRefusedUntilTheFirstStops() async throws {
        let path = Self.temporaryPath()
        defer { Self.removeState(path) }
        try await TestSandbox.with(.init(statePath: path)) { _ in
            do throws(SandboxError) {
                let second = try await RunningSandbox.start(.init(statePath: path))
                try await second.shutdown()
                Issue.record("a second sandbox ran on the same state")
            } catch {
                #expect(error.message.contains(path))
                #expect(error.message.contains("in use by another sandbox (process \(getpid()))"))
            }
            #expect(throws: SandboxError.self) { try SandboxStateReset.delete(statePath: path) }
            #expect(FileManager.default.fileExists(atPath: path))
        }
        try await TestSandbox.with(.init(statePath: path)) { t in
            #expect(t.sandbox.resumed)
        }
        #expect(try SandboxStateReset.delete(statePath: path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func takenPortsMoveAndTheStoredAddressesFollow() async throws {
        let path = Self.temporaryPath()
        defer { Self.removeState(path) }
        var product: TestSandbox.Product?
        var modelURL = ""
        try await TestSandbox.with(.init(statePath: path)) { t in
            modelURL = t.sandbox.endpoints.modelURL
            product = try await t.publishedProduct("Moved", rules: [("GET", "/v1/models", "models")])
        }
        var old = try #require(product)
        let holders = try [old.production, modelURL].map { url in
            try PortHolder.holdInstead(of: try #require(URLComponents(string: url)?.port), rewriting: [path], keys: ["modelPort"])
        }
        old.production = "http://127.0.0.1:\(holders[0].port)"
        modelURL = "http://127.0.0.1:\(holders[1].port)"
        try await TestSandbox.with(.init(statePath: path)) { t in
            let moved = Dictionary(uniqueKeysWithValues: t.sandbox.relocations.map { ($0.role, $0) })
            #expect(moved["production gateway of 'Moved'"]?.from == old.production)
            #expect(moved["model server"]?.from == modelURL)
            #expect(moved["model server"]?.to == t.sandbox.endpoints.modelURL)
            let production = try #require(moved["production gateway of 'Moved'"]?.to)
            let proxy = try await t.call(.GET, "/admin/api/services/\(old.id)/proxy.json").json["proxy"]
            #expect(proxy?["endpoint"]?.stringValue == production)
            #expect(proxy?["sandbox_endpoint"]?.stringValue == old.staging)
            let backends = try await t.call(.GET, "/admin/api/backend_apis.json").json["backend_apis"]?.arrayValue ?? []
            // The tenant's default "API Backend" comes first; the product's own backend is the last one.
            #expect(backends.last?["backend_api"]?["private_endpoint"]?.stringValue == t.sandbox.endpoints.modelURL)
            // The promoted config relays to the model's new port, with the same key.
            let models = try await t.get(production + "/v1/models", headers: [("Authorization", "Bearer \(old.userKey)")])
            #expect(models.status == 200, "\(models.text)")
        }
        withExtendedLifetime(holders) {}
        let saved = try #require(try StateFile(path: path).load())
        #expect(saved.services.first { $0.id == old.id }?.proxy.endpoint != old.production)
    }

    @Test func aStateFileWithoutCollectionsAddedSinceLoadsThemEmpty() throws {
        let path = Self.temporaryPath()
        defer { Self.removeState(path) }
        let file = StateFile(path: path)
        var state = AdminStore.freshState(now: Timestamp.now())
        state.activeDocs = [ActiveDoc(id: 1, name: "d", systemName: "d", published: true, skipSwaggerValidations: false,
                                      body: "{}", serviceID: nil, createdAt: "t", updatedAt: "t")]
        try file.save(state)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard case .object(var fields) = try JSONValue.parse(data) else { Issue.record("not an object"); return }
        fields.removeValue(forKey: "activeDocs")
        fields.removeValue(forKey: "pricingRules")
        try JSONEncoder().encode(JSONValue.object(fields)).write(to: URL(fileURLWithPath: path))
        let loaded = try #require(try file.load())
        #expect(loaded.activeDocs.isEmpty)
        #expect(loaded.accounts == state.accounts)
        #expect(loaded.accessTokens == state.accessTokens)
    }

    @Test(arguments: ["{}", "[]", "{\"format\": 1, \"accounts\": 7}"])
    func aFileThatIsNotAStateIsRefusedAndKept(_ text: String) async throws {
        let path = Self.temporaryPath()
        defer { Self.removeState(path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do throws(SandboxError) {
            _ = try StateFile(path: path).load()
            Issue.record("\(text) was read as a state")
        } catch {
            #expect(error.message.contains("is not a sandbox state file"))
        }
        await #expect(throws: SandboxError.self) { _ = try await RunningSandbox.start(.init(statePath: path)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func savesAreOwnerOnly() throws {
        let path = Self.temporaryPath()
        defer { Self.removeState(path) }
        try StateFile(path: path).save(SandboxState())
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }
}
