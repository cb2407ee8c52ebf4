import Foundation
import Testing

/// `-v` logs each HTTP request maas makes on standard error, with no credential in it.
@Suite(.serialized) struct VerboseTests {
    static let key = "verbose-test-key-5f1c2a9e77"

    @Test func modelsLogsTheRequestButNeverTheKey() async throws {
        let sandbox = try await SandboxProcess.start()
        let fixture = try Fixture()
        #expect(try await fixture.run(["login", "--gateway", sandbox.modelURL, "--key", Self.key]).status == 0)

        let verbose = try await fixture.run(["-v", "models"])
        #expect(verbose.status == 0)
        #expect(verbose.out.contains(sandbox.modelName))
        let line = try #require(verbose.err.split(separator: "\n").first { $0.contains("GET ") })
        #expect(line.hasPrefix("info: GET \(sandbox.modelURL)/v1/models 200, headers "))
        #expect(line.contains(" ms, total ") && line.hasSuffix(" bytes"))
        #expect(!verbose.err.contains(Self.key))

        // After the verb, for that command alone; without it, nothing is logged.
        #expect(try await fixture.run(["models", "--verbose"]).err.contains("GET \(sandbox.modelURL)/v1/models 200"))
        #expect(try await fixture.run(["models"]).err.isEmpty)

        // A key sent in the query and a password in the URL stay out of the log too.
        #expect(try await fixture.run(["profile", "set", "auth-query", "user_key"]).status == 0)
        let withUserInfo = sandbox.modelURL.replacing("http://", with: "http://alice:pw-hunter2@")
        let query = try await fixture.run(["-v", "health"], extraEnvironment: ["MAAS_GATEWAY_URL": withUserInfo])
        #expect(query.status == 0, "\(query.err)")
        #expect(query.err.contains("GET http://***@"))
        #expect(!query.err.contains(Self.key) && !query.err.contains("hunter2"))
        await sandbox.stop()
    }

    @Test func adminCallsAreLoggedWithoutTheToken() async throws {
        let sandbox = try await SandboxProcess.start()
        let fixture = try Fixture()
        #expect(try await fixture.run(["admin", "login", "--url", sandbox.adminURL, "--token", sandbox.accessToken]).status == 0)
        let result = try await fixture.run(["-v", "backend", "list"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("info: GET \(sandbox.adminURL)/admin/api/backend_apis.json?page=1&per_page=500 200, headers "))
        #expect(!result.err.contains(sandbox.accessToken))
        await sandbox.stop()
    }
}
