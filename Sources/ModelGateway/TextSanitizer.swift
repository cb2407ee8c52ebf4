/// Makes untrusted text (model output, server messages) safe for a terminal.
///
/// - Escape sequences (ESC …, CSI, OSC, DCS/SOS/PM/APC strings, 7- and 8-bit) are
///   removed whole, so colours, cursor moves, titles and hyperlinks cannot be injected.
/// - Other C0 controls and DEL become their visible Unicode "control pictures"
///   (U+0019 → ␙); C1 controls become U+FFFD. Tab and newline are kept, and CRLF
///   becomes a newline (a lone CR, which could overwrite the line, shows as ␍).
/// - Invalid UTF-8 becomes U+FFFD, but a character split across two chunks is kept
///   whole: feed the chunks in order to one sanitizer and call `finish()` at the end.
public struct TextSanitizer: Sendable {
    private enum State: Sendable {
        case text
        case escape
        case escapeIntermediate
        case controlSequence
        /// OSC, DCS, SOS, PM, APC: a string ended by BEL or ST.
        case controlString(sawEscape: Bool)
    }

    /// A string sequence longer than this is abandoned, so that a stray OSC cannot
    /// swallow the rest of an answer.
    private static let maxSequenceLength = 512

    private var state = State.text
    private var sequenceLength = 0
    /// The first bytes of a UTF-8 character whose remaining bytes have not arrived.
    private var partialCharacter: [UInt8] = []
    /// A CR whose next character (LF or not) has not arrived yet.
    private var pendingCarriageReturn = false

    public init() {}

    /// Sanitises a whole text at once.
    public static func sanitize(_ text: String) -> String {
        var sanitizer = TextSanitizer()
        return sanitizer.feed(text) + sanitizer.finish()
    }

    /// Sanitises whole bytes at once; invalid UTF-8 shows as U+FFFD.
    public static func sanitize<Bytes: Collection>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var sanitizer = TextSanitizer()
        return sanitizer.feed(bytes: bytes) + sanitizer.finish()
    }

    /// Sanitises the next piece of a text, e.g. a streamed delta. An escape sequence
    /// may start in one piece and end in the next.
    public mutating func feed(_ text: String) -> String {
        var text = text
        var output: [UInt8] = []
        text.withUTF8 { feed(validUTF8: UnsafeRawBufferPointer($0), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Sanitises the next bytes of a UTF-8 stream.
    public mutating func feed<Bytes: Collection>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var input = partialCharacter
        partialCharacter = []
        input.append(contentsOf: bytes)
        let complete = input.count - Self.incompleteSuffixLength(input)
        partialCharacter = Array(input[complete...])
        var repaired = String(decoding: input[..<complete], as: UTF8.self)
        var output: [UInt8] = []
        repaired.withUTF8 { feed(validUTF8: UnsafeRawBufferPointer($0), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Sanitises the next piece of a text given as valid UTF-8 (a `StreamBatch`'s text,
    /// a String's bytes), appending the result to `output`: the printer's path, with no
    /// String in between. Runs of printable characters are copied whole; bytes that are
    /// not valid UTF-8 after all come out as U+FFFD.
    public mutating func feed(validUTF8 input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let count = input.count
        var index = 0
        while index < count {
            if case .text = state, !pendingCarriageReturn {
                let start = index
                while index < count, Self.isPlain(input, at: index) { index += 1 }
                if index > start { output.append(bytes: UnsafeRawBufferPointer(rebasing: input[start..<index])) }
                if index == count { return }
            }
            let (scalar, length) = Self.scalar(in: input, at: index)
            process(scalar, into: &output)
            index += length
        }
    }

    /// True when the byte at `index` is printable ASCII, or starts a character past
    /// U+009F (lead bytes from 0xC3 on, continuation bytes of them): copied as they are.
    /// C2 leads U+0080…U+00BF, of which the C1 controls need a look.
    @inline(__always)
    private static func isPlain(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x20 && byte != 0x7F }
        if byte >= 0xC3 { return true }
        // A continuation byte belongs to the character before, which started a plain run.
        return byte < 0xC0 && index > 0 && bytes[index - 1] != 0xC2
    }

    /// The character at `index` of (presumably) valid UTF-8 and its length; a broken
    /// one gives U+FFFD for its first byte.
    private static func scalar(in bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC0, bytes.count - index >= length else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Ends the text: a character left incomplete shows as U+FFFD, an unfinished
    /// escape sequence is dropped.
    public mutating func finish() -> String {
        defer {
            partialCharacter = []
            pendingCarriageReturn = false
            state = .text
            sequenceLength = 0
        }
        return (pendingCarriageReturn ? "\u{240D}" : "") + (partialCharacter.isEmpty ? "" : "\u{FFFD}")
    }

    private mutating func process(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        let value = scalar.value
        switch state {
        case .text:
            break
        case .escape:
            if value >= 0x20 && value <= 0x2F {
                state = .escapeIntermediate
                return
            }
            switch value {
            case 0x5B: state = .controlSequence  // [
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString(sawEscape: false)  // ] P X ^ _
            case 0x30...0x7E: state = .text  // a two-character sequence such as ESC c
            default:
                state = .text
                emit(scalar, into: &output)
            }
            return
        case .escapeIntermediate:
            if value >= 0x20 && value <= 0x2F { return }
            state = .text
            if value >= 0x30 && value <= 0x7E { return }
        case .controlSequence:
            if continueSequence() {
                if value >= 0x20 && value <= 0x3F { return }  // parameters and intermediates
                if value >= 0x40 && value <= 0x7E {
                    state = .text
                    return
                }
            }
            state = .text
        case .controlString(let sawEscape):
            if value == 0x07 || value == 0x9C || (sawEscape && value == 0x5C) {  // BEL, ST, ESC \
                state = .text
                return
            }
            if continueSequence() && value != 0x0A {
                state = .controlString(sawEscape: value == 0x1B)
                return
            }
            state = .text
        }
        emit(scalar, into: &output)
    }

    /// Counts one more character of a sequence; false once it is too long.
    private mutating func continueSequence() -> Bool {
        sequenceLength += 1
        return sequenceLength <= Self.maxSequenceLength
    }

    private mutating func emit(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        let value = scalar.value
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            if value != 0x0A { Self.append("\u{240D}", to: &output) }
        }
        switch value {
        case 0x09, 0x0A:
            output.append(UInt8(value))
        case 0x0D:
            pendingCarriageReturn = true
        case 0x1B:
            begin(.escape)
        case 0x9B:
            begin(.controlSequence)
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            begin(.controlString(sawEscape: false))
        case 0x00...0x1F:
            Self.append(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}", to: &output)
        case 0x7F:
            Self.append("\u{2421}", to: &output)
        case 0x80...0x9F:
            Self.append("\u{FFFD}", to: &output)
        default:
            Self.append(scalar, to: &output)
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }

    private mutating func begin(_ sequence: State) {
        state = sequence
        sequenceLength = 0
    }

    /// How many bytes at the end form the start of a character still missing bytes
    /// (0 when the text ends on a complete character or on invalid bytes).
    static func incompleteSuffixLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        var continuations = 0
        while index > 0 && continuations < 3 && bytes[index - 1] & 0xC0 == 0x80 {
            index -= 1
            continuations += 1
        }
        guard index > 0 else { return 0 }
        let lead = bytes[index - 1]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return continuations + 1 < length ? continuations + 1 : 0
    }
}
