/// What an import did (or would do) with one document.
public struct ImportOutcome: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// `--dry-run`: the plan; empty when 3scale already matches.
        case planned(Plan)
        /// The changes made; empty when there was nothing to do.
        case applied([Action])
        /// The same bytes as another document of the batch, imported there (its source).
        case sameDocument(as: String)
        case failed(String)
    }

    /// The file or URL as shown.
    public var source: String
    /// The product's system name, once known.
    public var product: String?
    /// Why the product's name is not the document's title.
    public var note: String?
    public var status: Status

    public init(source: String, product: String? = nil, note: String? = nil, status: Status) {
        self.source = source
        self.product = product
        self.note = note
        self.status = status
    }

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }

    /// The actions planned or made.
    public var actions: [Action] {
        switch status {
        case .planned(let plan): return plan.actions
        case .applied(let actions): return actions
        case .sameDocument, .failed: return []
        }
    }
}
