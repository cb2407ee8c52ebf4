import Foundation
import Testing

/// `usage` against a sandbox in its own process: the gateway's counts come back through
/// 3scale's analytics API, per application and ranked.
@Suite(.serialized) struct UsageVerbTests {
    @Test func completionsShowUpPerApplicationAndInTheRanking() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            func ok(_ arguments: [String]) async throws -> String {
                let result = try await fixture.run(arguments)
                #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.err)")
                return result.out
            }
            _ = try await ok(["backend", "create", "Model", "--url", sandbox.modelURL])
            _ = try await ok(["product", "create", "Chat", "--backend", "model", "--preset", "vllm"])
            _ = try await ok(["promote", "chat"])
            _ = try await ok(["subscribe", "user1", "chat"])
            _ = try await ok(["app", "create", "user1", "chat", "--name", "busy", "--save-profile", "busy"])
            _ = try await ok(["app", "create", "user1", "chat", "--name", "quiet", "--save-profile", "quiet"])
            let completions = 3
            for _ in 0..<completions { _ = try await ok(["--profile", "busy", "complete", "hello", "--max-tokens", "2"]) }
            _ = try await ok(["--profile", "quiet", "complete", "hello", "--max-tokens", "2"])

            let usage = try await ok(["usage", "chat", "--app", "busy", "-o", "json"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(usage.utf8)) as? [String: Any])
            let series = try #require(report["series"] as? [[String: Any]])
            let method = try #require(series.first { $0["name"] as? String == "completions" })
            #expect(method["total"] as? Int == completions)
            #expect(method["kind"] as? String == "method")
            #expect((method["values"] as? [Int])?.reduce(0, +) == completions)
            #expect((report["periods"] as? [Any])?.count == 24)
            // `app create` asked the gateway for the model once with each key: hits = completions + 1.
            #expect(series.first { $0["name"] as? String == "hits" }?["total"] as? Int == completions + 1)

            let top = try await ok(["usage", "chat", "--top", "-o", "json"])
            let ranking = try #require(try JSONSerialization.jsonObject(with: Data(top.utf8)) as? [String: Any])
            let applications = try #require(ranking["applications"] as? [[String: Any]])
            #expect(applications.compactMap { $0["name"] as? String } == ["busy", "quiet"])
            #expect(applications.first?["value"] as? Int == completions + 1)

            let table = try await ok(["usage", "--method", "completions", "--account", "user1"])
            #expect(table.contains("account user1 (2 applications)"))
            #expect(table.contains("TOTAL") && table.contains(String(completions + 1)))
            let both = try await fixture.run(["usage", "chat", "--app", "busy", "--account", "user1"])
            #expect(both.status == 2 && both.err.contains("not both"))
        }
    }
}
