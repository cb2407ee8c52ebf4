/// How a URL is shown in messages and listings: never with its user-info (a
/// password in `https://alice:hunter2@host` is a secret), never with control
/// characters, never longer than a line should be.
public enum URLDisplay {
    /// Longer URLs are cut (a Location header can be kilobytes long).
    public static let maxLength = 512

    /// `https://alice:hunter2@host/x` → `https://***@host/x`.
    ///
    /// The text need not be a valid URL: it is read the way the most lenient
    /// parser would, so that whatever any parser takes for user-info is hidden.
    /// The authority starts after the scheme and any run of `/` or `\`, and ends
    /// at the next `/` or `\`; everything before its last `@` is masked. A `?`
    /// or `#` does not end it here, as a password may hold them unencoded
    /// (masking a query that holds an `@` is the price).
    public static func redacted(_ url: String) -> String {
        let scalars = Array(url.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        if let userInfo = userInfo(in: scalars) {
            result.append(contentsOf: scalars[0..<userInfo.lowerBound])
            result.append(contentsOf: "***".unicodeScalars)
            index = userInfo.upperBound
        }
        var length = result.count
        while index < scalars.count {
            guard length < maxLength else {
                result.append("…")
                break
            }
            let scalar = scalars[index]
            if isUnsafe(scalar) {
                for byte in String(scalar).utf8 { result.append(contentsOf: percentEncoded(byte).unicodeScalars) }
            } else {
                result.append(scalar)
            }
            length += 1
            index += 1
        }
        return String(result)
    }

    /// The text with its user-info replaced by `***` and nothing else changed (for a line
    /// kept in the history); nil when it has none.
    public static func maskingUserInfo(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard let userInfo = userInfo(in: scalars) else { return nil }
        var result = String.UnicodeScalarView(scalars[0..<userInfo.lowerBound])
        result.append(contentsOf: "***".unicodeScalars)
        result.append(contentsOf: scalars[userInfo.upperBound...])
        return String(result)
    }

    /// Where the user-info is, up to (not including) its last `@`.
    private static func userInfo(in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var start = 0
        if let colon = schemeEnd(scalars), colon + 1 < scalars.count, isSlash(scalars[colon + 1]) {
            start = colon + 1
        }
        while start < scalars.count, isSlash(scalars[start]) { start += 1 }
        var end = start
        while end < scalars.count, !isSlash(scalars[end]) { end += 1 }
        guard let at = scalars[start..<end].lastIndex(of: "@") else { return nil }
        return start..<at
    }

    /// The index of the `:` after a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`).
    private static func schemeEnd(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        for (index, scalar) in scalars.enumerated().dropFirst() {
            if scalar == ":" { return index }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            else { return nil }
        }
        return nil
    }

    private static func isSlash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "\\"
    }

    /// Controls (C0, DEL, C1), format characters (bidi overrides, zero widths) and
    /// spaces are shown percent-encoded, as a browser's address bar would.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse,
            .unassigned:
            return true
        default:
            return false
        }
    }

    private static func percentEncoded(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
