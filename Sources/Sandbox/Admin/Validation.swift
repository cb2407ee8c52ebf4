import Foundation

/// 3scale's naming and value rules shared by several resources.
enum Validation {
    /// `name.parameterize.underscore` (porta `app/lib/system_name.rb`), or
    /// `<model>_<12 hex>` when nothing usable remains.
    static func systemName(from name: String, model: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingSeparator = false
        for scalar in folded.unicodeScalars {
            let isWord = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || scalar == "_" || scalar == "-"
            if isWord {
                if pendingSeparator, !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.unicodeScalars.append(scalar == "-" ? "_" : scalar)
            } else {
                pendingSeparator = true
            }
        }
        while result.hasSuffix("_") { result.removeLast() }
        return result.isEmpty ? "\(model)_\(randomHex(6))" : result
    }

    /// `\A\w[\w\-/_]+\z` (porta `system_name.rb`).
    static func isValidSystemName(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 255, isWordScalar(scalars[0]) else { return false }
        return scalars.dropFirst().allSatisfy { isWordScalar($0) || $0 == "-" || $0 == "/" }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || CharacterSet.alphanumerics.contains(scalar)
    }

    static func randomHex(_ bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A URL with scheme http/https/ws/wss and a host, normalised with an explicit port
    /// (porta `Proxy::PortGenerator`: `https://echo-api.3scale.net` → `…:443`).
    static func endpoint(_ raw: String) -> String? {
        guard var components = URLComponents(string: raw.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { return nil }
        let defaultPorts = ["http": 80, "https": 443, "ws": 80, "wss": 443]
        guard let defaultPort = defaultPorts[scheme] else { return nil }
        components.scheme = scheme
        if components.port == nil { components.port = defaultPort }
        if components.path == "/" { components.path = "" }
        return components.string
    }

    static let httpMethods: Set<String> = ["GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"]

    /// Mapping-rule pattern rules (porta `proxy_rule.rb`): absolute path, optional `$`,
    /// optional query, `{var}` placeholders, no repeated variables, no variables as query keys.
    static func patternErrors(_ pattern: String) -> [String] {
        if pattern.isEmpty { return ["can't be blank"] }
        if pattern.count > 255 { return ["is too long (maximum is 255 characters)"] }
        guard pattern.hasPrefix("/") else { return ["shouldn't be empty and must begin with a '/'"] }
        let parts = pattern.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = Substring(parts[0])
        if path.hasSuffix("$") { path = path.dropLast() }
        if path.contains("$") || path.contains(where: { $0 == " " || $0 == "#" }) { return ["is invalid"] }
        var names: [String] = []
        var depth = 0
        var current = ""
        for character in path {
            switch character {
            case "{":
                if depth > 0 { return ["is invalid"] }
                depth = 1
                current = ""
            case "}":
                if depth == 0 || current.isEmpty { return ["is invalid"] }
                depth = 0
                names.append(current)
            default:
                if depth > 0 { current.append(character) }
            }
        }
        if depth != 0 { return ["is invalid"] }
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if kv[0].contains("{") { return ["Can't use variables as keys in the querystring"] }
                if kv.count > 1, kv[1].hasPrefix("{"), kv[1].hasSuffix("}") {
                    names.append(String(kv[1].dropFirst().dropLast()))
                }
            }
        }
        if Set(names).count != names.count { return ["Can't have repeated variable names"] }
        return []
    }

    static let limitPeriods = ["eternity", "year", "month", "week", "day", "hour", "minute"]
}

extension Validation {
    static func host(of url: String) -> String? {
        URLComponents(string: url)?.host
    }
}
