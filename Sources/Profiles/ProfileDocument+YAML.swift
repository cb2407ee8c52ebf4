import Yams

/// Reads the profile file from Yams' node tree (a null or absent value is nil, unknown
/// keys are ignored). Not through `Decodable`: a one-shot verb would pay more for its
/// dynamic casts than for the parse, since the first cast of each type scans every
/// protocol conformance in the binary.
extension ProfileDocument {
    /// The file's text as a node tree. Composed with Yams' basic resolver and no
    /// constructors: the default resolver compiles seven regular expressions and the
    /// default constructor builds its maps, which took a tenth of a one-shot verb's
    /// start-up; the readers below judge each scalar themselves.
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]))
    }

    init(yaml root: Node) throws(ProfileDocumentIssue) {
        let top = try Self.mapping(root, at: [])
        self.init(current: try Self.string(top["current"], at: ["current"]))
        guard let listed = top["profiles"], listed.null == nil else { return }
        for (name, value) in try Self.mapping(listed, at: ["profiles"]) {
            profiles[name] = try Profile(yaml: value, at: ["profiles", name])
        }
    }

    /// A mapping's entries by key; a null node is an empty mapping.
    static func mapping(_ node: Node, at path: [String]) throws(ProfileDocumentIssue) -> [String: Node] {
        if node.null != nil { return [:] }
        guard let mapping = node.mapping else { throw ProfileDocumentIssue(path: path, expected: "a mapping") }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            if let key = key.string { entries[key] = value }
        }
        return entries
    }

    static func string(_ node: Node?, at path: [String]) throws(ProfileDocumentIssue) -> String? {
        try value(node, at: path, expected: "a string") { $0.scalar == nil ? nil : $0.string }
    }

    /// A plain `true` or `false` (or YAML 1.1's yes/no, on/off); a quoted one is a string.
    static func bool(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func value<T>(
        _ node: Node?, at path: [String], expected: String, _ convert: (Node) -> T?
    ) throws(ProfileDocumentIssue) -> T? {
        guard let node, node.null == nil else { return nil }
        guard let value = convert(node) else { throw ProfileDocumentIssue(path: path, expected: expected) }
        return value
    }
}

extension Profile {
    init(yaml node: Node, at path: [String]) throws(ProfileDocumentIssue) {
        let fields = try ProfileDocument.mapping(node, at: path)
        func string(_ key: CodingKeys) throws(ProfileDocumentIssue) -> String? {
            try ProfileDocument.string(fields[key.rawValue], at: path + [key.rawValue])
        }
        func bool(_ key: CodingKeys) throws(ProfileDocumentIssue) -> Bool? {
            try ProfileDocument.value(fields[key.rawValue], at: path + [key.rawValue], expected: "true or false", ProfileDocument.bool)
        }
        func seconds(_ key: CodingKeys) throws(ProfileDocumentIssue) -> Double? {
            try ProfileDocument.value(fields[key.rawValue], at: path + [key.rawValue], expected: "a number") { $0.float }
        }
        self.init(
            gateway: try string(.gateway), apiKey: try string(.apiKey), model: try string(.model),
            adminURL: try string(.adminURL), adminToken: try string(.adminToken), caFile: try string(.caFile),
            insecure: try bool(.insecure), authHeader: try string(.authHeader), authQuery: try string(.authQuery),
            connectTimeout: try seconds(.connectTimeout), readTimeout: try seconds(.readTimeout),
            sandbox: try bool(.sandbox), log: try bool(.log),
            logMaxMB: try ProfileDocument.value(fields[CodingKeys.logMaxMB.rawValue], at: path + [CodingKeys.logMaxMB.rawValue],
                                                expected: "a whole number") { $0.int })
    }
}

/// A value of the wrong kind in the profile file, named by its path (`profiles.lab.insecure`).
struct ProfileDocumentIssue: Error {
    var path: [String]
    var expected: String

    var description: String { "\(path.isEmpty ? "the file" : path.joined(separator: ".")): expected \(expected)" }
}
