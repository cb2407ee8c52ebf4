import Foundation
import Untrusted

/// One `expect` line: what the last answer must satisfy. Parsing and checking are pure, so
/// the verb, the script runner and `maas test` share one reading of every kind.
struct Expectation: Sendable, Equatable, CustomStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        case contains, notContains = "not-contains", matches, json, tokens, ttft, status
    }

    enum Comparison: String, Sendable, CaseIterable {
        // Two-character operators first, so `<=` is not read as `<` followed by `=5`.
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">"

        func holds<T: Comparable>(_ value: T, _ bound: T) -> Bool {
            switch self {
            case .less: value < bound
            case .lessOrEqual: value <= bound
            case .greater: value > bound
            case .greaterOrEqual: value >= bound
            case .equal: value == bound
            case .notEqual: value != bound
            }
        }
    }

    enum Check: Sendable, Equatable {
        case contains(String)
        case notContains(String)
        case matches(String)
        case json
        case tokens(Comparison, Int)
        case ttft(Comparison, milliseconds: Double)
        case status(Int)
    }

    let check: Check
    /// The words as written after `expect`, to name it in failures and reports.
    let text: String

    /// A pattern longer than this is refused: it is a test of a short answer, not a program.
    static let maxPatternLength = 1_000
    /// `matches` and `contains` read at most this much of an answer. Backtracking on a
    /// user's pattern can be slow; a cap on the text keeps it bounded by what tests need.
    static let maxScannedLength = 64 * 1024

    static let accepted = """
        contains TEXT, not-contains TEXT, matches REGEX, json, tokens OP N, ttft OP DURATION (500ms, 1.5s), \
        status CODE (OP is <, <=, >, >=, == or !=)
        """

    var description: String { "expect \(text)" }

    /// Reads `expect WORDS…` (the words after the verb); the error names what is accepted.
    init(_ words: [String]) throws(ShellError) {
        guard let first = words.first else { throw .usage("expect what? one of: \(Self.accepted)") }
        guard let kind = Kind(rawValue: first) else {
            throw .usage("unknown expectation '\(first)'; expect one of: \(Self.accepted)")
        }
        let operand = words.dropFirst().joined(separator: " ")
        text = ([first] + words.dropFirst()).joined(separator: " ")
        switch kind {
        case .contains, .notContains:
            guard !operand.isEmpty else { throw .usage("expect \(first) needs the TEXT to look for") }
            check = kind == .contains ? .contains(operand) : .notContains(operand)
        case .matches:
            guard !operand.isEmpty else { throw .usage("expect matches needs a REGEX") }
            guard operand.count <= Self.maxPatternLength else {
                throw .usage("expect matches: the pattern is longer than \(Self.maxPatternLength) characters")
            }
            do {
                _ = try Regex(operand)
            } catch {
                throw .usage("expect matches: '\(operand)' is not a regular expression: \(error)")
            }
            check = .matches(operand)
        case .json:
            guard operand.isEmpty else { throw .usage("expect json takes nothing more (got '\(operand)')") }
            check = .json
        case .tokens:
            let (comparison, number) = try Self.comparison(operand, kind: first, example: "tokens <= 100")
            guard let count = Int(number), count >= 0 else {
                throw .usage("expect tokens: '\(number)' is not a token count (a whole number, e.g. tokens <= 100)")
            }
            check = .tokens(comparison, count)
        case .ttft:
            let (comparison, number) = try Self.comparison(operand, kind: first, example: "ttft < 500ms")
            guard let milliseconds = Self.milliseconds(number) else {
                throw .usage("expect ttft: '\(number)' is not a duration: give it in ms or s, e.g. 500ms or 1.5s")
            }
            check = .ttft(comparison, milliseconds: milliseconds)
        case .status:
            guard let code = Int(operand), (100...599).contains(code) else {
                throw .usage("expect status: '\(operand)' is not an HTTP status (100 to 599, e.g. status 429)")
            }
            check = .status(code)
        }
    }

    /// `<= 100` or `<=100`: the operator and what follows it.
    private static func comparison(_ operand: String, kind: String, example: String) throws(ShellError) -> (Comparison, String) {
        let compact = operand.filter { $0 != " " }
        guard let comparison = Comparison.allCases.first(where: { compact.hasPrefix($0.rawValue) }) else {
            let operators = Comparison.allCases.map(\.rawValue).sorted().joined(separator: " ")
            throw .usage("expect \(kind) needs a comparison (\(operators)), e.g. \(example)")
        }
        return (comparison, String(compact.dropFirst(comparison.rawValue.count)))
    }

    /// `500ms`, `1.5s`, `2 s` as milliseconds; nil for anything else.
    static func milliseconds(_ text: String) -> Double? {
        let (number, scale): (Substring, Double) =
            text.hasSuffix("ms") ? (text.dropLast(2), 1) : text.hasSuffix("s") ? (text.dropLast(), 1000) : ("", 0)
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        return value * scale
    }

    // MARK: Checking

    /// The outcome, with the reason when it failed.
    enum Verdict: Sendable, Equatable {
        case passed
        /// Why, shown after the expectation (`answer: …`, `error: …`).
        case failed(String)
    }

    /// Checks `record`, the last answer. `commandError` is the failure of the command just
    /// before (an `expect status` line lets it through); `record` is then what that
    /// command recorded, nil when it failed before sending anything.
    func verdict(on record: PromptRecord?, commandError: String? = nil) -> Verdict {
        guard let record else {
            if let commandError { return .failed("error: \(commandError)") }
            return .failed("no answer yet: run complete, chat or compare first")
        }
        let passed: Bool
        switch check {
        case let .contains(text): passed = Self.scanned(record.answer).contains(text)
        case let .notContains(text): passed = !Self.scanned(record.answer).contains(text)
        case let .matches(pattern):
            passed = (try? Regex(pattern)).map { (try? $0.firstMatch(in: Self.scanned(record.answer))) != nil } ?? false
        case .json:
            passed = JSONValue.parse(record.answer.trimmingCharacters(in: .whitespacesAndNewlines)) != nil
        case let .tokens(comparison, bound):
            passed = comparison.holds(record.completionTokens, bound)
        case let .ttft(comparison, bound):
            guard let ttft = record.timeToFirstToken else {
                return .failed("no time to first token: the answer was not streamed (add --stream)")
            }
            passed = comparison.holds(ttft.seconds * 1000, bound)
        case let .status(code):
            passed = record.status == code
        }
        return passed ? .passed : .failed(Self.detail(record, commandError: commandError, check: check))
    }

    /// What a failure shows: the measured figure for the figure kinds, then the answer's first
    /// line, or the error when there is no answer.
    private static func detail(_ record: PromptRecord, commandError: String?, check: Check) -> String {
        var parts: [String] = []
        switch check {
        case .tokens: parts.append("\(record.completionTokens) tokens")
        case .ttft: parts.append("ttft \(record.timeToFirstToken.map { "\(Int(($0.seconds * 1000).rounded()))ms" } ?? "none")")
        case .status: parts.append("status \(record.status.map(String.init) ?? "none (no response)")")
        default: break
        }
        if let error = commandError ?? record.error, record.answer.isEmpty {
            parts.append("error: \(firstLine(error))")
        } else {
            parts.append("answer: \(firstLine(record.answer))")
        }
        return parts.joined(separator: ", ")
    }

    /// The first non-blank line, cut to about 80 characters.
    static func firstLine(_ text: String, limit: Int = 80) -> String {
        let line = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "(empty)" }
        return trimmed.count > limit ? String(trimmed.prefix(limit - 1)) + "…" : trimmed
    }

    private static func scanned(_ answer: String) -> Substring {
        answer.utf8.count > maxScannedLength ? answer.prefix(maxScannedLength) : answer[...]
    }
}
