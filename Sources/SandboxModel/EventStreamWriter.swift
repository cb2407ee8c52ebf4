import Hummingbird
import NIOCore

/// Writes server-sent events to a response body. Events accumulate in one buffer:
/// unpaced, it goes out in large writes (so 20k tokens cost a few hundred syscalls,
/// not 20k); paced, every token goes out at its own time. Waiting uses `Task.sleep`,
/// which never busy-waits and throws as soon as the writer task is cancelled.
struct EventStreamWriter {
    static let flushThreshold = 32 * 1024

    var buffer: ByteBuffer
    private let interval: Duration?
    private var nextDeadline: ContinuousClock.Instant?

    init(tokensPerSecond: Double) {
        self.buffer = ByteBufferAllocator().buffer(capacity: Self.flushThreshold + 1024)
        self.interval = tokensPerSecond > 0 ? .nanoseconds(Int64(1e9 / tokensPerSecond)) : nil
    }

    /// Call before generating each token: waits for that token's time slot. Slots
    /// are fixed from the first token on, so a slow write does not slow the pace.
    mutating func awaitTokenSlot() async throws {
        guard let interval else { return }
        let now = ContinuousClock.now
        if let nextDeadline, nextDeadline > now {
            try await Task.sleep(until: nextDeadline, clock: .continuous)
        }
        nextDeadline = (nextDeadline ?? now).advanced(by: interval)
        try Task.checkCancellation()
    }

    /// Call after each event: paced streams send it at once, unpaced ones batch.
    mutating func eventWritten(_ writer: inout any ResponseBodyWriter) async throws {
        if interval != nil || buffer.readableBytes >= Self.flushThreshold {
            try await flush(&writer)
        }
    }

    mutating func writeDone() {
        buffer.writeStaticString("data: [DONE]\n\n")
    }

    mutating func flush(_ writer: inout any ResponseBodyWriter) async throws {
        guard buffer.readableBytes > 0 else { return }
        let chunk = buffer
        buffer = ByteBufferAllocator().buffer(capacity: Self.flushThreshold + 1024)
        try await writer.write(chunk)
    }
}
