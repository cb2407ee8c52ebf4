/// The events of one network read of a streamed answer, decoded together. Their text
/// stays as bytes in one buffer, so a read that carries many tokens costs no `String`
/// per token; a printer sanitises the bytes straight into its output. `StreamEvent`s
/// are made from a batch on demand.
public struct StreamBatch: Sendable {
    public enum Event: Sendable, Equatable {
        /// New text of a choice: `text[range]` (untrusted: sanitise before printing).
        case text(Range<Int>, choice: Int)
        /// A chunk of a choice with no text (see `StreamEvent.emptyChunk`).
        case emptyChunk(choice: Int)
        case finish(reason: String, choice: Int)
        case usage(Usage)
    }

    public internal(set) var events: [Event] = []
    /// The bytes of every `.text` event, back to back. Always valid UTF-8: a chunk
    /// whose text is not is repaired (U+FFFD) as `String(decoding:as:)` repairs it.
    public internal(set) var text: [UInt8] = []

    public init() {}

    public var isEmpty: Bool { events.isEmpty }

    /// The event at `index` as a `StreamEvent` (a `String` for text).
    public func streamEvent(at index: Int) -> StreamEvent {
        switch events[index] {
        case let .text(range, choice): .text(String(decoding: text[range], as: UTF8.self), choice: choice)
        case let .emptyChunk(choice): .emptyChunk(choice: choice)
        case let .finish(reason, choice): .finish(reason: reason, choice: choice)
        case let .usage(usage): .usage(usage)
        }
    }

    public var streamEvents: [StreamEvent] {
        events.indices.map(streamEvent(at:))
    }

    /// Empties the batch for the next read, keeping its storage.
    public mutating func removeAll() {
        events.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// Where the batch ends now, to drop a chunk's events when the chunk turns out bad.
    struct Mark {
        let events: Int
        let text: Int
    }

    var mark: Mark { Mark(events: events.count, text: text.count) }

    mutating func rollBack(to mark: Mark) {
        events.removeSubrange(mark.events...)
        text.removeSubrange(mark.text...)
    }

    /// Replaces the text from `start` on by its repair when it is not valid UTF-8.
    mutating func repairText(from start: Int) {
        let valid = text.withUnsafeBytes { UTF8Validation.isValid(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        guard !valid else { return }
        let repaired = String(decoding: text[start...], as: UTF8.self)
        text.replaceSubrange(start..., with: repaired.utf8)
    }
}

/// A check of well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF),
/// eight ASCII bytes at a time.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if count - index >= 8, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xED: (length, high) = (3, 0x9F)
            case 0xE1...0xEF: length = 3
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF4: (length, high) = (4, 0x8F)
            case 0xF1...0xF3: length = 4
            default: return false
            }
            guard count - index >= length, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
