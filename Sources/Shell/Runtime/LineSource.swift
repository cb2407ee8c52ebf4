/// Where a command that opens a sub-mode (chat) reads its following lines: the
/// line editor in the interactive session, the next script lines in a script.
public protocol LineSource: Sendable {
    /// The next line, `nil` at the end of input; throws CancellationError on Ctrl-C at the prompt.
    func nextLine(prompt: String, completer: Completer?) async throws -> String?
}

/// The rest of a script, shared with the runner so lines a command consumed are not run again.
final class ScriptCursor: LineSource, @unchecked Sendable {
    // Used only by the script's own task, one line at a time.
    private var lines: ScriptLines
    private(set) var lineNumber = 0

    init(_ text: String) {
        lines = ScriptLines(text)
    }

    func next() -> ScriptLines.Logical? {
        let logical = lines.next()
        if let logical { lineNumber = logical.line }
        return logical
    }

    func nextLine(prompt: String, completer: Completer?) async throws -> String? {
        next()?.text
    }

    /// True when the next logical line starts with `expect status`: the line before it may
    /// fail without stopping the script, for that expectation to judge.
    func nextIsExpectStatus() -> Bool {
        var ahead = lines
        guard let logical = ahead.next(), logical.problem == nil,
              case let .complete(commands)? = try? Tokenizer.tokenize(logical.text),
              let first = commands.first
        else { return false }
        return Interpreter.judgesStatus(first)
    }
}
