import Foundation
import Untrusted

/// Where a document says its API is served (the backend's private URL), and the
/// document as the developer portal should show it: served by the product's gateway.
enum DocumentServers {
    /// OpenAPI 3's `servers[0].url` with its variables' defaults, or Swagger 2.0's
    /// `schemes`, `host` and `basePath`; nil when the document names no absolute URL.
    static func backendURL(_ document: JSONValue) -> String? {
        if document["swagger"] != nil {
            guard let host = document["host"]?.stringValue, !host.isEmpty else { return nil }
            let schemes = document["schemes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let scheme = schemes.contains("https") || schemes.isEmpty ? "https" : schemes[0]
            return absolute("\(scheme)://\(host)\(document["basePath"]?.stringValue ?? "")")
        }
        guard let server = document["servers"]?.arrayValue?.first, var url = server["url"]?.stringValue else { return nil }
        for (name, variable) in server["variables"]?.objectValue ?? [:] {
            if let value = variable["default"]?.stringValue { url = url.replacingOccurrences(of: "{\(name)}", with: value) }
        }
        return absolute(url)
    }

    /// An http(s) URL with a host and no template left, without a trailing `/`.
    private static func absolute(_ url: String) -> String? {
        guard !url.contains("{"), let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = parsed.host, !host.isEmpty
        else { return nil }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// The product's gateway URLs, production first: what consumers call.
    struct Gateway: Sendable, Equatable {
        var production: String?
        var staging: String?

        var urls: [String] { [production, staging].compactMap { $0 } }
    }

    /// The document with the gateway as its server: OpenAPI 3 lists production then
    /// staging; Swagger 2.0, which has one server, takes production (else staging).
    static func servedBy(_ gateway: Gateway, _ document: JSONValue) -> JSONValue {
        guard case .object(var top) = document, let first = gateway.urls.first else { return document }
        if top["swagger"] != nil {
            guard let url = URL(string: first), let host = url.host else { return document }
            top["schemes"] = .array([.string(url.scheme?.lowercased() ?? "https")])
            top["host"] = .string(url.port.map { "\(host):\($0)" } ?? host)
            top["basePath"] = .string(url.path.isEmpty ? "/" : url.path)
        } else {
            let descriptions = gateway.production == nil ? ["staging"] : ["production", "staging"]
            top["servers"] = .array(zip(gateway.urls, descriptions).map { url, description in
                .object(["url": .string(url), "description": .string("3scale gateway (\(description))")])
            })
        }
        return .object(top)
    }
}
