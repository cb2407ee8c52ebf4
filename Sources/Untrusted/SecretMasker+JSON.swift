extension SecretMasker {
    /// Every JSON member whose name holds a credential (`"user_key": "abc"`) gets `"***"` as
    /// its value, whatever the value was: a string, a number, an object or an array. The text
    /// need not be one JSON document: members are found in an event stream's `data:` lines and
    /// in a prefix cut anywhere, where a value cut short is masked to the end. One pass,
    /// no recursion, so hostile nesting costs nothing more.
    func maskingJSON(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(JSONByte.quote) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == JSONByte.quote else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let start = index
            let (end, closed) = JSONByte.stringEnd(bytes, from: start)
            out += bytes[start..<end]
            index = end
            guard closed else { continue }
            var colon = end
            while colon < bytes.count, JSONByte.isSpace(bytes[colon]) { colon += 1 }
            guard colon < bytes.count, bytes[colon] == JSONByte.colon,
                isSecret(name: JSONByte.decodedString(bytes[start..<end]))
            else { continue }
            var value = colon + 1
            while value < bytes.count, JSONByte.isSpace(bytes[value]) { value += 1 }
            out += bytes[end..<value]
            index = value
            guard value < bytes.count else { continue }
            out += Array("\"\(Self.mask)\"".utf8)
            index = JSONByte.valueEnd(bytes, from: value)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The bytes of JSON syntax, and the few scans the masker needs.
enum JSONByte {
    static let quote = UInt8(ascii: "\"")
    static let colon = UInt8(ascii: ":")
    static let backslash = UInt8(ascii: "\\")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The index after the string that opens at `start`, and whether it was closed (else
    /// the text ended first).
    static func stringEnd(_ bytes: [UInt8], from start: Int) -> (Int, Bool) {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case backslash: index += 2
            case quote: return (index + 1, true)
            default: index += 1
            }
        }
        return (bytes.count, false)
    }

    /// The index after the value that starts at `start`: a string, an object or array
    /// (brackets counted outside strings), or a bare word up to a delimiter. A value the
    /// text cuts short ends with the text.
    static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int {
        switch bytes[start] {
        case quote:
            return stringEnd(bytes, from: start).0
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case quote:
                    index = stringEnd(bytes, from: index).0
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return bytes.count
        default:
            var index = start
            while index < bytes.count, !isSpace(bytes[index]), !",}]".utf8.contains(bytes[index]) { index += 1 }
            return index
        }
    }

    /// The text of a closed JSON string (quotes included), its escapes decoded; an escape
    /// that is not valid is kept as written.
    static func decodedString(_ quoted: ArraySlice<UInt8>) -> String {
        let inner = Array(quoted.dropFirst().dropLast())
        guard inner.contains(backslash) else { return String(decoding: inner, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        let text = String(decoding: inner, as: UTF8.self).unicodeScalars
        var iterator = text.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\", let escaped = iterator.next() else {
                scalars.append(scalar)
                continue
            }
            switch escaped {
            case "n": scalars.append("\n")
            case "t": scalars.append("\t")
            case "r": scalars.append("\r")
            case "b": scalars.append("\u{08}")
            case "f": scalars.append("\u{0C}")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = iterator.next() { hex.unicodeScalars.append(digit) } }
                if let code = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(code) {
                    scalars.append(decoded)
                } else {
                    scalars.append(contentsOf: "\\u\(hex)".unicodeScalars)
                }
            default: scalars.append(escaped)
            }
        }
        return String(scalars)
    }
}
