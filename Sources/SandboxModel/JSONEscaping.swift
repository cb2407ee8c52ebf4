import NIOCore

extension ByteBuffer {
    /// Writes `"text"` with JSON escapes. Runs of bytes that need no escaping are
    /// copied in one go, so plain words cost one bounds check and one copy.
    mutating func writeJSONString(_ text: String) {
        var text = text
        text.withUTF8 { writeJSONString(utf8: $0) }
    }

    mutating func writeJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        writeInteger(UInt8(ascii: "\""))
        writeJSONEscaped(utf8: bytes)
        writeInteger(UInt8(ascii: "\""))
    }

    /// Escapes without the surrounding quotes, for text spliced into a prebuilt event.
    mutating func writeJSONEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { writeBytes(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            writeEscape(for: byte)
            runStart = index + 1
        }
        if runStart < bytes.count { writeBytes(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    mutating func writeJSONEscaped(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeJSONEscaped(utf8: $0) }
    }

    private mutating func writeEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): writeStaticString("\\\"")
        case UInt8(ascii: "\\"): writeStaticString("\\\\")
        case UInt8(ascii: "\n"): writeStaticString("\\n")
        case UInt8(ascii: "\r"): writeStaticString("\\r")
        case UInt8(ascii: "\t"): writeStaticString("\\t")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            writeStaticString("\\u00")
            writeInteger(hex[Int(byte >> 4)])
            writeInteger(hex[Int(byte & 0x0f)])
        }
    }

    /// JSON has no NaN or infinity; such values (never produced here) degrade to 0.
    mutating func writeJSONNumber(_ value: Double) {
        guard value.isFinite else {
            writeStaticString("0.0")
            return
        }
        writeString(String(value))
    }
}
