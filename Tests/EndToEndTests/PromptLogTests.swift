import Foundation
import Testing

/// The prompt log, by the binary against the sandbox: what is logged and found, rerun, the
/// switches that keep prompts out, a log that cannot be used, modes, two writers, no secrets.
@Suite(.serialized) struct PromptLogTests {
    static func logPath(_ fixture: Fixture) -> String { fixture.root + "/state/maas/log.db" }

    /// The entries `logs -o json` lists (newest first), with `arguments` after `logs`.
    static func entries(_ fixture: Fixture, _ arguments: [String] = []) async throws -> [[String: Any]] {
        let listed = try await fixture.run(["logs"] + arguments + ["-n", "1000", "-o", "json"])
        try #require(listed.status == 0, "\(listed.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]], "\(listed.out)")
    }

    @Test func completeAndChatTurnsAreLoggedFoundShownAndExported() async throws {
        try await ConsumerVerbTests.withModel { fixture, sandbox in
            #expect(try await fixture.run(["complete", "Tell me about owls", "--max-tokens", "5", "--temperature", "0"]).status == 0)
            #expect(try await fixture.run(["chat", "what do penguins eat", "--max-tokens", "4", "--system", "be brief"]).status == 0)
            try fixture.write("session.maas", """
                complete "a scripted walrus" --max-tokens 3
                chat --max-tokens 3
                hello narwhal
                and a second turn
                end
                """)
            let script = try await fixture.run(["session.maas"])
            #expect(script.status == 0, "\(script.err)")

            let all = try await Self.entries(fixture)
            #expect(all.map { $0["verb"] as? String } == ["chat", "chat", "complete", "chat", "complete"])
            #expect(all.allSatisfy { $0["model"] as? String == sandbox.modelName && $0["status"] as? Int == 200 })
            #expect(all.allSatisfy { !($0["answer"] as? String ?? "").isEmpty && ($0["completion_tokens"] as? Int ?? 0) > 0 })

            let owls = try await Self.entries(fixture, ["--search", "owls"])
            #expect(owls.count == 1 && owls.first?["prompt"] as? String == "Tell me about owls")
            #expect((owls.first?["parameters"] as? [String: Any])?["max_tokens"] as? Int == 5)
            #expect(try await Self.entries(fixture, ["--search", "penguins"]).count == 1)
            // The second turn's entry holds the whole conversation, the first turn included.
            #expect(try await Self.entries(fixture, ["--search", "narwhal"]).count == 2)
            #expect(try await Self.entries(fixture, ["--search", "walrus"]).first?["verb"] as? String == "complete")
            #expect(try await Self.entries(fixture, ["--search", "zebra"]).isEmpty)
            #expect(try await Self.entries(fixture, ["--since", "1h", "--model", sandbox.modelName]).count == 5)
            #expect(try await Self.entries(fixture, ["--model", "another"]).isEmpty)
            #expect(try await Self.entries(fixture, ["--failed"]).isEmpty)

            let table = try await fixture.run(["logs", "-n", "2"])
            #expect(table.status == 0)
            #expect(table.out.contains("ID") && table.out.contains("PROMPT") && table.out.contains("TTFT"))
            #expect(table.out.contains("and a second turn") && !table.out.contains("owls"), "\(table.out)")

            let penguinID = try #require(try await Self.entries(fixture, ["--search", "penguins"]).first?["id"] as? Int)
            let shown = try await fixture.run(["logs", "show", String(penguinID)])
            #expect(shown.status == 0, "\(shown.err)")
            for part in ["── system", "be brief", "── user", "what do penguins eat", "── answer", "max_tokens=4", "status:"] {
                #expect(shown.out.contains(part), "\(part) in \(shown.out)")
            }
            let missing = try await fixture.run(["logs", "show", "999"])
            #expect(missing.status == 1 && missing.err.contains("no entry 999"))
            // With no ID, the newest entry: the script's second chat turn.
            let newest = try await fixture.run(["logs", "show"])
            #expect(newest.status == 0 && newest.out.contains("and a second turn"), "\(newest.out)\(newest.err)")

            let export = try await fixture.run(["logs", "export"])
            #expect(export.status == 0)
            let lines = export.out.split(separator: "\n")
            let ids = try lines.map { try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? Int) }
            #expect(ids == ids.sorted() && ids.count == 5, "oldest first: \(ids)")
            #expect(try await fixture.run(["logs", "export", "--search", "owls"]).out.split(separator: "\n").count == 1)
            #expect(try await fixture.run(["logs", "export", "-o", "yaml"]).status != 0)

            let badAge = try await fixture.run(["logs", "--since", "yesterday"])
            #expect(badAge.status != 0 && badAge.err.contains("30s, 15m, 1h or 2d"), "\(badAge.err)")
        }
    }

    @Test func rerunSendsTheSameRequestAgainAndShowsBothAnswers() async throws {
        try await ConsumerVerbTests.withModel { fixture, sandbox in
            #expect(try await fixture.run(["complete", "San Francisco is a", "--max-tokens", "6", "--temperature", "0"]).status == 0)
            #expect(try await fixture.run(["chat", "hello there", "--max-tokens", "4", "--temperature", "0"]).status == 0)
            let before = try await Self.entries(fixture)
            let completeID = try #require(before.last?["id"] as? Int)
            let chatID = try #require(before.first?["id"] as? Int)

            let rerun = try await fixture.run(["logs", "rerun", String(completeID)])
            #expect(rerun.status == 0, "\(rerun.err)")
            #expect(rerun.out.contains("#\(completeID) \(sandbox.modelName) (earlier)") && rerun.out.contains("(now)"), "\(rerun.out)")
            let earlier = try #require(before.last?["answer"] as? String)
            #expect(rerun.out.components(separatedBy: earlier.trimmingCharacters(in: .whitespacesAndNewlines)).count >= 3,
                    "at temperature 0 the answer streams, then shows twice side by side: \(rerun.out)")

            #expect(try await fixture.run(["logs", "rerun", String(chatID)]).status == 0)
            let json = try await fixture.run(["logs", "rerun", String(completeID), "-o", "json"])
            #expect(json.status == 0, "\(json.err)")
            let view = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any], "only the JSON: \(json.out)")
            #expect(view["id"] as? Int == completeID)
            #expect((view["earlier"] as? [String: Any])?["answer"] as? String == earlier)
            let now = try #require(view["now"] as? [String: Any])
            #expect(now["answer"] as? String == earlier && now["completion_tokens"] as? Int == 6 && now["partial"] as? Bool == false, "\(now)")
            let after = try await Self.entries(fixture)
            #expect(after.count == 5)
            #expect(after[2]["prompt"] as? String == "San Francisco is a" && after[2]["answer"] as? String == earlier)
            #expect((after[1]["messages"] as? [[String: Any]])?.last?["content"] as? String == "hello there")
            #expect((after[1]["parameters"] as? [String: Any])?["temperature"] as? Double == 0)

            #expect(try await fixture.run(["profile", "rename", "default", "elsewhere"]).status == 0)
            let orphan = try await fixture.run(["logs", "rerun", String(completeID)])
            #expect(orphan.status == 1 && orphan.err.contains("'default', which no longer exists"), "\(orphan.err)")
        }
    }

    @Test func noLogMaasNoLogAndProfileLogOffEachLogNothing() async throws {
        try await ConsumerVerbTests.withModel { fixture, _ in
            #expect(try await fixture.run(["complete", "one", "--max-tokens", "2", "--no-log"]).status == 0)
            #expect(try await fixture.run(["--no-log", "complete", "two", "--max-tokens", "2"]).status == 0)
            #expect(try await fixture.run(["chat", "three", "--max-tokens", "2"], extraEnvironment: ["MAAS_NO_LOG": "1"]).status == 0)
            #expect(try await fixture.run(["profile", "set", "log", "off"]).status == 0)
            #expect(try await fixture.run(["complete", "four", "--max-tokens", "2"]).status == 0)
            #expect(try await Self.entries(fixture).isEmpty)

            #expect(try await fixture.run(["profile", "set", "log", "on"]).status == 0)
            #expect(try await fixture.run(["complete", "five", "--max-tokens", "2"]).status == 0)
            #expect(try await Self.entries(fixture).map { $0["prompt"] as? String } == ["five"])
            let badValue = try await fixture.run(["profile", "set", "log-max-mb", "lots"])
            #expect(badValue.status != 0 && badValue.err.contains("log-max-mb"))
        }
    }

    @Test func aLogThatCannotBeUsedWarnsOnceAndThePromptsStillAnswer() async throws {
        try await ConsumerVerbTests.withModel { fixture, _ in
            let path = Self.logPath(fixture)
            try FileManager.default.createDirectory(atPath: fixture.root + "/state/maas", withIntermediateDirectories: true)
            try Data((0..<16384).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))
            try fixture.write("two.maas", """
                complete "first" --max-tokens 3
                chat "second" --max-tokens 3
                echo done
                """)
            let corrupt = try await fixture.run(["two.maas"])
            #expect(corrupt.status == 0)
            #expect(corrupt.out.hasSuffix("done\n"))
            #expect(corrupt.err.components(separatedBy: "warning: prompt log: cannot open ~/state/maas/log.db: file is not a database; prompts are not logged").count == 2,
                    "one warning: \(corrupt.err)")
            let listing = try await fixture.run(["logs"])
            #expect(listing.status == 1 && listing.err.contains("file is not a database"))

            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let folder = try await fixture.run(["complete", "third", "--max-tokens", "3"])
            #expect(folder.status == 0 && !folder.out.isEmpty)
            #expect(folder.err.contains("warning: prompt log: cannot open ~/state/maas/log.db: it is a folder"), "\(folder.err)")
        }
    }

    @Test func theLogIsOwnerOnlyAndTwoProcessesWriteAtOnce() async throws {
        try await ConsumerVerbTests.withModel { fixture, _ in
            let lines = (0..<8).map { "complete \"writer turn \($0)\" --max-tokens 2" }.joined(separator: "\n")
            try fixture.write("many.maas", lines)
            async let first = fixture.run(["many.maas"])
            async let second = fixture.run(["many.maas"])
            let (one, two) = try await (first, second)
            #expect(one.status == 0 && two.status == 0)
            #expect(!(one.err + two.err).contains("warning"), "\(one.err)\(two.err)")
            #expect(try await Self.entries(fixture, ["--search", "writer"]).count == 16)

            func mode(_ path: String) throws -> Int {
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
            }
            #expect(try mode(Self.logPath(fixture)) == 0o600)
            #expect(try mode(fixture.root + "/state/maas") == 0o700)
        }
    }

    @Test func noSecretIsEverInTheDatabase() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            try await AppLifecycleTests.chatWithApplication(fixture, sandbox)
            let key = try #require(try await AppLifecycleTests.key(fixture, profile: "consumer"))
            let wrongKey = "0123456789abcdef0123456789abcdef"
            #expect(try await fixture.run(["--profile", "consumer", "complete", "hello gateway", "--max-tokens", "3"]).status == 0)
            #expect(try await fixture.run(["--profile", "consumer", "chat", "hello again", "--max-tokens", "3"]).status == 0)
            let refused = try await fixture.run(
                ["--profile", "consumer", "complete", "with a wrong key", "--max-tokens", "3"], extraEnvironment: ["MAAS_API_KEY": wrongKey])
            #expect(refused.status == 1)

            let failed = try await Self.entries(fixture, ["--failed"])
            #expect(failed.count == 1 && failed.first?["status"] as? Int == 403 && failed.first?["prompt"] as? String == "with a wrong key",
                    "\(failed)")
            #expect(try await Self.entries(fixture).count == 3)

            let secrets = [key, sandbox.accessToken, wrongKey]
            try Self.expectNoSecret(secrets, in: fixture, files: [""])

            // While a session holds the log open, the journal beside it holds pages of its last write: grep that too.
            try fixture.write("live.maas", """
                complete "hello while open" --profile consumer --max-tokens 3
                echo log-ready
                sleep 60
                """)
            let out = Pipe()
            let live = fixture.process(["live.maas"])
            live.standardOutput = out
            live.standardError = FileHandle.nullDevice
            let exit = ExitWatch(live)
            try live.run()
            let handle = out.fileHandleForReading
            let printed = await ChildProcess.offThePool {
                var text = ""
                while !text.contains("log-ready") {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    text += String(decoding: data, as: UTF8.self)
                }
                return text
            }
            #expect(printed.contains("log-ready"))
            try Self.expectNoSecret(secrets, in: fixture, files: ["", "-journal"])
            live.terminate()
            _ = await exit.wait()
        }
    }

    /// Each of the log's `files` (by suffix) exists and holds none of `secrets`.
    static func expectNoSecret(_ secrets: [String], in fixture: Fixture, files: [String]) throws {
        for suffix in files {
            let bytes = try #require(FileManager.default.contents(atPath: logPath(fixture) + suffix), "log.db\(suffix) exists")
            #expect(bytes.count > 0)
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "a secret in log.db\(suffix)")
            }
        }
    }
}
