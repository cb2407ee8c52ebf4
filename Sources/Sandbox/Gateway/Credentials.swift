import Foundation
import HTTPTypes
import Hummingbird

/// How APIcast reads the user key (`configuration/service.lua`, `resty/http_authorization.lua`).
enum Credentials {
    static func userKey(headers: HTTPFields, location: String, name: String, arguments: [String: String]) -> String? {
        let key: String?
        switch location {
        case "headers":
            // The whole header value is the key; `Bearer ` only goes away with remove-bearer.
            key = HTTPField.Name(name).flatMap { headers[$0] }
        case "authorization":
            key = fromAuthorization(headers[.authorization])
        default:
            key = arguments[name.lowercased()] ?? arguments[name]
        }
        guard let key, !key.isEmpty else { return nil }
        return key
    }

    /// `Basic base64(key:…)` gives the user (or else the password); `Bearer key` the token.
    /// Other schemes, or a bare key, give nothing.
    private static func fromAuthorization(_ header: String?) -> String? {
        guard let header, let space = header.firstIndex(of: " ") else { return nil }
        let scheme = header[..<space]
        let value = header[header.index(after: space)...].trimmingCharacters(in: .whitespaces)
        switch scheme {
        case "Bearer": return value
        case "Basic":
            guard let data = Data(base64Encoded: value), let decoded = String(data: data, encoding: .utf8) else { return nil }
            let parts = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return parts.first(where: { !$0.isEmpty })
        default: return nil
        }
    }

    /// The `remove-bearer` policy: every `Bearer ` (case-sensitive) is deleted from Authorization.
    static func removeBearer(_ headers: inout HTTPFields) {
        guard let value = headers[.authorization], value.contains("Bearer ") else { return }
        headers[.authorization] = value.replacingOccurrences(of: "Bearer ", with: "")
    }
}
