#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Untrusted

/// A forward-only JSON reader over UTF-8 bytes, for the hot path of streaming: it
/// reads the few members the client needs and skips the rest without building a
/// tree, where `JSONDecoder` costs tens of microseconds per chunk.
///
/// It recurses once per level of nesting, so it counts the levels and throws
/// `JSONNesting.TooDeep` past `JSONNesting.limit` instead of overflowing the stack.
struct JSONScanner {
    struct Malformed: Error {
        var offset: Int
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Reads an object, calling `member` with each key; `member` must read or skip
    /// the value. `null` counts as an empty object.
    mutating func object(_ member: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void) throws {
        if try readNull() { return }
        try expect(UInt8(ascii: "{"))
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try rawString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            switch key {
            case .plain(let range):
                try member(&self, UnsafeRawBufferPointer(rebasing: bytes[range]))
            case .escaped(let decoded):
                try decoded.withUnsafeBytes { try member(&self, $0) }
            }
            skipWhitespace()
            if try endOfContainer(UInt8(ascii: "}")) { return }
        }
    }

    /// Reads an array, calling `element` for each element. `null` counts as empty.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        if try readNull() { return }
        try expect(UInt8(ascii: "["))
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            if try endOfContainer(UInt8(ascii: "]")) { return }
        }
    }

    /// A string, or nil for `null` or any other kind of value (which is skipped).
    mutating func string() throws -> String? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        switch try rawString() {
        case .plain(let range): return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .escaped(let decoded): return String(decoding: decoded, as: UTF8.self)
        }
    }

    /// Appends a string's decoded bytes to `output` and returns true; for `null` or any
    /// other kind of value (which is skipped) appends nothing and returns false. The
    /// bytes are as sent: the caller checks that they are UTF-8.
    mutating func appendString(to output: inout [UInt8]) throws -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return false
        }
        index += 1
        let start = index
        let end = try closingQuote()
        if let backslash = firstIndex(of: UInt8(ascii: "\\"), in: start..<end) {
            output.append(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<backslash]))
            index = backslash
            try decodeEscapedString(into: &output)
        } else {
            output.append(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            index = end + 1
        }
        return true
    }

    /// True when the value is a string equal to `word` (written without escapes);
    /// any other value is skipped and gives false.
    mutating func string(equals word: StaticString) throws -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return false
        }
        switch try rawString() {
        case .plain(let range): return UnsafeRawBufferPointer(rebasing: bytes[range]).matches(word)
        case .escaped(let decoded): return decoded.withUnsafeBytes { $0.matches(word) }
        }
    }

    /// An integer, or nil for `null` or any other value (which is skipped).
    mutating func integer() throws -> Int? {
        skipWhitespace()
        let start = index
        while let byte = peek(), byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            index += 1
        }
        if let byte = peek(), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index = start
            try skipValue()
            return nil
        }
        guard index > start else {
            try skipValue()
            return nil
        }
        return Self.integer(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
    }

    /// `-?[0-9]+` as an Int, nil when it is not that or does not fit (what `Int("…")` gives).
    private static func integer(_ text: UnsafeRawBufferPointer) -> Int? {
        let negative = text.first == UInt8(ascii: "-")
        let digits = UnsafeRawBufferPointer(rebasing: text[(negative ? 1 : 0)...])
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdding) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow, !overflowAdding else { return nil }
            value = next
        }
        return value
    }

    mutating func skipValue() throws {
        skipWhitespace()
        guard let byte = peek() else { throw Malformed(offset: index) }
        switch byte {
        case UInt8(ascii: "\""): _ = try rawString()
        case UInt8(ascii: "{"): try object { scanner, _ in try scanner.skipValue() }
        case UInt8(ascii: "["): try array { try $0.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            let start = index
            while let byte = peek(), Self.isNumberByte(byte) { index += 1 }
            if index == start { throw Malformed(offset: index) }
        }
    }

    /// After a top-level value only whitespace may follow.
    mutating func end() throws {
        skipWhitespace()
        if index != bytes.count { throw Malformed(offset: index) }
    }

    // MARK: Pieces

    private enum RawString {
        /// No escapes: the bytes between the quotes.
        case plain(Range<Int>)
        case escaped([UInt8])
    }

    private mutating func rawString() throws -> RawString {
        try expect(UInt8(ascii: "\""))
        let start = index
        let end = try closingQuote()
        if let backslash = firstIndex(of: UInt8(ascii: "\\"), in: start..<end) {
            index = backslash
            return .escaped(try escapedString(from: start))
        }
        index = end + 1
        return .plain(start..<end)
    }

    /// The index of the next `"` from the scanner's position, found with memchr: the
    /// closing quote of a string without escapes (a string with escapes is then
    /// decoded byte by byte, from its first backslash).
    private func closingQuote() throws -> Int {
        guard let quote = firstIndex(of: UInt8(ascii: "\""), in: index..<bytes.count) else {
            throw Malformed(offset: bytes.count)
        }
        return quote
    }

    private func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress else { return nil }
        return memchr(base + range.lowerBound, Int32(byte), range.count).map { UnsafeRawPointer($0) - base }
    }

    private mutating func escapedString(from start: Int) throws -> [UInt8] {
        var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        try decodeEscapedString(into: &decoded)
        return decoded
    }

    /// Decodes the rest of a string from the scanner's position (inside the quotes) to
    /// its closing quote, appending to `decoded`.
    private mutating func decodeEscapedString(into decoded: inout [UInt8]) throws {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Malformed(offset: index) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "u"): appendUTF8(try unicodeEscape(), to: &decoded)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                default: throw Malformed(offset: index - 1)
                }
            default:
                decoded.append(byte)
            }
        }
        throw Malformed(offset: index)
    }

    /// The scalar of `\uXXXX`, joining a surrogate pair; a lone surrogate is U+FFFD.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hexQuad()
        if (0xD800..<0xDC00).contains(high), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let saved = index
            index += 2
            let low = try hexQuad()
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            index = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw Malformed(offset: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed(offset: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    private mutating func readNull() throws -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw Malformed(offset: index) }
        let matches = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]).matches(word)
        guard matches else { throw Malformed(offset: index) }
        index += count
    }

    private mutating func enterContainer() throws {
        guard depth < JSONNesting.limit else { throw JSONNesting.TooDeep(limit: JSONNesting.limit) }
        depth += 1
    }

    private mutating func endOfContainer(_ close: UInt8) throws -> Bool {
        guard let byte = peek() else { throw Malformed(offset: index) }
        index += 1
        if byte == close { return true }
        if byte == UInt8(ascii: ",") { return false }
        throw Malformed(offset: index - 1)
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw Malformed(offset: index) }
        index += 1
    }

    @inline(__always)
    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }
}
