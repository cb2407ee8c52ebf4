/// One problem in a resource file, located as precisely as known:
/// `lab.yaml: document 2 (Product llama70b): spec.mappingRules[3].httpMethod (line 41): must be one of …`.
public struct ResourceIssue: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based position of the document in the file (`---` separated).
    public var document: Int?
    /// 1-based position in a `kind: List`'s items.
    public var item: Int?
    public var kind: String?
    public var name: String?
    /// `spec.mappingRules[3].httpMethod`
    public var field: String?
    public var line: Int?
    public var message: String

    public init(
        file: String, document: Int? = nil, item: Int? = nil, kind: String? = nil, name: String? = nil,
        field: String? = nil, line: Int? = nil, message: String
    ) {
        self.file = file
        self.document = document
        self.item = item
        self.kind = kind
        self.name = name
        self.field = field
        self.line = line
        self.message = message
    }

    public var description: String {
        var text = file
        if let document {
            text += ": document \(document)"
            if let item { text += " item \(item)" }
            if let kind, let name { text += " (\(kind) \(name))" } else if let kind { text += " (\(kind))" }
        }
        if let field { text += ": \(field)" }
        if let line { text += " (line \(line))" }
        return text + ": " + message
    }
}

/// Every problem found in one file; thrown together so the user fixes them in one go.
public struct ResourceErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ResourceIssue]

    public init(_ issues: [ResourceIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
