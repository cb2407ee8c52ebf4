import Foundation

/// Parses `application/x-www-form-urlencoded` text into a parameter tree the way Rails
/// does: `a=1`, `a[b]=1` (nested object), `a[]=1&a[]=2` (array), `a[b][]=1`.
enum FormDecoding {
    struct Malformed: Error {
        let reason: String
    }

    /// Rails' own limit on nested parameters is similar; it bounds the recursion.
    static let maximumDepth = 32

    static func parse(_ text: Substring) throws(Malformed) -> [String: JSONValue] {
        var root: [String: JSONValue] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawKey = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            guard !rawKey.isEmpty else { continue }
            let path = try keyPath(rawKey)
            try insert(.string(value), at: path[...], into: &root)
        }
        return root
    }

    private static func decode(_ component: Substring) throws(Malformed) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw Malformed(reason: "invalid %-encoding in \(component)")
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
                throw Malformed(reason: "unbalanced brackets in parameter \(key)")
            }
            path.append(String(rest[rest.index(after: start)..<end]))
            if path.count > maximumDepth { throw Malformed(reason: "parameter \(path[0]) is nested too deeply") }
            rest = rest[rest.index(after: end)...]
        }
        return path
    }

    private static func insert(_ value: JSONValue, at path: ArraySlice<String>, into object: inout [String: JSONValue]) throws(Malformed) {
        guard let head = path.first else { return }
        let tail = path.dropFirst()
        if tail.isEmpty {
            object[head] = value
            return
        }
        if tail.first == "" {
            // `a[]=x` appends; `a[][b]` (arrays of objects) is not used by the admin API.
            var array = object[head]?.arrayValue ?? []
            if tail.count > 1 { throw Malformed(reason: "unsupported parameter nesting under \(head)[]") }
            array.append(value)
            object[head] = .array(array)
            return
        }
        var child: [String: JSONValue]
        switch object[head] {
        case .none: child = [:]
        case .object(let existing): child = existing
        default: throw Malformed(reason: "conflicting types for parameter \(head)")
        }
        try insert(value, at: tail, into: &child)
        object[head] = .object(child)
    }
}
