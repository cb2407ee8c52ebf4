/// A cheap check, before any recursive decoder runs, of how deeply a JSON document
/// nests arrays and objects. Decoders recurse once per level, so a body of 100,000
/// `[` would exhaust the stack; this scan is linear, allocates nothing and ignores
/// brackets inside strings. It does not validate: the decoder still does that.
public enum JSONNesting {
    /// Deeper than any request the sandbox serves (chat messages with content parts
    /// nest 4 levels, a policy chain about 6) and far from any stack limit.
    public static let maximumDepth = 64

    /// Whether `bytes` opens more than `limit` arrays/objects at once.
    public static func exceeds(_ limit: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                // Never below zero, so stray closers cannot pay for extra depth later.
                if depth > 0 { depth -= 1 }
            default:
                break
            }
        }
        return false
    }

    /// The same check over any bytes (contiguous storage is scanned in place).
    public static func exceeds(_ limit: Int, in bytes: some Sequence<UInt8>) -> Bool {
        if let answer = bytes.withContiguousStorageIfAvailable({ exceeds(limit, in: UnsafeRawBufferPointer($0)) }) {
            return answer
        }
        return Array(bytes).withUnsafeBytes { exceeds(limit, in: $0) }
    }

    /// The message both servers give for such a body.
    public static func message(limit: Int = maximumDepth) -> String {
        "JSON nested too deeply (more than \(limit) levels of arrays and objects)"
    }
}
