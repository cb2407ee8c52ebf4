#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The base URL split into what requests need: where to send (keeping any path
/// prefix), the host for error messages, and where the API key goes.
struct Endpoint: Sendable {
    let base: String
    let host: String
    let credentialHeader: (String, String)?
    let credentialQuery: String?

    init(_ configuration: GatewayConfiguration) throws(GatewayError) {
        let raw = configuration.baseURL.trimmingWhitespace
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased() else {
            throw .invalidURL(configuration.baseURL, reason: "not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .invalidURL(configuration.baseURL, reason: "the scheme must be http or https")
        }
        guard let host = url.host, !host.isEmpty else {
            throw .invalidURL(configuration.baseURL, reason: "no host")
        }
        guard url.query == nil, url.fragment == nil else {
            throw .invalidURL(configuration.baseURL, reason: "a base URL has no query or fragment")
        }
        var base = raw
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.host = host
        var header: (String, String)?
        var query: String?
        if let key = configuration.apiKey {
            switch configuration.authentication {
            case .bearer: header = ("authorization", "Bearer \(key)")
            case .header(let name): header = (name, key)
            case .queryParameter(let name): query = Self.percentEncoded(name) + "=" + Self.percentEncoded(key)
            }
        }
        self.credentialHeader = header
        self.credentialQuery = query
    }

    /// The URL of an endpoint path such as `/v1/models`.
    func url(for path: String) -> String {
        base + path + (credentialQuery.map { "?" + $0 } ?? "")
    }

    /// The URL without credentials, for messages.
    func display(_ path: String) -> String {
        base + path
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
