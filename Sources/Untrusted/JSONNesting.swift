/// A bound on how deeply JSON from outside (a server's answer, a client's request) may nest. Recursive parsers (our
/// scanners, `JSONDecoder`, `Decodable` trees) use a stack frame per level, so
/// `[[[[…` thirty thousand deep would overflow the stack and crash; this check
/// runs first, in one linear pass without allocating.
public enum JSONNesting {
    /// Deeper than any API answer we read; what Foundation's decoder allows too.
    public static let limit = 512

    public struct TooDeep: Error, Sendable, Equatable, CustomStringConvertible {
        public let limit: Int

        public init(limit: Int) {
            self.limit = limit
        }

        public var description: String { "the server sent JSON nested deeper than \(limit) levels" }
    }

    /// Throws when arrays and objects nest deeper than `limit`. The bytes need not be
    /// valid JSON (the decoder that runs next says what else is wrong).
    public static func check(_ bytes: UnsafeRawBufferPointer, limit: Int = limit) throws(TooDeep) {
        if exceeds(limit, in: bytes) { throw TooDeep(limit: limit) }
    }

    /// Whether `bytes` opens more than `limit` arrays and objects at once; brackets
    /// inside strings do not count.
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

    public static func check(_ bytes: [UInt8], limit: Int = limit) throws(TooDeep) {
        // `withUnsafeBytes` rethrows untyped errors; carry the typed one out as a Result.
        try bytes.withUnsafeBytes { buffer in Result { () throws(TooDeep) in try check(buffer, limit: limit) } }.get()
    }
}
