import Untrusted
import Yams

/// A YAML document as a JSON tree plus the line of every field, so that decoding and
/// validation errors can point at the line to fix.
struct YAMLTree {
    var value: JSONValue
    /// `spec.mappingRules[2].pattern` → line (1-based).
    var lines: [String: Int]

    /// What cannot be taken from the YAML, and where.
    struct Failure: Error {
        var path: String
        var line: Int?
        var reason: String
    }

    /// `variables`, when given, fills in `${NAME}` in scalar values (never in keys).
    init(_ node: Node, variables: VariableExpansion? = nil) throws(Failure) {
        var lines: [String: Int] = [:]
        value = try Self.convert(node, path: "", variables: variables, lines: &lines)
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

    private static func convert(
        _ node: Node, path: String, variables: VariableExpansion?, lines: inout [String: Int]
    ) throws(Failure) -> JSONValue {
        if let mark = node.mark, lines[path] == nil { lines[path] = mark.line }
        switch node {
        case .scalar(var scalar):
            if let variables {
                do {
                    // Setting the text resets the tag: a quoted scalar must stay a string.
                    let tag = scalar.tag
                    scalar.string = try variables.expand(scalar.string)
                    scalar.tag = tag
                } catch {
                    throw Failure(path: path, line: node.mark?.line, reason: error.message)
                }
            }
            return value(of: scalar)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, path: "\(path)[\(index)]", variables: variables, lines: &lines))
            }
            return .array(items)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let name = key.string, key.scalar != nil else {
                    throw Failure(path: path, line: key.mark?.line, reason: "keys must be plain strings")
                }
                let childPath = join(path, key: name)
                // A key names a field: a variable there would change which field is set.
                if variables != nil, name.contains("${") {
                    throw Failure(path: childPath, line: key.mark?.line, reason: "${…} is filled in only in values, not in keys")
                }
                if let mark = key.mark { lines[childPath] = mark.line }
                object[name] = try convert(value, path: childPath, variables: variables, lines: &lines)
            }
            return .object(object)
        case .alias:
            throw Failure(path: path, line: node.mark?.line, reason: "YAML aliases are not supported here")
        }
    }

    /// A scalar's value as its style and text say: a quoted one is a string; a plain one is
    /// null, a bool or a number when it reads as one (plain scalars carry no tag after composing).
    /// A filled-in variable is read the same way, as the single scalar it stands in.
    private static func value(of scalar: Node.Scalar) -> JSONValue {
        let node = Node.scalar(scalar)
        switch Resolver.default.resolveTag(of: node) {
        case .null: return .null
        case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
        case .int: return node.int.map(JSONValue.int) ?? .string(scalar.string)
        case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }
}
