import Foundation

/// Which entries a listing or an export takes.
public struct PromptLogFilter: Sendable, Equatable {
    /// The most entries a listing returns (an export takes them all, page by page).
    public var limit: Int
    public var model: String?
    public var profile: String?
    /// Entries at or after this time.
    public var since: Date?
    /// Words that must all occur in the prompt, the messages or the answer (FTS5).
    public var search: String?
    /// Only entries whose status is not 200 or that carry an error.
    public var failed: Bool

    public init(limit: Int = 20, model: String? = nil, profile: String? = nil, since: Date? = nil, search: String? = nil, failed: Bool = false) {
        self.limit = limit
        self.model = model
        self.profile = profile
        self.since = since
        self.search = search
        self.failed = failed
    }

    /// The user's words as an FTS5 query that cannot be a syntax error: each word a quoted
    /// phrase, all of them required. Nil when there is no word.
    static func matchQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }
}
