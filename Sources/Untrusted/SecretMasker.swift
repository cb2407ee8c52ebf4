/// What `-vv` shows of HTTP traffic, maas's own and the sandbox's, with every credential
/// replaced by `***`: header values, query and form parameters and JSON members whose
/// names say they hold one (the well-known names, and the names the caller adds, such as a
/// product's custom key header), and every secret value the caller knows, wherever it stands.
/// A body is masked before it is cut, so a secret across the cut is masked whole.
public struct SecretMasker: Sendable {
    public static let mask = "***"
    /// How much of a body `-vv` shows.
    public static let excerptLimit = 2048

    private let names: Set<String>
    /// Known secrets, longest first, with their percent-encoded spelling.
    private let spellings: [String]

    /// `names`: parameter, header or member names that hold a credential besides the
    /// well-known ones. `values`: secrets to mask wherever they appear (empty ones are ignored).
    public init(names: [String] = [], values: [String?] = []) {
        self.names = Set(names.map(Self.normalised))
        var spellings: Set<String> = []
        for case let value? in values where !value.isEmpty {
            spellings.insert(value)
            spellings.insert(Self.percentEncoded(value))
        }
        self.spellings = spellings.sorted { $0.utf8.count > $1.utf8.count }
    }

    // MARK: Names

    /// Names of credentials in any API maas or the sandbox speaks (3scale's, OAuth's, HTTP's).
    static let wellKnownNames: Set<String> = [
        "authorization", "proxy_authorization", "cookie", "set_cookie", "access_token", "access_tokens", "user_key",
        "app_key", "app_id", "application_id", "key", "keys", "token", "secret", "password", "apikey",
    ]
    static let secretSuffixes = ["_key", "_token", "_secret", "apikey"]
    static let secretFragments = ["password", "passwd", "secret"]
    /// 3scale's names of the parameters that carry credentials, not credentials: `-vv` shows
    /// where a product reads its key.
    static let parameterNames: Set<String> = ["auth_user_key", "auth_app_key", "auth_app_id"]

    /// Whether a header, parameter or member of this name holds a credential. Case and
    /// `-`/`_` do not matter; each part of a bracketed form name counts (`proxy[secret_token]`).
    public func isSecret(name: String) -> Bool {
        let normalised = Self.normalised(name)
        let parts = normalised.split(whereSeparator: { $0 == "[" || $0 == "]" }).map(String.init)
        return ([normalised] + parts).contains { part in
            guard !Self.parameterNames.contains(part) else { return false }
            return names.contains(part) || Self.wellKnownNames.contains(part)
                || Self.secretSuffixes.contains { part.hasSuffix($0) } || Self.secretFragments.contains { part.contains($0) }
        }
    }

    static func normalised(_ name: String) -> String {
        let spaces: Set<Character> = [" ", "\t"]
        let kept = name.lowercased().map { $0 == "-" ? "_" : $0 }.drop(while: spaces.contains)
        return String(kept.reversed().drop(while: spaces.contains).reversed())
    }

    // MARK: Headers, URLs, parameters

    /// Schemes kept in front of a masked credential, so `-vv` still says how it was sent.
    static let schemes: Set<String> = ["basic", "bearer", "digest", "token", "apikey"]

    /// `Bearer abc` → `Bearer ***` for a credential header; other headers lose only known secrets.
    public func header(name: String, value: String) -> String {
        guard isSecret(name: name) else { return maskingValues(value) }
        if let space = value.firstIndex(of: " "), Self.schemes.contains(value[..<space].lowercased()) {
            return value[..<space] + " " + Self.mask
        }
        return Self.mask
    }

    /// The URL without user-info, its credential parameters and known secrets masked
    /// (`/find.json?user_key=abc` → `/find.json?user_key=***`), as `URLDisplay` shows it.
    public func url(_ url: String) -> String {
        // User-info first: a password may hold a `?` that would pass for the query's start.
        var text = URLDisplay.maskingUserInfo(url) ?? url
        if let question = text.firstIndex(of: "?") {
            let fragment = text[question...].firstIndex(of: "#") ?? text.endIndex
            text = text[...question] + maskingParameters(text[text.index(after: question)..<fragment]) + text[fragment...]
        }
        return URLDisplay.redacted(maskingValues(text))
    }

    /// `a=1&user_key=abc` → `a=1&user_key=***`: a query or a form body.
    func maskingParameters(_ text: Substring) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).map { parameter -> String in
            guard let equals = parameter.firstIndex(of: "="), isSecret(name: Self.formDecoded(parameter[..<equals])) else {
                return String(parameter)
            }
            return parameter[..<equals] + "=" + Self.mask
        }.joined(separator: "&")
    }

    /// Every known secret replaced, in either spelling.
    public func maskingValues(_ text: String) -> String {
        var text = text
        for spelling in spellings where text.contains(spelling) {
            text = text.replacing(spelling, with: Self.mask)
        }
        return text
    }

    // MARK: Bodies

    /// A whole body, masked as its content type says: members of JSON (also in an event
    /// stream), parameters of a form, both for any other type; then known secrets.
    public func body(_ text: String, contentType: String?) -> String {
        let type = contentType?.lowercased() ?? ""
        let masked: String
        if type.contains("x-www-form-urlencoded") {
            masked = maskingParameters(text[...])
        } else if type.contains("json") || type.contains("event-stream") {
            masked = maskingJSON(text)
        } else {
            masked = maskingParameters(maskingJSON(text)[...])
        }
        return maskingValues(masked)
    }

    /// How many bytes of a body `excerpt` reads to show `limit`: enough that the masked
    /// text still fills `limit` when masking shortened it.
    public func window(for limit: Int = excerptLimit) -> Int {
        2 * limit + (spellings.first?.utf8.count ?? 0)
    }

    /// The start of a body as `-vv` shows it: up to `window(for: limit)` of its first bytes
    /// masked (`body`), then cut to `limit` bytes; `isCut` when something was left out.
    /// `total` is the body's whole size when `bytes` is only its start.
    public func excerpt(_ bytes: some Collection<UInt8>, of total: Int? = nil, contentType: String?, limit: Int = excerptLimit)
        -> (text: String, isCut: Bool)
    {
        let read = min(bytes.count, window(for: limit))
        let truncated = max(total ?? bytes.count, bytes.count) > read
        var text = body(String(decoding: bytes.prefix(read), as: UTF8.self), contentType: contentType)
        // A known secret cut in two where reading stopped is not found whole: drop what is left of it.
        if truncated { text = droppingPartialSecret(atEndOf: text) }
        guard text.utf8.count > limit else { return (text, truncated) }
        var kept = Array(text.utf8.prefix(limit))
        // Back to the end of the last whole character.
        while !kept.isEmpty, String(validating: kept, as: UTF8.self) == nil { kept.removeLast() }
        return (String(decoding: kept, as: UTF8.self), true)
    }

    private func droppingPartialSecret(atEndOf text: String) -> String {
        for spelling in spellings {
            for length in stride(from: spelling.count - 1, through: 1, by: -1) where text.hasSuffix(spelling.prefix(length)) {
                return String(text.dropLast(length))
            }
        }
        return text
    }

    // MARK: Encoding

    /// A form name as sent: `+` for space, `%XX` escapes (left as they are when malformed).
    static func formDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.index(after: utf8.startIndex)]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
