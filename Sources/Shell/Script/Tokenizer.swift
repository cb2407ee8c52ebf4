/// Splits one logical line of maas input into commands and words, POSIX-shell style:
/// single quotes are literal, double quotes allow `$NAME` and backslash escapes of
/// `$ " \`, a bare backslash escapes the next character, `;` separates commands and
/// an unquoted `#` at the start of a word starts a comment. Variables stay
/// unexpanded here so that `set X 1; echo $X` expands after `set` has run.
public enum Tokenizer {
    public enum Outcome: Equatable, Sendable {
        case complete([RawCommand])
        /// The line ends inside quotes or with a continuation backslash: more input is needed.
        case incomplete(Incompleteness)
    }

    public enum Incompleteness: Equatable, Sendable {
        case continuation
        case openQuote(Character)
    }

    /// The most words one logical line may hold (a bound on what a pasted or generated line costs).
    public static let maxWords = 100_000

    public static func tokenize(_ line: String) throws(TokenizeError) -> Outcome {
        var scanner = Scanner()
        try scanner.feed(line)
        return try scanner.finish()
    }

    /// A line read as far as it tokenizes: its commands with their whole words, and the text
    /// from where it stops (an open quote, a bad `${`) on. The last command is the one the
    /// rest belongs to (maybe with no words yet). For a line that tokenizes, `rest` is empty.
    static func tokenizePrefix(_ line: String) -> (commands: [RawCommand], rest: Substring) {
        var scanner = Scanner()
        do {
            try scanner.feed(line)
            if case let .complete(commands) = try scanner.finish() { return (commands, "") }
        } catch {}
        let scalars = line.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: scanner.boundary)
        return (scanner.partialCommands, Substring(scalars[start...]))
    }

    /// The tokenizer as a state machine over Unicode scalars that can stop at the end of any
    /// piece of text and resume with the next: joining continuation lines feeds it one line
    /// at a time, so a long quoted block is read once, not once per line.
    struct Scanner {
        private enum Mode {
            case normal
            /// After a backslash outside quotes.
            case escape
            case single
            case double
            /// After a backslash inside double quotes.
            case doubleEscape
            /// An unquoted `#` at the start of a word: the rest of the text is ignored.
            case comment
            /// Just after `$`.
            case dollar(inDouble: Bool)
            /// Inside `$NAME`.
            case name(inDouble: Bool)
            /// Inside `${…}`.
            case braced(inDouble: Bool)
        }

        private var mode = Mode.normal
        /// Scalars read so far: the work done, and the column of a bad `${`.
        private(set) var position = 0
        /// 1-based line of the text being read, and the line where the open quote (if any) began.
        private(set) var line = 1
        private(set) var quoteLine = 1
        /// Where the word being read began: after the last blank or `;` outside quotes.
        private(set) var boundary = 0
        private var variableStart = 0
        private var name = ""
        private var commands: [RawCommand] = []
        private var words: [Word] = []
        private var wordCount = 0
        private var parts: [Word.Part] = []
        private var literal = ""
        private var inWord = false

        /// The commands read so far with their whole words; the last one is still open.
        var partialCommands: [RawCommand] { commands + [RawCommand(words: words)] }

        /// What the text so far still lacks, or nil when it could end here.
        var incompleteness: Incompleteness? {
            switch mode {
            case .escape: .continuation
            case .single: .openQuote("'")
            case .double, .doubleEscape, .dollar(inDouble: true), .name(inDouble: true): .openQuote("\"")
            // An open `${` is an error, even inside quotes: more lines cannot make it a name.
            case .normal, .comment, .dollar(inDouble: false), .name(inDouble: false), .braced: nil
            }
        }

        mutating func feed(_ text: some StringProtocol) throws(TokenizeError) {
            for scalar in text.unicodeScalars { try read(scalar) }
        }

        /// Ends the text: its commands, or what it lacks.
        mutating func finish() throws(TokenizeError) -> Outcome {
            if let incompleteness { return .incomplete(incompleteness) }
            switch mode {
            case .braced: throw .unterminatedBrace(column: variableStart + 1)
            case .dollar: literal.append("$")
            case .name: appendVariable()
            default: break
            }
            mode = .normal
            try endWord()
            endCommand()
            return .complete(commands)
        }

        private mutating func read(_ scalar: Unicode.Scalar) throws(TokenizeError) {
            defer {
                position += 1
                if scalar == "\n" { line += 1 }
            }
            // A scalar that ends `$`/`$NAME` is read again in the mode around it.
            while true {
                switch mode {
                case .normal:
                    try readUnquoted(scalar)
                    return
                case .escape:
                    mode = .normal
                    if scalar != "\n" {
                        inWord = true
                        literal.unicodeScalars.append(scalar)
                    }
                    return
                case .single:
                    if scalar == "'" { mode = .normal } else { literal.unicodeScalars.append(scalar) }
                    return
                case .double:
                    switch scalar {
                    case "\"": mode = .normal
                    case "\\": mode = .doubleEscape
                    case "$": startVariable(inDouble: true)
                    default: literal.unicodeScalars.append(scalar)
                    }
                    return
                case .doubleEscape:
                    mode = .double
                    if scalar == "\n" { return }
                    if "$\"\\`".unicodeScalars.contains(scalar) {
                        literal.unicodeScalars.append(scalar)
                        return
                    }
                    literal.append("\\")
                case .comment:
                    return
                case let .dollar(inDouble):
                    if scalar == "{" {
                        mode = .braced(inDouble: inDouble)
                        return
                    }
                    if scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic) {
                        name.unicodeScalars.append(scalar)
                        mode = .name(inDouble: inDouble)
                        return
                    }
                    literal.append("$")
                    mode = inDouble ? .double : .normal
                case let .name(inDouble):
                    if scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) {
                        name.unicodeScalars.append(scalar)
                        return
                    }
                    appendVariable()
                    mode = inDouble ? .double : .normal
                case let .braced(inDouble):
                    guard scalar == "}" else {
                        name.unicodeScalars.append(scalar)
                        return
                    }
                    guard Self.isName(name) else { throw .badVariableName(name, column: variableStart + 1) }
                    appendVariable()
                    mode = inDouble ? .double : .normal
                    return
                }
            }
        }

        private mutating func readUnquoted(_ scalar: Unicode.Scalar) throws(TokenizeError) {
            switch scalar {
            case " ", "\t", "\n", "\r":
                try endWord()
                boundary = position + 1
            case ";":
                try endWord()
                endCommand()
                boundary = position + 1
            case "#" where !inWord:
                mode = .comment
            case "'":
                inWord = true
                quoteLine = line
                mode = .single
            case "\"":
                inWord = true
                quoteLine = line
                mode = .double
            case "\\":
                mode = .escape
            case "$":
                inWord = true
                startVariable(inDouble: false)
            default:
                inWord = true
                literal.unicodeScalars.append(scalar)
            }
        }

        private mutating func startVariable(inDouble: Bool) {
            variableStart = position
            name = ""
            mode = .dollar(inDouble: inDouble)
        }

        private mutating func appendVariable() {
            flushLiteral()
            parts.append(.variable(name))
            name = ""
        }

        static func isName(_ name: String) -> Bool {
            guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
            return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        }

        private mutating func flushLiteral() {
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
        }

        private mutating func endWord() throws(TokenizeError) {
            guard inWord else { return }
            wordCount += 1
            guard wordCount <= Tokenizer.maxWords else { throw .tooManyWords(limit: Tokenizer.maxWords) }
            flushLiteral()
            words.append(Word(parts: parts.isEmpty ? [.literal("")] : parts))
            parts = []
            inWord = false
        }

        private mutating func endCommand() {
            if !words.isEmpty { commands.append(RawCommand(words: words)) }
            words = []
        }
    }
}

/// A command before variable expansion.
public struct RawCommand: Equatable, Sendable {
    public var words: [Word]

    /// Expands `$NAME` through `lookup`; an undefined name is an error that names it.
    public func expand(_ lookup: (String) -> String?) throws(TokenizeError) -> [String] {
        try words.map { word throws(TokenizeError) in try word.expand(lookup) }
    }
}

public struct Word: Equatable, Sendable {
    public enum Part: Equatable, Sendable {
        case literal(String)
        case variable(String)
    }

    public var parts: [Part]

    public func expand(_ lookup: (String) -> String?) throws(TokenizeError) -> String {
        var result = ""
        for part in parts {
            switch part {
            case let .literal(text): result += text
            case let .variable(name):
                guard let value = lookup(name) else { throw .undefinedVariable(name) }
                result += value
            }
        }
        return result
    }
}

public enum TokenizeError: Error, Equatable, Sendable, CustomStringConvertible {
    case undefinedVariable(String)
    case unterminatedBrace(column: Int)
    case badVariableName(String, column: Int)
    /// The text ended inside a quote; the line it opened on, when the text has several.
    case unterminatedQuote(Character, openedOnLine: Int?)
    case tooManyWords(limit: Int)
    /// A logical line (its continuation lines joined) is longer than `limit` bytes.
    case lineTooLong(limit: Int)

    public var description: String {
        switch self {
        case let .undefinedVariable(name): "undefined variable: \(name) (define it with `set \(name) VALUE` or export it)"
        case let .unterminatedBrace(column): "missing '}' after '${' at column \(column)"
        case let .badVariableName(name, column): "bad variable name '\(name.count > 40 ? name.prefix(40) + "…" : name)' at column \(column)"
        case let .unterminatedQuote(quote, line?): "unterminated quote (opened on line \(line)): add the closing \(quote)"
        case let .unterminatedQuote(quote, nil): "unterminated \(quote) quote"
        case let .tooManyWords(limit): "more than \(limit) words in one command line"
        case let .lineTooLong(limit): "a command line (with its continuation lines) is longer than \(limit / (1 << 20)) MiB"
        }
    }
}
