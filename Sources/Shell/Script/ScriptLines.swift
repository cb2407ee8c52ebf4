/// Joins physical lines into one logical line (after a trailing `\` or inside a quote).
///
/// Linear in the text: the tokenizer's scanner resumes where the previous line ended,
/// instead of reading the whole joined text again for each new line. The joined text is
/// bounded; past the bound the lines are still read (so that the next logical line starts
/// where it should) but no longer kept.
struct LineJoiner {
    static let maxLength = 1 << 20

    enum Status: Equatable {
        case complete
        case needsMore(Tokenizer.Incompleteness)
    }

    private(set) var text = ""
    private(set) var tooLong = false
    private var scanner = Tokenizer.Scanner()
    /// The scanner stopped at an error: the line is complete, and running it reports the error.
    private var failed = false
    private var started = false

    /// Scalars the scanner has read: the work done so far.
    var scanned: Int { scanner.position }
    /// The 1-based line, within the logical line, on which the open quote began.
    var quoteLine: Int { scanner.quoteLine }

    mutating func append(_ line: Substring) -> Status {
        let separator = started ? "\n" : ""
        started = true
        if !tooLong {
            if text.utf8.count + separator.utf8.count + line.utf8.count > Self.maxLength {
                tooLong = true
                text = ""
            } else {
                text += separator
                text += line
            }
        }
        if !failed {
            do {
                try scanner.feed(separator)
                try scanner.feed(line)
            } catch {
                failed = true
            }
        }
        if !failed, let reason = scanner.incompleteness { return .needsMore(reason) }
        return .complete
    }
}

/// Splits a script into logical lines, remembering where each starts.
struct ScriptLines: IteratorProtocol {
    struct Logical {
        var text: String
        /// The 1-based line it starts on.
        var line: Int
        /// Why it cannot run: the script ends inside a quote, or the line is too long.
        var problem: TokenizeError?
    }

    private let physical: [Substring]
    private var index = 0

    init(_ text: String) {
        physical = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    mutating func next() -> Logical? {
        guard index < physical.count else { return nil }
        let start = index
        var joiner = LineJoiner()
        var status = LineJoiner.Status.complete
        repeat {
            status = joiner.append(physical[index])
            index += 1
        } while status != .complete && index < physical.count
        var logical = Logical(text: joiner.text, line: start + 1)
        if joiner.tooLong {
            logical.problem = .lineTooLong(limit: LineJoiner.maxLength)
        } else if case let .needsMore(.openQuote(quote)) = status {
            logical.problem = .unterminatedQuote(quote, openedOnLine: start + joiner.quoteLine)
        } else if status == .needsMore(.continuation) {
            logical.text.removeLast()
        }
        return logical
    }
}

/// A whole script read as the runner reads it: logical lines, each tokenized into commands
/// (variables not yet expanded). Pure: for tests and the fuzz harness.
public enum ScriptParser {
    public struct Line: Equatable, Sendable {
        /// The 1-based line it starts on.
        public var number: Int
        public var commands: [RawCommand]
    }

    /// The first problem, located as the runner reports it: `FILE:LINE: error: MESSAGE`.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String

        public var description: String { "\(file):\(line): error: \(message)" }
    }

    public static func parse(_ text: String, file: String) throws(Failure) -> [Line] {
        var lines = ScriptLines(text)
        var result: [Line] = []
        while let logical = lines.next() {
            if let problem = logical.problem { throw Failure(file: file, line: logical.line, message: problem.description) }
            let outcome: Tokenizer.Outcome
            do {
                outcome = try Tokenizer.tokenize(logical.text)
            } catch {
                throw Failure(file: file, line: logical.line, message: error.description)
            }
            switch outcome {
            case let .complete(commands):
                if !commands.isEmpty { result.append(Line(number: logical.line, commands: commands)) }
            case let .incomplete(.openQuote(quote)):
                throw Failure(file: file, line: logical.line, message: TokenizeError.unterminatedQuote(quote, openedOnLine: nil).description)
            case .incomplete(.continuation):
                throw Failure(file: file, line: logical.line, message: "the line ends with a continuation backslash")
            }
        }
        return result
    }
}
