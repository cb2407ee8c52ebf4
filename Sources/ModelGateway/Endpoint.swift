#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// The base URL split into what requests need: where to send (keeping any path
/// prefix), the host for error messages, and where the API key goes.
struct Endpoint: Sendable {
    let base: String
    let host: String
    let credentialHeader: (String, String)?
    let credentialQuery: String?
    /// The header or query parameter that carries the key, when it is not `Authorization`.
    let credentialNames: [String]
    /// The API key, to mask it wherever a server echoes it back (a Location).
    private let key: String?

    init(_ configuration: GatewayConfiguration) throws(GatewayError) {
        let raw = configuration.baseURL.trimmingWhitespace
        let shown = URLDisplay.redacted(configuration.baseURL)
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased() else {
            throw .invalidURL(shown, reason: "not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .invalidURL(shown, reason: "the scheme must be http or https")
        }
        guard let host = url.host, !host.isEmpty else {
            throw .invalidURL(shown, reason: "no host")
        }
        guard url.query == nil, url.fragment == nil else {
            throw .invalidURL(shown, reason: "a base URL has no query or fragment")
        }
        var base = raw
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.host = host
        var header: (String, String)?
        var query: String?
        switch configuration.authentication {
        case .bearer: credentialNames = []
        case .header(let name), .queryParameter(let name): credentialNames = [name]
        }
        if let key = configuration.apiKey {
            switch configuration.authentication {
            case .bearer: header = ("authorization", "Bearer \(key)")
            case .header(let name): header = (name, key)
            case .queryParameter(let name): query = Self.percentEncoded(name) + "=" + Self.percentEncoded(key)
            }
        }
        self.credentialHeader = header
        self.credentialQuery = query
        self.key = configuration.apiKey.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URL of an endpoint path such as `/v1/models`.
    func url(for path: String) -> String {
        base + path + (credentialQuery.map { "?" + $0 } ?? "")
    }

    /// The URL without credentials or user-info, for messages.
    func display(_ path: String) -> String {
        URLDisplay.redacted(base + path)
    }

    /// Where a redirect of a request for `path` points, for a message: made
    /// absolute, with the API key masked should the server have copied it there.
    func displayLocation(_ location: String, for path: String) -> String {
        var absolute = URL(string: location, relativeTo: URL(string: base + path))?.absoluteString ?? location
        if let key {
            absolute = absolute.replacing(key, with: "***").replacing(Self.percentEncoded(key), with: "***")
        }
        return URLDisplay.redacted(absolute)
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (byte < 16 ? "0" : "") + hex
            }
        }
        return result
    }
}
