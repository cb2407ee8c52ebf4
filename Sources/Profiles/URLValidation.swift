import Foundation
import Untrusted

enum URLValidation {
    /// Accepts http(s) URLs with a host; strips one trailing slash so joined paths stay clean.
    /// User-info (`https://user:password@host`) is kept, as some gateways want it, but
    /// never shown: messages use `URLDisplay.redacted`.
    static func validate(_ text: String, field: String) throws(ProfileError) -> String {
        let shown = URLDisplay.redacted(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .invalidValue(field: field, value: shown, reason: "not a URL; expected http://HOST or https://HOST")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .invalidValue(field: field, value: shown, reason: "the scheme must be http or https")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidValue(field: field, value: shown, reason: "it has no host")
        }
        var result = text
        while result.hasSuffix("/") && result.count > scheme.count + 3 + host.count { result.removeLast() }
        return result
    }
}
