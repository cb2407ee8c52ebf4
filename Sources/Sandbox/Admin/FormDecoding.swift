import Foundation
import Untrusted

/// Parses `application/x-www-form-urlencoded` text into a parameter tree the way Rails
/// does: `a=1`, `a[b]=1` (nested object), `a[]=1&a[]=2` (array), `a[b][]=1`.
/// Bounded in depth and in the number of parameters, and linear in the input: the tree
/// is built in place (reference nodes), then converted once.
enum FormDecoding {
    struct Malformed: Error, Equatable {
        let reason: String
    }

    /// Rails' own limit on nested parameters is similar; it bounds the recursion.
    static let maximumDepth = 32
    /// Rack's `params_limit`: more pairs than this is a malformed request, not work to do.
    static let maximumParameters = 4096

    static func parse(_ text: Substring) throws(Malformed) -> [String: JSONValue] {
        let root = Node()
        var count = 0
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            count += 1
            if count > maximumParameters {
                throw Malformed(reason: "more than \(maximumParameters) parameters")
            }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawKey = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            guard !rawKey.isEmpty else { continue }
            let path = try keyPath(rawKey)
            try root.insert(.string(value), at: path[...])
        }
        return root.children.mapValues { $0.value }
    }

    private static func decode(_ component: Substring) throws(Malformed) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw Malformed(reason: "invalid %-encoding in \(component.prefix(64))")
        }
        return decoded
    }

    /// `a[b][]` → ["a", "b", ""]; an empty segment means "append to array".
    private static func keyPath(_ key: String) throws(Malformed) -> [String] {
        guard let open = key.firstIndex(of: "[") else { return [key] }
        var path = [String(key[..<open])]
        var rest = key[open...]
        while let start = rest.firstIndex(of: "[") {
            guard let end = rest[start...].firstIndex(of: "]") else {
                throw Malformed(reason: "unbalanced brackets in parameter \(path[0].prefix(64))")
            }
            path.append(String(rest[rest.index(after: start)..<end]))
            if path.count > maximumDepth { throw Malformed(reason: "parameter \(path[0].prefix(64)) is nested too deeply") }
            rest = rest[rest.index(after: end)...]
        }
        return path
    }

    /// One parameter while the tree is built: a scalar, an array of scalars, or an
    /// object. A class, so that appending to a long array does not copy it each time.
    private final class Node {
        enum Kind { case scalar, array, object }

        var kind = Kind.object
        var scalar = JSONValue.null
        var items: [JSONValue] = []
        var children: [String: Node] = [:]

        var value: JSONValue {
            switch kind {
            case .scalar: scalar
            case .array: .array(items)
            case .object: .object(children.mapValues { $0.value })
            }
        }

        func insert(_ value: JSONValue, at path: ArraySlice<String>) throws(Malformed) {
            guard let head = path.first else { return }
            let tail = path.dropFirst()
            if tail.isEmpty {
                let leaf = Node()
                leaf.kind = .scalar
                leaf.scalar = value
                children[head] = leaf
                return
            }
            if tail.first == "" {
                // `a[]=x` appends; `a[][b]` (arrays of objects) is not used by the admin API.
                if tail.count > 1 { throw Malformed(reason: "unsupported parameter nesting under \(head.prefix(64))[]") }
                let list: Node
                if let existing = children[head], existing.kind == .array {
                    list = existing
                } else {
                    list = Node()
                    list.kind = .array
                    children[head] = list
                }
                list.items.append(value)
                return
            }
            let child: Node
            if let existing = children[head] {
                guard existing.kind == .object else {
                    throw Malformed(reason: "conflicting types for parameter \(head.prefix(64))")
                }
                child = existing
            } else {
                child = Node()
                children[head] = child
            }
            try child.insert(value, at: tail)
        }
    }
}
