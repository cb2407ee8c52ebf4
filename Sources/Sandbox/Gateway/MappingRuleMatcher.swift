/// APIcast's mapping-rule matching (`mapping_rule.lua`, `mapping_rules_matcher.lua`):
/// prefix match unless the pattern ends in `$`; `{name}` matches one path segment;
/// query parameters in the pattern must be present (literal values must be equal);
/// every matching rule adds its delta, and a matching `last` rule stops evaluation.
enum MappingRuleMatcher {
    /// Usage per metric id; empty when no rule matched.
    static func usage(rules: [GatewayConfig.Rule], method: String, path: String, arguments: [String: String]) -> [Int: Int] {
        var usage: [Int: Int] = [:]
        for rule in matched(rules: rules, method: method, path: path, arguments: arguments) {
            usage[rule.metricID] = usage[rule.metricID, default: 0].addingSaturated(rule.delta)
        }
        return usage
    }

    /// The rules that count for a request, in order, up to a matching `last` rule.
    static func matched(rules: [GatewayConfig.Rule], method: String, path: String, arguments: [String: String])
        -> [GatewayConfig.Rule]
    {
        let normalised = collapseSlashes(path)
        var matched: [GatewayConfig.Rule] = []
        for rule in rules where matches(rule, method: method, path: normalised, arguments: arguments) {
            matched.append(rule)
            if rule.last { break }
        }
        return matched
    }

    static func matches(_ rule: GatewayConfig.Rule, method: String, path: String, arguments: [String: String]) -> Bool {
        guard rule.httpMethod == method else { return false }
        let parts = rule.pattern.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var pathPattern = Substring(collapseSlashes(String(parts[0])))
        let anchored = pathPattern.hasSuffix("$")
        if anchored { pathPattern = pathPattern.dropLast() }
        guard match(Array(pathPattern.utf8)[...], Array(path.utf8)[...], anchored: anchored) else { return false }
        guard parts.count > 1 else { return true }
        for pair in parts[1].split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let actual = arguments[String(kv[0])] else { return false }
            if kv.count > 1 {
                let expected = kv[1]
                let isPlaceholder = expected.hasPrefix("{") && expected.hasSuffix("}")
                if !isPlaceholder && actual != expected { return false }
            }
        }
        return true
    }

    /// Matches pattern bytes against the path, every `{name}` taking one or more bytes
    /// of one segment. Simulated position by position (the set of path offsets each
    /// pattern step can reach), so adjacent placeholders cost O(pattern × path) instead
    /// of the exponential time of backtracking.
    static func match(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>, anchored: Bool) -> Bool {
        let path = Array(path)
        var reachable = [Bool](repeating: false, count: path.count + 1)
        reachable[0] = true
        var next = reachable
        var index = pattern.startIndex
        while index < pattern.endIndex {
            for offset in next.indices { next[offset] = false }
            let byte = pattern[index]
            if byte == UInt8(ascii: "{"), let close = pattern[index...].firstIndex(of: UInt8(ascii: "}")) {
                // A run of segment bytes that starts at a reachable offset may end anywhere in it.
                var open = false
                for offset in path.indices {
                    if reachable[offset] { open = true }
                    if !isSegmentByte(path[offset]) {
                        open = false
                    } else if open {
                        next[offset + 1] = true
                    }
                }
                index = close + 1
            } else {
                for offset in path.indices where reachable[offset] && path[offset] == byte {
                    next[offset + 1] = true
                }
                index += 1
            }
            swap(&reachable, &next)
            if !reachable.contains(true) { return false }
        }
        return anchored ? reachable[path.count] : true
    }

    /// `[\w\-.~%!$&'()*+,;=@:]`: one path segment, never `/`.
    private static func isSegmentByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "_-.~%!$&'()*+,;=@:".utf8.contains(byte) || byte >= 0x80
        }
    }

    static func collapseSlashes(_ path: String) -> String {
        guard path.contains("//") else { return path }
        var result = ""
        var previousSlash = false
        for character in path {
            if character == "/" {
                if previousSlash { continue }
                previousSlash = true
            } else {
                previousSlash = false
            }
            result.append(character)
        }
        return result
    }
}
