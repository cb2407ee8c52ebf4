import Foundation
import OpenAPIKit
import OpenAPIKit30
import Untrusted
import Yams

/// The one check of an OpenAPI document before it is uploaded as an ActiveDoc, shared by
/// `doc create`/`doc update` and `apply -f`, so both accept exactly the same documents.
///
/// OpenAPI 3.0, 3.1 and 3.2 are decoded and validated by OpenAPIKit (JSON or YAML text);
/// Swagger 2.0, which OpenAPIKit does not read, gets a structural check. What is checked
/// is the JSON that will be uploaded, so a YAML `version: 1.0` (a number) is refused here
/// rather than by 3scale.
public enum OpenAPIDocumentCheck {
    public struct Checked: Sendable, Equatable {
        /// The document as JSON: the text itself when it was JSON, else converted from YAML.
        public var json: String
        public var title: String
        /// `OpenAPI 3.0.3`, `Swagger 2.0`.
        public var version: String
    }

    /// Why a document was refused, and where: `api.yaml#/info/title: …` (a JSON pointer
    /// after the source), or `api.yaml: line 3: …` when the text itself cannot be read.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file or URL the document came from.
        public var source: String
        /// RFC 6901 pointer to the offending value; nil when the text is not JSON or YAML.
        public var pointer: String?
        /// 1-based line of a syntax problem.
        public var line: Int?
        public var reason: String

        public var description: String {
            if let pointer, !pointer.isEmpty { return "\(source)#\(pointer): \(reason)" }
            if let line { return "\(source): line \(line): \(reason)" }
            return "\(source): \(reason)"
        }
    }

    /// The largest document read, JSON or YAML.
    public static let maxSize = YAMLLimits.maxSize

    /// Checks `text` (from `source`, named in the refusal) and gives it as JSON.
    public static func check(_ text: String, source: String) throws(Refusal) -> Checked {
        guard text.utf8.count <= maxSize else { throw Refusal(source: source, reason: "larger than \(maxSize >> 20) MiB") }
        let (value, json) = try parse(text, source: source)
        guard let document = value.objectValue else {
            throw Refusal(source: source, pointer: "", reason: "not an OpenAPI document: expected an object at the top")
        }
        func refuse(_ pointer: String, _ reason: String) -> Refusal { Refusal(source: source, pointer: pointer, reason: reason) }
        switch (document["openapi"], document["swagger"]) {
        case (.some(let openapi), _):
            guard let number = openapi.stringValue else { throw refuse("/openapi", "must be a string such as \"3.0.3\"") }
            // 3.1 made `paths` optional (a document may hold only webhooks or components).
            let title = try outline(document, pathsRequired: number.hasPrefix("3.0."), refuse: refuse)
            let decodable = tolerated(value, openAPI30: number.hasPrefix("3.0.")).jsonText
            if number.hasPrefix("3.0.") {
                try decode(OpenAPIKit30.OpenAPI.Document.self, json: decodable, source: source)
            } else if number.hasPrefix("3.1.") || number.hasPrefix("3.2.") {
                try decode(OpenAPIKit.OpenAPI.Document.self, json: decodable, source: source)
            } else {
                throw refuse("/openapi", "OpenAPI \(number) is not supported; maas reads OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0")
            }
            return Checked(json: json, title: title, version: "OpenAPI \(number)")
        case (nil, .some(let swagger)):
            guard swagger == .string("2.0") else {
                throw refuse("/swagger", "must be \"2.0\" (the only Swagger version); got \(swagger)")
            }
            let title = try outline(document, pathsRequired: true, refuse: refuse)
            return Checked(json: json, title: title, version: "Swagger 2.0")
        case (nil, nil):
            throw refuse("", "not an OpenAPI document: it has neither `openapi: 3.x` nor `swagger: \"2.0\"` at the top")
        }
    }

    /// The title of a document already on the server, for display; nil when it has none.
    public static func title(of text: String) -> String? {
        JSONValue.parse(text)?["info"]?["title"]?.stringValue
    }

    // MARK: Steps

    /// JSON text as it is; YAML within `YAMLLimits`, converted to JSON. JSON is held to YAML's
    /// depth too: OpenAPIKit's time grows steeply with nesting (a 256-level schema takes a minute).
    private static func parse(_ text: String, source: String) throws(Refusal) -> (JSONValue, String) {
        if let value = JSONValue.parse(text) {
            if let deep = firstTooDeep(value, depth: 0, path: []) {
                throw Refusal(source: source, pointer: pointer(deep), reason: YAMLLimits.nestedTooDeeply)
            }
            return (value, text)
        }
        do {
            try YAMLLimits.check(text)
        } catch {
            throw Refusal(source: source, line: error.line, reason: error.message)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw Refusal(source: source, line: ResourceCodec.yamlErrorLine(error), reason: "neither JSON nor YAML: \(yamlProblem(error))")
        }
        guard let node else { throw Refusal(source: source, reason: "the document is empty") }
        do {
            let tree = try YAMLTree(node)
            return (tree.value, tree.value.jsonText)
        } catch {
            throw Refusal(source: source, line: error.line, reason: error.reason)
        }
    }

    /// Decodes with OpenAPIKit: every object in its place with the fields of its kind.
    /// OpenAPIKit's further validations (references that resolve, unique operation ids) are
    /// not run: a labs' document refers to a schema it does not define, and 3scale shows it.
    private static func decode<Document: Decodable>(_ type: Document.Type, json: String, source: String) throws(Refusal) {
        do {
            _ = try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw refusal(decoding: error, source: source)
        }
    }

    private static func refusal(decoding error: any Error, source: String) -> Refusal {
        // OpenAPIKit's error says where, in coding keys, and why; a missing key is placed at its parent.
        let described = OpenAPIKit.OpenAPI.Error(from: error)
        return Refusal(source: source, pointer: pointer(described.codingPath), reason: oneLine(described.localizedDescription))
    }

    /// OpenAPIKit's messages may span lines and end in `..`; a refusal is one line.
    private static func oneLine(_ message: String) -> String {
        var line = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        while line.hasSuffix("..") { line.removeLast() }
        return line
    }

    /// What the portal needs to show any version (an `info.title`, a `paths` object whose
    /// keys are paths), checked first so that these common mistakes point at the exact field.
    /// The whole structural check of Swagger 2.0, which OpenAPIKit does not read.
    private static func outline(
        _ document: [String: JSONValue], pathsRequired: Bool, refuse: (String, String) -> Refusal
    ) throws(Refusal) -> String {
        guard let info = document["info"] else { throw refuse("/info", "required field is missing") }
        guard info.objectValue != nil else { throw refuse("/info", "must be an object") }
        guard let title = info["title"] else { throw refuse("/info/title", "required field is missing") }
        guard let text = title.stringValue else { throw refuse("/info/title", "must be a string") }
        guard let paths = document["paths"] else {
            if pathsRequired { throw refuse("/paths", "required field is missing") }
            return text
        }
        guard let entries = paths.objectValue else { throw refuse("/paths", "must be an object") }
        for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
            let at = pointer(["paths", key])
            if !key.hasPrefix("/") && !key.hasPrefix("x-") { throw refuse(at, "a path must start with /") }
            if item.objectValue == nil && !key.hasPrefix("x-") { throw refuse(at, "must be an object") }
        }
        return text
    }

    /// The path to the first array or object nested more than `YAMLLimits.maxDepth` levels deep.
    private static func firstTooDeep(_ value: JSONValue, depth: Int, path: [String]) -> [String]? {
        let children: [(String, JSONValue)]
        switch value {
        case .object(let object): children = object.sorted { $0.key < $1.key }
        case .array(let items): children = items.enumerated().map { (String($0.offset), $0.element) }
        default: return nil
        }
        guard depth < YAMLLimits.maxDepth else { return path }
        for (key, child) in children {
            if let deep = firstTooDeep(child, depth: depth + 1, path: path + [key]) { return deep }
        }
        return nil
    }

    /// RFC 6901: `/paths/~1v1~1models/get`.
    static func pointer(_ path: [any CodingKey]) -> String {
        pointer(path.map { $0.intValue.map(String.init) ?? $0.stringValue })
    }

    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// libyaml's words without Yams's echo of the offending line.
    private static func yamlProblem(_ error: any Error) -> String {
        guard let error = error as? YamlError else { return "\(error)" }
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
