import Foundation
import Testing

/// The consumer verbs run by the binary against the sandbox's model server over loopback.
@Suite(.serialized) struct ConsumerVerbTests {
    /// A sandbox for one test, and a fixture whose current profile points straight at its model server.
    static func withModel(tokensPerSecond: Double = 0, _ body: (Fixture, SandboxProcess) async throws -> Void) async throws {
        let sandbox = try await SandboxProcess.start(tokensPerSecond: tokensPerSecond)
        do {
            let fixture = try Fixture()
            let login = try await fixture.run(["login", "--gateway", sandbox.modelURL, "--key", "unused-by-vllm-000"])
            #expect(login.status == 0)
            try await body(fixture, sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test func modelsListsTheServedModel() async throws {
        try await Self.withModel { fixture, sandbox in
            let table = try await fixture.run(["models"])
            #expect(table.status == 0)
            #expect(table.out.contains(sandbox.modelName))
            let json = try await fixture.run(["models", "-o", "json"])
            #expect(json.out.contains(#""id" : "\#(sandbox.modelName)""#))
        }
    }

    @Test func theLabsCompletionIsDeterministicStreamedOrNot() async throws {
        try await Self.withModel { fixture, _ in
            let lab = ["complete", "San Francisco is a", "--max-tokens", "15", "--temperature", "0"]
            let whole = try await fixture.run(lab)
            let streamed = try await fixture.run(lab + ["--stream"])
            #expect(whole.status == 0 && streamed.status == 0)
            #expect(!whole.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            #expect(whole.out == streamed.out)
            #expect(streamed.err.contains("15 tokens"))
            #expect(streamed.err.contains("first token"))
            let quiet = try await fixture.run(lab + ["--stream", "-q"])
            #expect(quiet.err.isEmpty)
        }
    }

    /// `--seed` reaches the server: with sampling on, the same seed gives the same answer and
    /// another seed another; the log keeps it.
    @Test func aSeedMakesASampledAnswerRepeatable() async throws {
        try await Self.withModel { fixture, _ in
            let sampled = ["complete", "San Francisco is a", "--max-tokens", "15", "--temperature", "1", "-q"]
            let first = try await fixture.run(sampled + ["--seed", "7"])
            let again = try await fixture.run(sampled + ["--seed", "7"])
            let other = try await fixture.run(sampled + ["--seed", "8"])
            #expect(first.status == 0 && again.status == 0 && other.status == 0, "\(first.err)\(other.err)")
            #expect(first.out == again.out)
            #expect(first.out != other.out)
            let chat = ["chat", "hello", "--max-tokens", "10", "--temperature", "1", "--seed", "7", "-q"]
            #expect(try await fixture.run(chat).out == (try await fixture.run(chat).out))
            let shown = try await fixture.run(["logs", "show"])
            #expect(shown.out.contains("seed=7"), "\(shown.out)")
        }
    }

    @Test func chatEmbedTokenizeDetokenizeHealth() async throws {
        try await Self.withModel { fixture, _ in
            let chat = try await fixture.run(["chat", "Hello!", "--system", "Be brief.", "--max-tokens", "12"])
            #expect(chat.status == 0 && !chat.out.isEmpty)
            let embed = try await fixture.run(["embed", "one", "two", "-o", "json"])
            #expect(embed.status == 0 && embed.out.contains(#""dimensions""#))
            let tokens = try await fixture.run(["tokenize", "hello world", "-o", "json"])
            #expect(tokens.status == 0)
            let ids = try #require(tokens.out.split(separator: "[").last?.split(separator: "]").first)
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let text = try await fixture.run(["detokenize"] + ids)
            #expect(text.out.contains("hello world"))
            let health = try await fixture.run(["health"])
            #expect(health.status == 0 && health.out.contains("200"))
        }
    }

    @Test func chatInAScriptReadsTurnsUpToEnd() async throws {
        try await Self.withModel { fixture, _ in
            try fixture.write("talk.maas", """
                chat --max-tokens 5
                first question
                /set temperature 0
                /history
                end
                echo after-chat
                """)
            let result = try await fixture.run(["talk.maas"])
            #expect(result.status == 0)
            #expect(result.out.contains("user: first question"))
            #expect(result.out.contains("assistant: "))
            #expect(result.out.hasSuffix("after-chat\n"))
        }
    }

    @Test func errorsSayWhatToDo() async throws {
        try await Self.withModel { fixture, sandbox in
            let unknownModel = try await fixture.run(["complete", "x", "--model", "no-such-model"])
            #expect(unknownModel.status == 1)
            #expect(unknownModel.err.contains("no-such-model"))
            let wrongPath = try await fixture.run(["models"], extraEnvironment: ["MAAS_GATEWAY_URL": sandbox.modelURL + "/nothing-here"])
            #expect(wrongPath.status == 1)
            #expect(wrongPath.err.contains("404"))
            let refused = try await fixture.run(["models"], extraEnvironment: ["MAAS_GATEWAY_URL": "http://127.0.0.1:1"])
            #expect(refused.status == 1)
            #expect(refused.err.contains("cannot connect to http://127.0.0.1:1"))
            let noGateway = try await fixture.run(["--profile", "empty", "models"])
            #expect(noGateway.err.contains("no gateway URL"))
            // vLLM refuses a top_p of 0; maas says so before sending, for every verb that samples.
            for verb in [["complete", "x"], ["chat", "x"], ["compare", "x", "--model", "m"]] {
                let zero = try await fixture.run(verb + ["--top-p", "0"])
                #expect(zero.status == 2 && zero.err.contains("--top-p must be in (0, 1]"), "\(verb): \(zero.err)")
            }
        }
    }

    @Test func tabCompletesModelIdsFromTheGateway() async throws {
        try await Self.withModel { fixture, sandbox in
            let terminal = try PseudoTerminal(Fixture.binary, environment: fixture.environment, directory: fixture.work)
            try terminal.type("complete hi --max-tokens 2 --model tiny" + PseudoTerminal.tab, at: "maas> ")
            try terminal.expect("-1.1b-chat-v1.0 ")
            terminal.send(PseudoTerminal.enter)
            try terminal.expect("2 tokens")
            try terminal.type(PseudoTerminal.ctrlD, at: "maas> ")
            #expect(try terminal.waitForExit() == 0)
            #expect(sandbox.modelName.hasPrefix("tinyllama"))
        }
    }

    @Test func chatModeKeepsTheConversationAndSurvivesCtrlC() async throws {
        try await Self.withModel(tokensPerSecond: 50) { fixture, sandbox in
            let terminal = try PseudoTerminal(Fixture.binary, environment: fixture.environment, directory: fixture.work)
            typealias Keys = PseudoTerminal
            try terminal.type("chat --max-tokens 4" + Keys.enter, at: "maas> ")
            let prompt = "chat(\(sandbox.modelName))> "
            try terminal.type("/system You are terse." + Keys.enter, at: prompt)
            try terminal.expect("system prompt set")
            try terminal.type("\"\"\"" + Keys.enter, at: prompt)
            try terminal.type("first line" + Keys.enter, at: "...> ")
            try terminal.type("second line" + Keys.enter, at: "...> ")
            try terminal.type("\"\"\"" + Keys.enter, at: "...> ")
            try terminal.expect("tokens")
            try terminal.type("/save convo.json" + Keys.enter, at: prompt)
            try terminal.expect("saved 3 messages")
            try terminal.type("/reset" + Keys.enter, at: prompt)
            try terminal.expect("conversation cleared")
            try terminal.type("/load convo.json" + Keys.enter, at: prompt)
            try terminal.expect("loaded 3 messages")
            try terminal.type("/history" + Keys.enter, at: prompt)
            try terminal.expect(" first line\r\nsecond line")
            // A long answer at 50 tokens/s: Ctrl-C once it has started.
            try terminal.type("/set max-tokens 2000" + Keys.enter, at: prompt)
            try terminal.type("tell me more" + Keys.enter, at: prompt)
            try terminal.expect("tell me more\r\n")
            try terminal.expect(" ")
            terminal.send(Keys.ctrlC)
            try terminal.expect("interrupted")
            try terminal.type("/set max-tokens 3" + Keys.enter, at: prompt)
            try terminal.type("and now?" + Keys.enter, at: prompt)
            try terminal.expect("3 tokens")
            try terminal.type("/exit" + Keys.enter, at: prompt)
            try terminal.type(Keys.ctrlD, at: "maas> ")
            #expect(try terminal.waitForExit() == 0)
        }
    }
}
