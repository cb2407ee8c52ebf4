import Foundation
import Testing

/// `compare` run by the binary: two targets through the sandbox's gateway, one with a key that
/// 3scale refuses, side by side on a terminal and stacked in a pipe.
@Suite(.serialized) struct CompareVerbTests {
    /// The lab published (its profile `llama70b` holds a working key) and a profile `stranger`
    /// on the same gateway with a key no application has.
    static func withTwoProfiles(_ body: (Fixture, SandboxProcess) async throws -> Void) async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            try AdminVerbTests().copyExamples(to: fixture)
            let lab = try await fixture.run(["--profile", "default", "-f", "llama70b.maas"], extraEnvironment: ["MODEL_URL": sandbox.modelURL])
            #expect(lab.status == 0, "\(lab.err)")
            let gateway = try #require(lab.out.split(separator: "\n").first { $0.hasPrefix("endpoint:") }?.split(separator: " ").last)
            let stranger = try await fixture.run([
                "login", "--profile", "stranger", "--gateway", String(gateway), "--key", "not-a-key-of-any-app", "--model", sandbox.modelName,
            ])
            #expect(stranger.status == 0, "\(stranger.err)")
            try await body(fixture, sandbox)
        }
    }

    @Test func twoTargetsStackedInAPipeWithTheRefusedOnesErrorInItsPlace() async throws {
        try await Self.withTwoProfiles { fixture, sandbox in
            let result = try await fixture.run([
                "compare", "San Francisco is a", "--profile", "llama70b", "--profile", "stranger", "--max-tokens", "8", "--temperature", "0",
            ])
            #expect(result.status == 0, "\(result.err)")
            #expect(result.out.contains("── llama70b: \(sandbox.modelName)\n"))
            #expect(result.out.contains("── stranger: \(sandbox.modelName)\nerror: 403 Authentication failed"))
            let rows = result.out.split(separator: "\n").drop { !$0.hasPrefix("TARGET") }
            #expect(["TOKENS", "TTFT", "TOK/S", "TOTAL", "STATUS"].allSatisfy { rows.first?.contains($0) == true })
            #expect(rows.contains { $0.hasPrefix("llama70b: ") && $0.hasSuffix(" 200") && $0.contains(" 8 ") })
            #expect(rows.contains { $0.hasPrefix("stranger: ") && $0.contains("403 Authentication failed") })

            let logged = try await fixture.run(["logs", "-o", "json"])
            #expect(logged.out.components(separatedBy: #""verb" : "compare""#).count == 3, "\(logged.out)")

            let complete = try await fixture.run(["complete", "San Francisco is a", "--max-tokens", "8", "--temperature", "0"])
            #expect(result.out.contains("── llama70b: \(sandbox.modelName)\n" + complete.out))
        }
    }

    @Test func jsonHasEachTargetsAnswerAndFiguresAndRunsSayWhetherTheyAgreed() async throws {
        try await Self.withTwoProfiles { fixture, sandbox in
            let result = try await fixture.run([
                "compare", "Hello", "--chat", "--model", sandbox.modelName, "--model", "no-such-model", "--runs", "3",
                "--max-tokens", "5", "--temperature", "0", "-o", "json",
            ], extraEnvironment: ["MAAS_PROFILE": "llama70b"])
            #expect(result.status == 0, "\(result.err)")
            let targets = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
            #expect(targets.count == 2)
            #expect(targets[0]["target"] as? String == sandbox.modelName)
            #expect(targets[0]["status"] as? Int == 200 && targets[0]["tokens"] as? Int == 5)
            #expect(targets[0]["runs"] as? Int == 3 && targets[0]["identical"] as? Bool == true)
            #expect((targets[0]["answers"] as? [String])?.count == 3)
            #expect(targets[0]["ttft_ms"] as? NSNumber != nil && targets[0]["total_ms"] as? NSNumber != nil)
            #expect(targets[1]["status"] as? Int == 404)
            #expect((targets[1]["error"] as? String)?.contains("no-such-model") == true)
        }
    }

    @Test func columnsSideBySideOnATerminal() async throws {
        try await Self.withTwoProfiles { fixture, sandbox in
            let terminal = try PseudoTerminal(Fixture.binary, environment: fixture.environment, directory: fixture.work)
            try terminal.type(#"compare "Once upon a time" --profile llama70b --profile stranger --max-tokens 8"# + PseudoTerminal.enter, at: "> ")
            let screen = Self.plain(try terminal.expect("TARGET"))
            let header = "llama70b: \(sandbox.modelName)"
            #expect(screen.split(separator: "\n").contains { $0.hasPrefix(header) && $0.contains(" │ stranger: ") }, "\(screen)")
            #expect(screen.contains("│ error: 403 Authentication failed"))
            try terminal.type(PseudoTerminal.ctrlD, at: "> ")
            #expect(try terminal.waitForExit() == 0)
        }
    }

    @Test func ctrlCStopsEveryStreamAndKeepsWhatArrived() async throws {
        try await ConsumerVerbTests.withModel(tokensPerSecond: 20) { fixture, sandbox in
            let terminal = try PseudoTerminal(Fixture.binary, environment: fixture.environment, directory: fixture.work)
            try terminal.type("compare go --model \(sandbox.modelName) --model \(sandbox.modelName) --max-tokens 500" + PseudoTerminal.enter, at: "maas> ")
            try terminal.expect("tokens…")
            terminal.send(PseudoTerminal.ctrlC)
            let screen = Self.plain(try terminal.expect("maas> ", within: 40))
            #expect(screen.contains("[interrupted]"))
            #expect(screen.contains("\(sandbox.modelName) #2"))
            #expect(screen.split(separator: "\n").contains { $0.hasPrefix(sandbox.modelName) && $0.contains("interrupted") })
            terminal.send(PseudoTerminal.ctrlD)
            #expect(try terminal.waitForExit() == 0)
        }
    }

    /// The screen's text without our colour and cursor codes.
    static func plain(_ screen: String) -> String {
        screen.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]|\r", with: "", options: .regularExpression)
    }
}
