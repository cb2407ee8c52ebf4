#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Untrusted
import Yams

/// A decoded resource with where it came from.
public struct ResourceDocument: Sendable, Equatable {
    public var resource: Resource
    /// 1-based document number in the file.
    public var document: Int
    /// 1-based item number inside a `kind: List`.
    public var item: Int?
    /// Field path → line, for messages.
    var lines: [String: Int]

    public init(resource: Resource, document: Int, item: Int? = nil) {
        self.resource = resource
        self.document = document
        self.item = item
        self.lines = [:]
    }

    public func line(of field: String) -> Int? {
        YAMLTree(value: .null, lines: lines).line(of: field)
    }

    func issue(file: String, field: String?, _ message: String) -> ResourceIssue {
        ResourceIssue(
            file: file, document: document, item: item, kind: resource.kind, name: resource.name, field: field,
            line: field.flatMap(line(of:)), message: message)
    }
}

extension YAMLTree {
    init(value: JSONValue, lines: [String: Int]) {
        self.value = value
        self.lines = lines
    }
}

/// Reads and writes resource files: several YAML documents separated by `---`, or a
/// `kind: List` with `items`, as `oc apply -f` takes them.
public enum ResourceCodec {
    /// Decodes every document; throws all problems at once (unknown kinds, missing or
    /// mistyped fields, unknown fields), each naming file, document and field. A text that
    /// breaks `YAMLLimits` (size, aliases, nesting, documents, values) is refused first,
    /// before any document is built. `variables`, when given, fills in `${NAME}` in values.
    public static func decode(yaml: String, file: String, variables: VariableExpansion? = nil) throws(ResourceErrors) -> [ResourceDocument] {
        var documents: [ResourceDocument] = []
        var issues: [ResourceIssue] = []
        var nodes: [Node] = []
        do {
            try YAMLLimits.check(yaml)
        } catch {
            throw ResourceErrors([ResourceIssue(file: file, document: error.document, line: error.line, message: error.message)])
        }
        do {
            // Parser directly: `compose_all`'s sequence keeps errors instead of throwing.
            let parser = try Parser(yaml: yaml)
            while let node = try parser.nextRoot() { nodes.append(node) }
        } catch {
            throw ResourceErrors([ResourceIssue(file: file, line: yamlErrorLine(error), message: "not valid YAML: \(error)")])
        }
        for (offset, node) in nodes.enumerated() {
            let number = offset + 1
            let tree: YAMLTree
            do {
                tree = try YAMLTree(node, variables: variables)
            } catch {
                issues.append(ResourceIssue(
                    file: file, document: number, field: error.path.isEmpty ? nil : error.path, line: error.line, message: error.reason))
                continue
            }
            if case .null = tree.value { continue }  // an empty document (a trailing `---`)
            if tree.value["kind"]?.stringValue == "List" {
                guard case .array(let items)? = tree.value["items"] else {
                    issues.append(ResourceIssue(file: file, document: number, kind: "List", field: "items", line: tree.line(of: "items"), message: "a List needs an items list"))
                    continue
                }
                for index in items.indices {
                    let prefix = "items[\(index)]"
                    var lines: [String: Int] = [:]
                    for (path, line) in tree.lines where path.hasPrefix(prefix) {
                        var rest = String(path.dropFirst(prefix.count))
                        if rest.hasPrefix(".") { rest.removeFirst() }
                        if rest.isEmpty || !rest.hasPrefix("[") { lines[rest] = line }
                    }
                    decodeOne(YAMLTree(value: items[index], lines: lines), file: file, document: number, item: index + 1,
                        into: &documents, issues: &issues)
                }
            } else {
                decodeOne(tree, file: file, document: number, item: nil, into: &documents, issues: &issues)
            }
        }
        if !issues.isEmpty { throw ResourceErrors(issues) }
        return documents
    }

    /// Reads, decodes and validates a file (at most 16 MiB of it).
    public static func load(path: String) throws(ResourceErrors) -> ResourceSet {
        // The size is checked before reading; a device or pipe (whose size says nothing) is refused.
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw ResourceErrors([ResourceIssue(file: path, message: "not a regular file")])
            }
            guard info.st_size <= YAMLLimits.maxSize else {
                throw ResourceErrors([ResourceIssue(file: path, message: "the file is larger than \(YAMLLimits.maxSize >> 20) MiB")])
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResourceErrors([ResourceIssue(file: path, message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ResourceErrors([ResourceIssue(file: path, message: "the file is not UTF-8 text")])
        }
        return try load(yaml: text, file: path)
    }

    /// Decodes and validates text that came from `file` (used in messages).
    public static func load(yaml: String, file: String, variables: VariableExpansion? = nil) throws(ResourceErrors) -> ResourceSet {
        let documents = try decode(yaml: yaml, file: file, variables: variables)
        let issues = Validator.validate(documents, file: file)
        if !issues.isEmpty { throw ResourceErrors(issues) }
        return ResourceSet(documents: documents, file: file)
    }

    /// Writes resources as YAML documents separated by `---`, keys sorted, in the
    /// shape `oc apply` and `load` accept.
    public static func encode(_ resources: [Resource]) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        encoder.options.allowUnicode = true
        var parts: [String] = []
        for resource in resources {
            parts.append(try encoder.encode(resource.tree()))
        }
        return parts.map { "---\n" + $0 }.joined()
    }

    // MARK: One document

    private static func decodeOne(
        _ tree: YAMLTree, file: String, document: Int, item: Int?, into documents: inout [ResourceDocument],
        issues: inout [ResourceIssue]
    ) {
        let name = tree.value["metadata"]?["name"]?.stringValue
        func issue(_ field: String?, _ message: String, kind: String? = nil) {
            issues.append(ResourceIssue(
                file: file, document: document, item: item, kind: kind, name: name, field: field,
                line: field.flatMap(tree.line(of:)) ?? tree.lines[""], message: message))
        }
        guard var object = tree.value.objectValue else {
            issue(nil, "a resource must be a mapping with apiVersion, kind, metadata and spec")
            return
        }
        guard let kind = object["kind"]?.stringValue else {
            issue("kind", "required field is missing")
            return
        }
        guard let apiVersion = Resource.kinds[kind] else {
            let known = Resource.kinds.keys.sorted().joined(separator: ", ")
            issue("kind", "unknown kind \(kind); expected one of \(known) (apiVersion \(CapabilitiesAPI.version))")
            return
        }
        guard object["apiVersion"]?.stringValue == apiVersion else {
            let found = object["apiVersion"]?.stringValue.map { "got \($0)" } ?? "it is missing"
            issue("apiVersion", "must be \(apiVersion) for kind \(kind); \(found)", kind: kind)
            return
        }
        // Server-side status (from `oc get -o yaml`) is not desired state.
        object["status"] = nil
        let resource: Resource
        do {
            let data = try JSONEncoder().encode(JSONValue.object(object))
            resource = try Resource.decode(kind: kind, from: data)
        } catch let error as DecodingError {
            let (field, message) = describe(error)
            issue(field, message, kind: kind)
            return
        } catch {
            issue(nil, "cannot be read: \(error)", kind: kind)
            return
        }
        if let written = try? resource.tree() {
            for field in unknownFields(original: .object(object), written: written, path: "") {
                issue(field, "unknown field (misspelled?); \(kind) does not have it", kind: kind)
            }
        }
        var decoded = ResourceDocument(resource: resource, document: document, item: item)
        decoded.lines = tree.lines
        documents.append(decoded)
    }

    /// Fields of the file that did not survive decoding: typos such as `privateBaseUrl`.
    private static func unknownFields(original: JSONValue, written: JSONValue, path: String) -> [String] {
        switch (original, written) {
        case (.object(let a), .object(let b)):
            var unknown: [String] = []
            for key in a.keys.sorted() {
                let childPath = YAMLTree.join(path, key: key)
                if path.isEmpty && key == "metadata" { continue }  // Kubernetes adds many fields there
                if case .null? = a[key] { continue }
                guard let other = b[key] else {
                    unknown.append(childPath)
                    continue
                }
                unknown += unknownFields(original: a[key]!, written: other, path: childPath)
            }
            return unknown
        case (.array(let a), .array(let b)) where a.count == b.count:
            return zip(a, b).enumerated().flatMap { index, pair in
                unknownFields(original: pair.0, written: pair.1, path: "\(path)[\(index)]")
            }
        default:
            return []
        }
    }

    private static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ keys: [any CodingKey]) -> String? {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text = YAMLTree.join(text, key: key.stringValue) }
            }
            return text.isEmpty ? nil : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "required field is missing")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "must be \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "must be \(typeName(type)), not null")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return (nil, "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
            return "a mapping"
        }
    }

    static func yamlErrorLine(_ error: any Error) -> Int? {
        guard let error = error as? YamlError else { return nil }
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
