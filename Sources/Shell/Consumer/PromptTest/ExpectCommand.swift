import ArgumentParser

/// `expect KIND …`: checks the last answer. In a script a failure prints `FILE:LINE:
/// expectation failed: …` and the script goes on; the outermost script ends with the tally.
struct ExpectCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "expect", abstract: "Check the last answer (complete, chat, compare): a prompt regression test.",
        discussion: """
            Kinds: \(Expectation.accepted). In a script a failing expectation prints FILE:LINE and the \
            answer's first line, the script goes on, and it ends with `N passed, N failed` (exit status 1 \
            when any failed). A failing command followed by `expect status N` does not stop the script: \
            the expectation decides.
            """)

    @Argument(help: ArgumentHelp("What to check: contains, not-contains, matches, json, tokens, ttft or status.", valueName: "kind"),
              completion: .list(Expectation.Kind.allCases.map(\.rawValue)))
    var kind: String

    @Argument(parsing: .captureForPassthrough,
              help: ArgumentHelp("The TEXT, REGEX, comparison (<= 100, < 500ms) or status code.", valueName: "operand"))
    var operand: [String] = []

    func validate() throws {
        do {
            _ = try Expectation([kind] + operand)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run(in context: CommandContext) async throws {
        let expectation = try Expectation([kind] + operand)
        let verdict = if let held = context.precedingFailure {
            expectation.verdict(on: held.record, commandError: held.message)
        } else {
            expectation.verdict(on: context.interpreter.lastAnswer)
        }
        var result = ExpectationResult(file: context.step?.file, line: context.step?.line, expectation: expectation.description)
        if case let .failed(reason) = verdict { result.failure = reason }
        context.interpreter.recordExpectation(result)
        if !result.passed {
            context.output.error(result.message)
            // At the prompt or in one shot the failure is the command's; a script goes on and tallies.
            if context.step == nil { throw ShellError("") }
        } else if context.step == nil {
            context.output.note(context.output.style("passed: \(expectation)", .green))
        }
    }
}
