#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// One server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field, nil when absent (the default type, "message").
    public var event: String?
    /// The `data:` lines joined with "\n".
    public var data: String
    /// The last `id:` seen, nil when none.
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// An incremental decoder for `text/event-stream` (WHATWG HTML §9.2.6), fed bytes as
/// they arrive. Lines end with CRLF, LF or CR, even when the CR and LF arrive in
/// different chunks; `:` lines are comments; a blank line dispatches the event.
///
/// It finds line ends with `memchr`, hands an event's data as a view of the chunk
/// itself when the event has one `data:` line inside the chunk (the usual case), and
/// copies only what spans chunks. It never hops to another task or actor.
public struct SSEDecoder: Sendable {
    /// Bytes of a line whose end has not arrived yet.
    private var partialLine: [UInt8] = []
    /// The chunk ended on CR: an LF at the start of the next one belongs to it.
    private var skipLeadingLineFeed = false
    /// The event's data when it is not a view of the current chunk.
    private var data: [UInt8] = []
    /// Where the event's only `data:` value lies in the current chunk; valid during
    /// one `feed` call only (copied into `data` when the chunk ends first).
    private var inlineData: Range<Int>?
    private var hasData = false
    private var eventType: String?
    private var lastEventID: String?
    /// How many bytes of a leading UTF-8 byte order mark were skipped; nil once the
    /// stream's first bytes are past (the standard strips one BOM at the start).
    private var byteOrderMarkSeen: Int? = 0

    public init() {}

    /// Decodes a chunk, calling `onEvent` for each complete event in it.
    public mutating func feed(_ buffer: ByteBuffer, _ onEvent: (SSEEvent) throws -> Void) rethrows {
        try buffer.withUnsafeReadableBytes { try feed(bytes: $0, onEvent) }
    }

    /// Decodes a chunk and returns its complete events.
    public mutating func feed(_ buffer: ByteBuffer) -> [SSEEvent] {
        var events: [SSEEvent] = []
        feed(buffer) { events.append($0) }
        return events
    }

    public mutating func feed(bytes: UnsafeRawBufferPointer, _ onEvent: (SSEEvent) throws -> Void) rethrows {
        try feed(bytes: bytes) { data, event, id in
            try onEvent(SSEEvent(event: event, data: String(decoding: data, as: UTF8.self), id: id))
        }
    }

    /// Decodes a chunk, calling `onData` with each complete event's data (a view valid
    /// only during the call), type and last id: the decoding path with no copy.
    public mutating func feed(
        bytes: UnsafeRawBufferPointer, onData: (UnsafeRawBufferPointer, _ event: String?, _ id: String?) throws -> Void
    ) rethrows {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return }
        var index = 0
        while let seen = byteOrderMarkSeen, index < count {
            guard bytes[index] == Self.byteOrderMark[seen] else {
                byteOrderMarkSeen = nil
                break
            }
            index += 1
            byteOrderMarkSeen = seen + 1 < Self.byteOrderMark.count ? seen + 1 : nil
        }
        if skipLeadingLineFeed, index < count {
            skipLeadingLineFeed = false
            if bytes[index] == UInt8(ascii: "\n") { index += 1 }
        }
        defer { keepInlineData(bytes) }
        while index < count {
            // The line ends at the first LF or CR; memchr scans for each at vector speed.
            let rest = count - index
            var end = memchr(base + index, Int32(UInt8(ascii: "\n")), rest).map { UnsafeRawPointer($0) - base } ?? count
            if let cr = memchr(base + index, Int32(UInt8(ascii: "\r")), end - index) { end = UnsafeRawPointer(cr) - base }
            guard end < count else { break }
            let line = UnsafeRawBufferPointer(rebasing: bytes[index..<end])
            if partialLine.isEmpty {
                try processLine(line, at: index, in: bytes, onData)
            } else {
                partialLine.append(bytes: line)
                let whole = partialLine
                partialLine.removeAll(keepingCapacity: true)
                try whole.withUnsafeBytes { try processLine($0, at: nil, in: bytes, onData) }
            }
            index = end + 1
            if bytes[end] == UInt8(ascii: "\r") {
                if index < count {
                    if bytes[index] == UInt8(ascii: "\n") { index += 1 }
                } else {
                    skipLeadingLineFeed = true
                }
            }
        }
        if index < count {
            partialLine.append(bytes: UnsafeRawBufferPointer(rebasing: bytes[index..<count]))
            if partialLine.count > Self.maxEventSize { discardOversizedEvent() }
        }
    }

    /// Events are held in memory until complete; one larger than this is dropped
    /// (and `oversizedEventDropped` set) so a broken server cannot exhaust memory.
    public static let maxEventSize = 16 * 1024 * 1024

    /// Set once an event over `maxEventSize` was dropped; the stream is unusable.
    public private(set) var oversizedEventDropped = false

    private mutating func discardOversizedEvent() {
        oversizedEventDropped = true
        partialLine = []
        data = []
        inlineData = nil
        hasData = false
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when bytes of an unfinished event are buffered: a stream that ends now
    /// was cut in the middle of an event.
    public var hasPendingEvent: Bool {
        !partialLine.isEmpty || hasData
    }

    /// The chunk is about to go: a data value still pointing into it is copied.
    private mutating func keepInlineData(_ chunk: UnsafeRawBufferPointer) {
        guard let range = inlineData else { return }
        inlineData = nil
        data.append(bytes: UnsafeRawBufferPointer(rebasing: chunk[range]))
    }

    /// `offset` is where the line starts in `chunk`, nil when it was assembled from pieces.
    private mutating func processLine(
        _ line: UnsafeRawBufferPointer, at offset: Int?, in chunk: UnsafeRawBufferPointer,
        _ onData: (UnsafeRawBufferPointer, String?, String?) throws -> Void
    ) rethrows {
        if line.isEmpty {
            try dispatch(chunk, onData)
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.count
        var valueStart = min(colon + 1, line.count)
        if valueStart < line.count && line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let name = UnsafeRawBufferPointer(rebasing: line[0..<colon])
        let value = UnsafeRawBufferPointer(rebasing: line[valueStart..<line.count])
        if name.matches("data") {
            if value.count > Self.maxEventSize {
                discardOversizedEvent()
                return
            }
            if !hasData, let offset {
                inlineData = (offset + valueStart)..<(offset + line.count)
            } else {
                keepInlineData(chunk)
                if hasData { data.append(UInt8(ascii: "\n")) }
                data.append(bytes: value)
                if data.count > Self.maxEventSize {
                    discardOversizedEvent()
                    return
                }
            }
            hasData = true
        } else if name.matches("event") {
            eventType = String(decoding: value, as: UTF8.self)
        } else if name.matches("id") {
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        }
        // `retry` and unknown fields are ignored, as the standard says.
    }

    private mutating func dispatch(
        _ chunk: UnsafeRawBufferPointer, _ onData: (UnsafeRawBufferPointer, String?, String?) throws -> Void
    ) rethrows {
        defer {
            inlineData = nil
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
        }
        guard hasData else { return }
        if let range = inlineData {
            try onData(UnsafeRawBufferPointer(rebasing: chunk[range]), eventType, lastEventID)
        } else {
            try data.withUnsafeBytes { try onData($0, eventType, lastEventID) }
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends raw bytes with one copy (the generic `append(contentsOf:)` of a raw
    /// buffer goes byte by byte).
    @inline(__always)
    mutating func append(bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }
}

extension UnsafeRawBufferPointer {
    /// Byte equality with an ASCII literal, without the generic `elementsEqual`.
    @inline(__always)
    func matches(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard count == length else { return false }
        return length == 0 || memcmp(baseAddress!, word.utf8Start, length) == 0
    }
}
