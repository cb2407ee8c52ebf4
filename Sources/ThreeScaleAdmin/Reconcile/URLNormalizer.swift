#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// porta stores URLs and paths in a normal form; comparisons go through the same
/// normalisation so that a second apply sees no change.
enum URLNormalizer {
    /// porta adds the scheme's default port: `https://h` → `https://h:443`.
    static func withPort(_ url: String) -> String {
        guard var components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else { return url }
        if components.port == nil {
            switch scheme {
            case "http", "ws": components.port = 80
            case "https", "wss": components.port = 443
            default: break
            }
        }
        components.scheme = scheme
        components.host = components.host?.lowercased()
        var text = components.string ?? url
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Backend usage paths get a leading slash; empty means `/`.
    static func usagePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : "/" + path
    }
}
