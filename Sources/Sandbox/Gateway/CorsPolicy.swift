import Foundation
import HTTPTypes
import Hummingbird
import Untrusted

/// The `cors` policy (APIcast `policy/cors/`): preflights are answered with 204 before
/// authentication; every response to a request with `Origin` gets the CORS headers.
struct CorsPolicy: Sendable {
    var allowHeaders: [String]
    var allowMethods: [String]
    var allowOrigin: String?
    var allowCredentials: Bool
    var maxAge: Int

    init(configuration: JSONValue) {
        allowHeaders = configuration["allow_headers"]?.arrayValue?.compactMap(\.stringValue) ?? []
        allowMethods = configuration["allow_methods"]?.arrayValue?.compactMap(\.stringValue) ?? []
        allowOrigin = configuration["allow_origin"]?.stringValue
        if case .bool(let flag)? = configuration["allow_credentials"] { allowCredentials = flag } else { allowCredentials = true }
        maxAge = configuration["max_age"]?.integer(clampedTo: 0...1_000_000_000) ?? 600
    }

    static func isPreflight(_ request: Request) -> Bool {
        request.method == .options && request.headers[.origin] != nil
            && request.headers[.accessControlRequestMethod] != nil
    }

    /// Adds the headers when the request carries an Origin.
    func apply(to headers: inout HTTPFields, for request: Request) {
        guard let origin = request.headers[.origin] else { return }
        let requestedHeaders = request.headers[.accessControlRequestHeaders]
        if let value = allowHeaders.isEmpty ? requestedHeaders : allowHeaders.joined(separator: ", ") {
            headers[.accessControlAllowHeaders] = value
        }
        if let value = allowMethods.isEmpty ? request.headers[.accessControlRequestMethod] : allowMethods.joined(separator: ", ") {
            headers[.accessControlAllowMethods] = value
        }
        if let value = allowedOrigin(for: origin) { headers[.accessControlAllowOrigin] = value }
        headers[.accessControlAllowCredentials] = allowCredentials ? "true" : "false"
        headers[.accessControlMaxAge] = String(maxAge)
    }

    /// Blank echoes the Origin; `*` and URLs are sent as they are; anything else is a
    /// regular expression the Origin must match.
    private func allowedOrigin(for origin: String) -> String? {
        guard let allowOrigin, !allowOrigin.isEmpty else { return origin }
        if allowOrigin == "*" || allowOrigin.hasPrefix("http://") || allowOrigin.hasPrefix("https://") {
            return allowOrigin
        }
        guard let regex = try? NSRegularExpression(pattern: allowOrigin) else { return nil }
        let range = NSRange(origin.startIndex..., in: origin)
        return regex.firstMatch(in: origin, range: range) != nil ? origin : nil
    }
}
