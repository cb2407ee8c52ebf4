import Foundation
import Profiles
import Testing
@testable import Shell

/// The script runner and the command tree, in-process with captured output.
@Suite struct InterpreterTests {
    struct Harness {
        let interpreter: Interpreter
        let out = CapturingSink()
        let err = CapturingSink()
        let folder: String

        init(environment: [String: String] = [:]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-unit-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            interpreter = Interpreter(
                environment: environment, output: Output(out: out, err: err, isTerminal: false, color: false),
                profileStore: ProfileStore(path: folder + "/profiles.yaml"),
                input: TerminalInput(fd: -1, interrupts: nil), interactive: false)
        }

        func script(_ text: String, name: String = "t.maas", continueOnError: Bool = false) async -> Int32 {
            await interpreter.run(script: ScriptSource(name: name, text: text, directory: folder), continueOnError: continueOnError)
        }
    }

    @Test func stopsAtTheFirstFailureWithFileAndLine() async throws {
        let h = try Harness()
        let status = await h.script("echo one\n\nprofile use missing\necho two\n")
        #expect(status == 1)
        #expect(h.out.text == "one\n")
        #expect(h.err.text.hasPrefix("t.maas:3: error: no profile named 'missing'"))
    }

    @Test func continueOnErrorRunsEveryLine() async throws {
        let h = try Harness()
        let status = await h.script("echo one\nprofile use missing\necho $UNDEFINED\necho two\n", continueOnError: true)
        #expect(status == 1)
        #expect(h.out.text == "one\ntwo\n")
        #expect(h.err.text.contains("t.maas:3: error: undefined variable: UNDEFINED"))
    }

    @Test func usageErrorsExitTwo() async throws {
        let h = try Harness()
        #expect(await h.script("profile lsit\n") == 2)
        #expect(h.err.text.contains("did you mean 'list'?"))
        #expect(await h.script("sleep soon\n") == 2)
    }

    @Test func variablesExpandAfterEarlierCommandsOnTheLine() async throws {
        let h = try Harness(environment: ["FROM_ENV": "env-value"])
        #expect(await h.script("set X 1; echo $X; set X 2 3; echo \"${X}\" $FROM_ENV; unset X\n") == 0)
        #expect(h.out.text == "1\n2 3 env-value\n")
        #expect(h.interpreter.variable("X") == nil)
    }

    @Test func sourceResolvesAgainstTheScriptFolderAndExitStops() async throws {
        let h = try Harness()
        try "set FROM inner\nexit 7\necho unreachable\n".write(toFile: h.folder + "/inner.maas", atomically: true, encoding: .utf8)
        let status = await h.script("source inner.maas\necho never\n")
        #expect(status == 7)
        #expect(h.out.text == "")
        #expect(h.interpreter.variable("FROM") == "inner")
    }

    @Test func sourcingItselfStopsAtADepthLimit() async throws {
        let h = try Harness()
        try "source loop.maas\n".write(toFile: h.folder + "/loop.maas", atomically: true, encoding: .utf8)
        let status = await h.script("source loop.maas\n")
        #expect(status == 1)
        #expect(h.err.text.contains("more than 32 levels"))
    }

    @Test func helpAndVersionPrint() async throws {
        let h = try Harness()
        #expect(await h.interpreter.execute(["help", "profile"]) == .success)
        #expect(h.out.text.contains("USAGE: maas profile"))
        #expect(await h.interpreter.execute(["version", "-o", "json"]) == .success)
        #expect(h.out.text.contains(#""maas" : "\#(MaasCommand.version)""#))
        guard case let .failure(error) = await h.interpreter.execute(["help", "nonsense"]) else {
            Issue.record("help of an unknown verb succeeded")
            return
        }
        #expect(error.kind == .usage)
    }

    /// Joining the lines after an open quote is linear: 20,000 lines take milliseconds
    /// (re-reading the joined text for each new line took minutes).
    @Test func anUnterminatedQuoteNamesTheLineItOpenedOn() async throws {
        let h = try Harness()
        let script = "echo one\necho a \\\n  'open\n" + String(repeating: "a line of the quoted text\n", count: 20_000)
        #expect(await h.script(script) == 1)
        #expect(h.out.text == "one\n")
        #expect(h.err.text == "t.maas:2: error: unterminated quote (opened on line 3): add the closing '\n")
    }

    @Test func echoedControlCharactersAreSanitisedToo() async throws {
        let h = try Harness()
        #expect(await h.script("echo \"$(printf)\u{1B}]52;c;eA==\u{07}x\u{1B}[2J\u{9B}1m\"\n") == 0)
        #expect(h.out.text == "$(printf)x\n")
    }

    @Test func cancellationInterruptsACommand() async throws {
        let h = try Harness()
        let task = Task { await h.interpreter.execute(["sleep", "600"]) }
        task.cancel()
        #expect(await task.value == .interrupted)
    }
}
