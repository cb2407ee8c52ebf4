#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// The admin portal's URL split into what requests need: no trailing slash, any
/// path prefix kept (a reverse proxy may mount the portal under a path).
struct BaseURL: Sendable, Equatable {
    let root: String
    let host: String

    init(_ text: String) throws(AdminError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let shown = URLDisplay.redacted(text)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased() else {
            throw .invalidURL(shown, reason: "it is not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .invalidURL(shown, reason: "the scheme must be http or https")
        }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(shown, reason: "it has no host") }
        guard url.query == nil else { throw .invalidURL(shown, reason: "it must not have a query") }
        var root = trimmed
        while root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.host = host
        self.display = URLDisplay.redacted(root)
    }

    /// What error messages show: the portal without user-info, never a path with parameters.
    let display: String

    /// Where a redirect of a request to `url` points, absolute and without user-info, for a message.
    static func displayLocation(_ location: String, from url: String) -> String {
        URLDisplay.redacted(URL(string: location, relativeTo: URL(string: url))?.absoluteString ?? location)
    }

    func url(_ path: String, query: [(name: String, value: String)]) -> String {
        guard !query.isEmpty else { return root + path }
        return root + path + "?" + FormBody(query).encoded
    }
}
