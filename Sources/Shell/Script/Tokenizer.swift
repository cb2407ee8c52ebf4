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

    public static func tokenize(_ line: String) throws(TokenizeError) -> Outcome {
        var scanner = Scanner(Array(line))
        return try scanner.run()
    }

    private struct Scanner {
        let chars: [Character]
        var index = 0
        var commands: [RawCommand] = []
        var words: [Word] = []
        var parts: [Word.Part] = []
        var literal = ""
        var inWord = false

        init(_ chars: [Character]) { self.chars = chars }

        mutating func run() throws(TokenizeError) -> Outcome {
            while index < chars.count {
                let c = chars[index]
                switch c {
                case " ", "\t", "\n", "\r":
                    endWord()
                    index += 1
                case ";":
                    endWord()
                    endCommand()
                    index += 1
                case "#" where !inWord:
                    index = chars.count
                case "'":
                    inWord = true
                    guard let close = chars[(index + 1)...].firstIndex(of: "'") else { return .incomplete(.openQuote("'")) }
                    literal.append(contentsOf: chars[(index + 1)..<close])
                    index = close + 1
                case "\"":
                    inWord = true
                    index += 1
                    guard try scanDoubleQuoted() else { return .incomplete(.openQuote("\"")) }
                case "\\":
                    if index + 1 >= chars.count { return .incomplete(.continuation) }
                    let next = chars[index + 1]
                    if next == "\n" {
                        index += 2
                    } else {
                        inWord = true
                        literal.append(next)
                        index += 2
                    }
                case "$":
                    inWord = true
                    try scanVariable()
                default:
                    inWord = true
                    literal.append(c)
                    index += 1
                }
            }
            endWord()
            endCommand()
            return .complete(commands)
        }

        /// Returns false when the closing quote is missing.
        mutating func scanDoubleQuoted() throws(TokenizeError) -> Bool {
            while index < chars.count {
                let c = chars[index]
                switch c {
                case "\"":
                    index += 1
                    return true
                case "\\":
                    guard index + 1 < chars.count else { return false }
                    let next = chars[index + 1]
                    if next == "\n" {
                        index += 2
                    } else if "$\"\\`".contains(next) {
                        literal.append(next)
                        index += 2
                    } else {
                        literal.append(c)
                        index += 1
                    }
                case "$":
                    try scanVariable()
                default:
                    literal.append(c)
                    index += 1
                }
            }
            return false
        }

        mutating func scanVariable() throws(TokenizeError) {
            let start = index
            index += 1
            if index < chars.count, chars[index] == "{" {
                guard let close = chars[index...].firstIndex(of: "}") else {
                    throw .unterminatedBrace(column: start + 1)
                }
                let name = String(chars[(index + 1)..<close])
                guard Self.isName(name) else { throw .badVariableName(name, column: start + 1) }
                flushLiteral()
                parts.append(.variable(name))
                index = close + 1
                return
            }
            var name = ""
            while index < chars.count, chars[index] == "_" || chars[index].isASCII && (chars[index].isLetter || (chars[index].isNumber && !name.isEmpty)) {
                name.append(chars[index])
                index += 1
            }
            if name.isEmpty {
                literal.append("$")
            } else {
                flushLiteral()
                parts.append(.variable(name))
            }
        }

        static func isName(_ name: String) -> Bool {
            guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
            return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        }

        mutating func flushLiteral() {
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
        }

        mutating func endWord() {
            guard inWord else { return }
            flushLiteral()
            words.append(Word(parts: parts.isEmpty ? [.literal("")] : parts))
            parts = []
            inWord = false
        }

        mutating func endCommand() {
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
    case unterminatedQuote(Character)

    public var description: String {
        switch self {
        case let .undefinedVariable(name): "undefined variable: \(name) (define it with `set \(name) VALUE` or export it)"
        case let .unterminatedBrace(column): "missing '}' after '${' at column \(column)"
        case let .badVariableName(name, column): "bad variable name '\(name)' at column \(column)"
        case let .unterminatedQuote(quote): "unterminated \(quote) quote"
        }
    }
}
