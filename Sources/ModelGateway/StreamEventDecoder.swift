import NIOCore
import Untrusted

/// Turns the bytes of a streamed answer into events: SSE framing, then each `data:`
/// payload read as a vLLM chunk straight from the network bytes into a `StreamBatch`.
/// It does no I/O; `EventStream` feeds it network reads, and a fuzzer, a benchmark or
/// a test can feed it any bytes.
public struct StreamEventDecoder: Sendable {
    /// Named in errors.
    let url: String
    /// The response status, for error events inside a 200.
    let status: Int
    private var sse = SSEDecoder()
    private var lastUsage: Usage?
    /// Text events delivered so far, for `streamInterrupted`.
    public private(set) var tokensReceived = 0
    /// `data: [DONE]` arrived; later events are ignored.
    public private(set) var sawDone = false
    /// The first error found in the stream; later bytes are ignored.
    public private(set) var failure: GatewayError?

    public init(url: String, status: Int = 200) {
        self.url = url
        self.status = status
    }

    /// Decodes a read, appending its events to `batch`. After a failure it appends
    /// nothing more; the events before the failure are kept.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, into batch: inout StreamBatch) {
        guard !sawDone, failure == nil else { return }
        // The SSE decoder is moved out while it calls back into `self`, which keeps
        // its buffers uniquely owned (no copy-on-write per read).
        var sse = SSEDecoder()
        swap(&sse, &self.sse)
        sse.feed(bytes: bytes) { data, _, _ in handle(data, into: &batch) }
        if sse.oversizedEventDropped, failure == nil {
            failure = .invalidResponse(url: url, reason: "a stream event exceeds \(SSEDecoder.maxEventSize) bytes")
        }
        swap(&sse, &self.sse)
    }

    public mutating func feed(_ buffer: ByteBuffer, into batch: inout StreamBatch) {
        buffer.withUnsafeReadableBytes { feed($0, into: &batch) }
    }

    /// The body ended: appends the usage, or throws when the stream was cut
    /// before `data: [DONE]`.
    public func finish(into batch: inout StreamBatch) throws(GatewayError) {
        if let failure { throw failure }
        guard sawDone else { throw .streamInterrupted(tokensReceived: tokensReceived) }
        if let lastUsage { batch.events.append(.usage(lastUsage)) }
    }

    /// The events of a whole stream given as reads, and the error that ended it.
    public static func decode(_ chunks: [[UInt8]]) -> (events: [StreamEvent], failure: GatewayError?) {
        var decoder = StreamEventDecoder(url: "stream")
        var batch = StreamBatch()
        for chunk in chunks {
            chunk.withUnsafeBytes { decoder.feed($0, into: &batch) }
        }
        do {
            try decoder.finish(into: &batch)
            return (batch.streamEvents, nil)
        } catch {
            return (batch.streamEvents, error)
        }
    }

    private mutating func handle(_ data: UnsafeRawBufferPointer, into batch: inout StreamBatch) {
        guard !sawDone, failure == nil else { return }
        if data.matches("[DONE]") {
            sawDone = true
            return
        }
        let mark = batch.mark
        let chunk: StreamChunk.Summary
        do {
            chunk = try StreamChunk.read(data, into: &batch)
        } catch {
            batch.rollBack(to: mark)
            failure = .invalidResponse(url: url, reason: Self.reason(error, data))
            return
        }
        if chunk.isError {
            batch.rollBack(to: mark)
            failure =
                ResponseErrorMapper.serverError(in: Array(data), status: status)
                ?? .invalidResponse(url: url, reason: "unreadable error event: \(Self.preview(data))")
            return
        }
        if let usage = chunk.usage { lastUsage = usage }
        tokensReceived += chunk.texts
    }

    /// Why a payload is unreadable. Nesting is checked here, off the hot path: the
    /// scanner stops at the limit wherever it is, or earlier at a top level that is no object.
    private static func reason(_ error: any Error, _ data: UnsafeRawBufferPointer) -> String {
        if let error = error as? JSONNesting.TooDeep { return error.description }
        do {
            try JSONNesting.check(Array(data))
        } catch {
            return error.description
        }
        return "a stream event is not a JSON chunk: \(preview(data))"
    }

    private static func preview(_ data: UnsafeRawBufferPointer) -> Substring {
        String(decoding: data, as: UTF8.self).prefix(200)
    }
}
