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
/// It scans each chunk once with a tight byte loop, copies only the bytes of a line
/// that is split across chunks, and never hops to another task or actor.
public struct SSEDecoder: Sendable {
    /// Bytes of a line whose end has not arrived yet.
    private var partialLine: [UInt8] = []
    /// The chunk ended on CR: an LF at the start of the next one belongs to it.
    private var skipLeadingLineFeed = false
    private var data: [UInt8] = []
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
        let count = bytes.count
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
        var lineStart = index
        while index < count {
            let byte = bytes[index]
            // Most bytes are neither CR nor LF: one comparison against the larger
            // of the two skips them.
            if byte > UInt8(ascii: "\r") || (byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")) {
                index += 1
                continue
            }
            let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<index])
            if partialLine.isEmpty {
                try processLine(line, onEvent)
            } else {
                partialLine.append(contentsOf: line)
                let whole = partialLine
                partialLine.removeAll(keepingCapacity: true)
                try whole.withUnsafeBytes { try processLine($0, onEvent) }
            }
            index += 1
            if byte == UInt8(ascii: "\r") {
                if index < count {
                    if bytes[index] == UInt8(ascii: "\n") { index += 1 }
                } else {
                    skipLeadingLineFeed = true
                }
            }
            lineStart = index
        }
        if lineStart < count {
            partialLine.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<count]))
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
        hasData = false
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when bytes of an unfinished event are buffered: a stream that ends now
    /// was cut in the middle of an event.
    public var hasPendingEvent: Bool {
        !partialLine.isEmpty || hasData
    }

    private mutating func processLine(_ line: UnsafeRawBufferPointer, _ onEvent: (SSEEvent) throws -> Void) rethrows {
        if line.isEmpty {
            try dispatch(onEvent)
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.count
        var valueStart = min(colon + 1, line.count)
        if valueStart < line.count && line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let name = UnsafeRawBufferPointer(rebasing: line[0..<colon])
        let value = UnsafeRawBufferPointer(rebasing: line[valueStart..<line.count])
        if name.elementsEqual("data".utf8) {
            if hasData { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: value)
            if data.count > Self.maxEventSize {
                discardOversizedEvent()
                return
            }
            hasData = true
        } else if name.elementsEqual("event".utf8) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if name.elementsEqual("id".utf8) {
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        }
        // `retry` and unknown fields are ignored, as the standard says.
    }

    private mutating func dispatch(_ onEvent: (SSEEvent) throws -> Void) rethrows {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
        }
        guard hasData else { return }
        try onEvent(SSEEvent(event: eventType, data: String(decoding: data, as: UTF8.self), id: lastEventID))
    }
}
