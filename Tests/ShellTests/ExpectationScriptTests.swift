import Foundation
import ModelGateway
import Testing
@testable import Shell

/// `expect` in scripts, in-process: FILE:LINE failures that do not stop the script, the
/// tally of the outermost run, and `expect status` judging the failing command before it.
@Suite struct ExpectationScriptTests {
    typealias Harness = InterpreterTests.Harness

    static func answered(_ h: Harness, _ text: String) {
        h.interpreter.rememberAnswer(ExpectationTests.answer(text))
    }

    @Test func aFailingExpectationIsReportedAndTheScriptGoesOnToItsTally() async throws {
        let h = try Harness()
        Self.answered(h, "Paris is the capital of France.\nIt is large.")
        let status = await h.script("""
            expect contains Paris
            expect contains Berlin
            echo after
            expect tokens <= 100
            """)
        #expect(status == 1)
        #expect(h.out.text == "after\n")
        #expect(h.err.text == """
            t.maas:2: expectation failed: expect contains Berlin — answer: Paris is the capital of France.
            2 passed, 1 failed

            """)
        #expect(h.interpreter.expectationTally.results.map(\.line) == [1, 2, 4])
    }

    @Test func allPassingEndsWithTheTallyAndStatusZero() async throws {
        let h = try Harness()
        Self.answered(h, "{\"ok\": true}")
        #expect(await h.script("expect json\nexpect not-contains error\n") == 0)
        #expect(h.err.text == "2 passed, 0 failed\n")
        // A script without expectations prints no tally.
        #expect(await h.script("echo plain\n") == 0)
        #expect(h.err.text == "2 passed, 0 failed\n")
    }

    @Test func aBadExpectationStopsTheScriptAsAUsageError() async throws {
        let h = try Harness()
        #expect(await h.script("expect containz x\necho never\n") == 2)
        #expect(h.out.text == "")
        #expect(h.err.text.contains("t.maas:1: error: unknown expectation 'containz'"))
    }

    @Test func withoutAnAnswerTheExpectationFailsSayingSo() async throws {
        let h = try Harness()
        #expect(await h.script("expect contains x\n") == 1)
        #expect(h.err.text.hasPrefix("t.maas:1: expectation failed: expect contains x — no answer yet"))
    }

    @Test func theOutermostScriptOwnsTheTallyOfTheScriptsItSources() async throws {
        let h = try Harness()
        Self.answered(h, "hello")
        try "expect contains hello\nexpect contains bye\n".write(toFile: h.folder + "/inner.maas", atomically: true, encoding: .utf8)
        let status = await h.script("source inner.maas\nexpect contains hello\necho done\n")
        #expect(status == 1)
        #expect(h.out.text == "done\n")
        #expect(h.err.text == """
            inner.maas:2: expectation failed: expect contains bye — answer: hello
            2 passed, 1 failed

            """)
    }

    @Test func aFailingCommandBeforeExpectStatusIsJudgedByIt() async throws {
        let h = try Harness()
        Self.answered(h, "an earlier answer, status 200")
        // No profile: `complete` fails before sending; the stale answer must not pass for it.
        let status = await h.script("complete hello\nexpect status 200\necho after\n")
        #expect(status == 1)
        #expect(h.out.text == "after\n")
        #expect(!h.err.text.contains("error: no profile"))
        #expect(h.err.text.contains("t.maas:2: expectation failed: expect status 200 — error: "))
        #expect(h.err.text.hasSuffix("0 passed, 1 failed\n"))
        // The same on one line, in a script and at the prompt.
        #expect(await h.script("complete hello; expect status 200; echo same-line\n") == 1)
        #expect(h.out.text == "after\nsame-line\n")
        #expect(h.err.text.contains("t.maas:1: expectation failed: expect status 200 — error: "))
        #expect(await h.interpreter.run(line: "complete hello; expect status 200") == .failure(ShellError("")))
        #expect(h.err.text.contains("\nexpectation failed: expect status 200 — error: "))
        // Without `expect status` next, the failure stops the script as before.
        #expect(await h.script("complete hello\nexpect contains x\n") == 1)
        #expect(h.err.text.contains("t.maas:1: error: "))
    }

    @Test func atThePromptAFailureHasNoPlaceAndIsTheCommandsFailure() async throws {
        let h = try Harness()
        Self.answered(h, "hello")
        #expect(await h.interpreter.run(line: "expect contains hello") == .success)
        #expect(await h.interpreter.run(line: "expect contains bye") == .failure(ShellError("")))
        #expect(h.err.text.contains("passed: expect contains hello\n"))
        #expect(h.err.text.contains("\nexpectation failed: expect contains bye — answer: hello\n"))
    }
}
