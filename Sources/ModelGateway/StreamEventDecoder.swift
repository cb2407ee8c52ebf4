import NIOCore
import Untrusted

/// Turns the bytes of a streamed answer into `StreamEvent`s: SSE framing, then each
/// `data:` payload read as a vLLM chunk. It does no I/O; `EventStream` feeds it
/// network chunks, and a fuzzer or a test can feed it any bytes.
package struct StreamEventDecoder: Sendable {
    /// Named in errors.
    let url: String
    /// The response status, for error events inside a 200.
    let status: Int
    private var sse = SSEDecoder()
    private var lastUsage: Usage?
    /// Text events delivered so far, for `streamInterrupted`.
    package private(set) var tokensReceived = 0
    /// `data: [DONE]` arrived; later events are ignored.
    package private(set) var sawDone = false
    /// The first error found in the stream; later bytes are ignored.
    package private(set) var failure: GatewayError?

    package init(url: String, status: Int = 200) {
        self.url = url
        self.status = status
    }

    /// Decodes a chunk, appending its events to `events`. After a failure it
    /// appends nothing more; the events before the failure are kept.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, into events: inout [StreamEvent]) {
        guard !sawDone, failure == nil else { return }
        // The SSE decoder is moved out while it calls back into `self`, which keeps
        // its buffers uniquely owned (no copy-on-write per chunk).
        var sse = SSEDecoder()
        swap(&sse, &self.sse)
        sse.feed(bytes: bytes) { event in handle(event, into: &events) }
        if sse.oversizedEventDropped, failure == nil {
            failure = .invalidResponse(url: url, reason: "a stream event exceeds \(SSEDecoder.maxEventSize) bytes")
        }
        swap(&sse, &self.sse)
    }

    package mutating func feed(_ buffer: ByteBuffer, into events: inout [StreamEvent]) {
        buffer.withUnsafeReadableBytes { feed($0, into: &events) }
    }

    /// The body ended: appends the usage, or throws when the stream was cut
    /// before `data: [DONE]`.
    package func finish(into events: inout [StreamEvent]) throws(GatewayError) {
        if let failure { throw failure }
        guard sawDone else { throw .streamInterrupted(tokensReceived: tokensReceived) }
        if let lastUsage { events.append(.usage(lastUsage)) }
    }

    /// The events of a whole stream given as chunks, and the error that ended it.
    package static func decode(_ chunks: [[UInt8]]) -> (events: [StreamEvent], failure: GatewayError?) {
        var decoder = StreamEventDecoder(url: "stream")
        var events: [StreamEvent] = []
        for chunk in chunks {
            chunk.withUnsafeBytes { decoder.feed($0, into: &events) }
        }
        do {
            try decoder.finish(into: &events)
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    private mutating func handle(_ event: SSEEvent, into events: inout [StreamEvent]) {
        guard !sawDone, failure == nil else { return }
        if event.data == "[DONE]" {
            sawDone = true
            return
        }
        let chunk: StreamChunk
        do {
            chunk = try StreamChunk(parsing: event.data)
        } catch {
            // Nesting is checked here, off the hot path: the scanner stops at the
            // limit wherever it is, or earlier at a top level that is no object.
            var reason = "a stream event is not a JSON chunk: \(event.data.prefix(200))"
            if let error = error as? JSONNesting.TooDeep {
                reason = error.description
            } else {
                do { try JSONNesting.check(Array(event.data.utf8)) } catch { reason = error.description }
            }
            failure = .invalidResponse(url: url, reason: reason)
            return
        }
        if chunk.isError {
            failure =
                ResponseErrorMapper.serverError(in: Array(event.data.utf8), status: status)
                ?? .invalidResponse(url: url, reason: "unreadable error event: \(event.data.prefix(200))")
            return
        }
        if let usage = chunk.usage { lastUsage = usage }
        for choice in chunk.choices {
            let index = choice.index
            if let text = choice.text, !text.isEmpty {
                tokensReceived += 1
                events.append(.text(text, choice: index))
            } else {
                events.append(.emptyChunk(choice: index))
            }
            if let reason = choice.finishReason {
                events.append(.finish(reason: reason, choice: index))
            }
        }
    }
}
