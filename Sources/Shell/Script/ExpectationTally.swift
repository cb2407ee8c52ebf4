/// Where a command runs in a script: its file and line.
public struct ScriptStep: Sendable {
    public var file: String
    public var line: Int
}

/// A command's failure held back for the `expect status` after it to judge.
public struct PrecedingFailure: Sendable {
    var message: String
    /// What that command recorded; nil when it failed before sending anything.
    var record: PromptRecord?
}

/// One expectation as it was checked.
public struct ExpectationResult: Sendable, Equatable {
    /// The script and line; nil at the prompt.
    public var file: String?
    public var line: Int?
    /// `expect …` as written.
    public var expectation: String
    /// Why it failed (`answer: …`); nil when it passed.
    public var failure: String?

    public var passed: Bool { failure == nil }

    /// `FILE:LINE ` in front of the expectation, or nothing at the prompt.
    public var place: String {
        guard let file, let line else { return "" }
        return "\(file):\(line)"
    }

    /// The line a failure prints on standard error.
    public var message: String {
        let prefix = place.isEmpty ? "" : place + ": "
        return "\(prefix)expectation failed: \(expectation) — \(failure ?? "")"
    }
}

/// The expectations of one outermost script run, and the first error that stopped it.
public struct ExpectationTally: Sendable, Equatable {
    /// Results kept for reports; the counts go on past this.
    static let maxKept = 10_000

    public private(set) var passed = 0
    public private(set) var failed = 0
    public private(set) var results: [ExpectationResult] = []
    /// `FILE:LINE: message` of the first failing command.
    public internal(set) var firstError: String?

    public var count: Int { passed + failed }
    public var summary: String { "\(passed) passed, \(failed) failed" }

    mutating func add(_ result: ExpectationResult) {
        if result.passed { passed += 1 } else { failed += 1 }
        if results.count < Self.maxKept { results.append(result) }
    }
}
