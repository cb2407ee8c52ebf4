import Foundation
import Testing

/// `maas bench` run by the binary against the sandbox's model server.
@Suite(.serialized) struct BenchVerbTests {
    @Test func benchReportsCountsAndOrderedPercentilesAsJSON() async throws {
        try await ConsumerVerbTests.withModel { fixture, sandbox in
            let result = try await fixture.run(["bench", "--requests", "20", "--concurrency", "4", "--max-tokens", "16", "-o", "json"])
            #expect(result.status == 0, "\(result.err)")
            // No terminal: no progress line.
            #expect(result.err.isEmpty)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            #expect(report["completed"] as? Int == 20)
            #expect(report["failed"] as? Int == 0)
            #expect(report["concurrency"] as? Int == 4)
            #expect(report["model"] as? String == sandbox.modelName)
            #expect((report["total_output_tokens"] as? Int ?? 0) > 0)
            for metric in ["ttft_ms", "tpot_ms", "itl_ms", "e2el_ms"] {
                let summary = try #require(report[metric] as? [String: Any], "\(metric) missing")
                let p50 = try #require(summary["p50"] as? Double)
                let p90 = try #require(summary["p90"] as? Double)
                let p99 = try #require(summary["p99"] as? Double)
                #expect(p50 <= p90 && p90 <= p99, "\(metric): \(p50) \(p90) \(p99)")
            }
            #expect((report["ttft_ms"] as? [String: Any])?["count"] as? Int == 20)
        }
    }

    @Test func theTableNamesVLLMsMetricsAndFailuresByStatus() async throws {
        try await ConsumerVerbTests.withModel { fixture, _ in
            let table = try await fixture.run(["bench", "--requests", "3", "--max-tokens", "4", "--chat", "--prompt-tokens", "10"])
            #expect(table.status == 0, "\(table.err)")
            for name in ["TTFT", "TPOT", "ITL", "E2EL", "3 ok · 0 failed", "/v1/chat/completions"] {
                #expect(table.out.contains(name), "\(name) not in \(table.out)")
            }
            let failing = try await fixture.run(["bench", "--requests", "2", "--model", "no-such-model"])
            #expect(failing.status == 1)
            #expect(failing.out.contains("404"))
            #expect(failing.err.contains("all 2 requests failed (404)"))
        }
    }

    @Test func optionsAreValidated() async throws {
        let fixture = try Fixture()
        let cases: [([String], String)] = [
            (["bench"], "exactly one of --requests"),
            (["bench", "--requests", "1", "--duration", "2"], "exactly one of --requests"),
            (["bench", "--requests", "0"], "--requests must be at least 1"),
            (["bench", "--duration", "0"], "--duration must be"),
            (["bench", "--requests", "1", "--concurrency", "0"], "--concurrency must be between"),
            (["bench", "--requests", "1", "--prompt", "x", "--prompt-tokens", "3"], "exclude each other"),
        ]
        for (arguments, message) in cases {
            let result = try await fixture.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains(message), "\(arguments): \(result.err)")
        }
    }
}
