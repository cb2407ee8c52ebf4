import Foundation
import Untrusted

/// One operation of an OpenAPI document: what becomes a method and a mapping rule.
public struct OpenAPIOperation: Sendable, Equatable {
    /// Upper case: `GET`, `POST`.
    public var httpMethod: String
    /// The path as written, templates included: `/v1/models/{id}`.
    public var path: String
    public var operationID: String?
    public var summary: String?

    public init(httpMethod: String, path: String, operationID: String? = nil, summary: String? = nil) {
        self.httpMethod = httpMethod
        self.path = path
        self.operationID = operationID
        self.summary = summary
    }

    /// The mapping rule's pattern: templates stay 3scale's `{name}` wildcards; a path
    /// without one matches exactly (`$`), so `/v1/completions` does not also count
    /// `/v1/completions/x`.
    public var pattern: String { path.contains("{") ? path : path + "$" }
}

/// The operations of a checked document, sorted by path then method so that the
/// same document always gives the same rules in the same order.
enum OpenAPIOperations {
    /// The OpenAPI operation keys (3.x and Swagger 2.0), in the order rules are made.
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
    /// More operations than a model server has, few enough for a product's rule list.
    static let maxOperations = 500

    static func list(_ document: JSONValue, source: String) throws(OpenAPIDocumentCheck.Refusal) -> [OpenAPIOperation] {
        func refuse(_ tokens: [String], _ reason: String) -> OpenAPIDocumentCheck.Refusal {
            OpenAPIDocumentCheck.Refusal(source: source, pointer: OpenAPIDocumentCheck.pointer(tokens), reason: reason)
        }
        let paths = document["paths"]?.objectValue ?? [:]
        var operations: [OpenAPIOperation] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) where !path.hasPrefix("x-") {
            guard let item = item.objectValue else { continue }
            for method in methods {
                guard let operation = item[method] else { continue }
                guard let fields = operation.objectValue else { throw refuse(["paths", path, method], "an operation must be an object") }
                if let problem = PatternRules.problem(in: path) { throw refuse(["paths", path], problem) }
                guard operations.count < maxOperations else {
                    throw refuse(["paths"], "more than \(maxOperations) operations; import the API in parts")
                }
                operations.append(OpenAPIOperation(
                    httpMethod: method.uppercased(), path: path, operationID: nonBlank(fields["operationId"]?.stringValue),
                    summary: nonBlank(fields["summary"]?.stringValue)))
            }
        }
        guard !operations.isEmpty else { throw refuse(["paths"], "no operations: there is nothing to map to the gateway") }
        return operations
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

/// What 3scale accepts as a mapping-rule pattern (porta `proxy_rule.rb`), checked on the
/// document's path so that a refusal points at the path rather than at a failed apply.
enum PatternRules {
    static let maxLength = 255

    static func problem(in path: String) -> String? {
        guard path.hasPrefix("/") else { return "a path must start with /" }
        // `$` is added to paths without a template.
        guard path.count < maxLength else { return "longer than 3scale's \(maxLength - 1) characters for a mapping rule" }
        if let bad = path.first(where: { $0 == "$" || $0 == "?" || $0 == "#" || $0.isWhitespace || $0.isNewline }) {
            return "3scale's mapping rules cannot hold \(bad == "$" || bad == "?" || bad == "#" ? "'\(bad)'" : "white space") in a path"
        }
        var names: Set<String> = []
        var current: String?
        for character in path {
            switch character {
            case "{":
                guard current == nil else { return "a template may not nest: {…{" }
                current = ""
            case "}":
                guard let name = current, !name.isEmpty else { return "an empty or unopened template {}" }
                guard names.insert(name).inserted else { return "the template {\(name)} appears twice; 3scale refuses repeated variables" }
                current = nil
            default:
                current?.append(character)
            }
        }
        return current == nil ? nil : "a template is not closed: {\(current ?? "")"
    }
}
