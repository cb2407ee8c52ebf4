import Untrusted
import Yams

/// A YAML document as a JSON tree plus the line of every field, so that decoding and
/// validation errors can point at the line to fix.
struct YAMLTree {
    var value: JSONValue
    /// `spec.mappingRules[2].pattern` → line (1-based).
    var lines: [String: Int]

    enum Failure: Error {
        case unsupported(path: String, line: Int?, reason: String)
    }

    init(_ node: Node) throws(Failure) {
        var lines: [String: Int] = [:]
        value = try Self.convert(node, path: "", lines: &lines)
        self.lines = lines
    }

    /// The line of a field, or of its closest ancestor that has one.
    func line(of path: String) -> Int? {
        var current = path
        while true {
            if let line = lines[current] { return line }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return lines[""] }
            current = String(current[..<cut])
        }
    }

    static func join(_ path: String, key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private static func convert(_ node: Node, path: String, lines: inout [String: Int]) throws(Failure) -> JSONValue {
        if let mark = node.mark, lines[path] == nil { lines[path] = mark.line }
        switch node {
        case .scalar(let scalar):
            // Plain scalars carry no tag after composing; the resolver decides (quoted ones stay strings).
            switch Resolver.default.resolveTag(of: node) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(JSONValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, path: "\(path)[\(index)]", lines: &lines))
            }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string, key.scalar != nil else {
                    throw .unsupported(path: path, line: key.mark?.line, reason: "keys must be plain strings")
                }
                let childPath = join(path, key: name)
                if let mark = key.mark { lines[childPath] = mark.line }
                object[name] = try convert(value, path: childPath, lines: &lines)
            }
            return .object(object)
        case .alias:
            throw .unsupported(path: path, line: node.mark?.line, reason: "YAML aliases are not supported here")
        }
    }
}
