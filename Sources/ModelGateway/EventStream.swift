import AsyncHTTPClient
import HTTPSupport
import NIOCore

/// The events of one streamed answer, decoded from the response body as its bytes
/// arrive. Iterate it in the task that should own the request: cancelling that
/// task (or dropping the iterator) cancels the request and closes the connection,
/// which makes vLLM stop generating.
///
/// Every error thrown while iterating is a `GatewayError`; a body that ends or
/// breaks before `data: [DONE]` is `.streamInterrupted(tokensReceived:)`.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = StreamEvent
    public typealias Failure = GatewayError

    let body: HTTPClientResponse.Body
    let url: String
    let host: String
    let status: Int
    /// Logged when the stream ends, with the bytes it carried.
    let trace: RequestTrace

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), url: url, host: host, status: status, trace: trace)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private var body: HTTPClientResponse.Body.AsyncIterator
        private let url: String
        private let host: String
        private var decoder: StreamEventDecoder
        /// The read whose events `next()` is handing out one by one.
        private var pending = StreamBatch()
        private var pendingIndex = 0
        private var ended = false
        private var trace: RequestTrace
        private var bytes = 0

        init(body: HTTPClientResponse.Body.AsyncIterator, url: String, host: String, status: Int, trace: RequestTrace) {
            self.body = body
            self.url = url
            self.host = host
            self.trace = trace
            self.decoder = StreamEventDecoder(url: url, status: status)
        }

        public mutating func next() async throws(GatewayError) -> StreamEvent? {
            try await next(isolation: nil)
        }

        /// Runs in the caller's isolation (e.g. the main actor), so the events of a
        /// chunk already received are delivered without a hop to another executor;
        /// only waiting for the next network chunk may switch threads.
        @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
        public mutating func next(isolation actor: isolated (any Actor)? = #isolation) async throws(GatewayError)
            -> StreamEvent?
        {
            while pendingIndex == pending.events.count {
                var batch = StreamBatch()
                swap(&batch, &pending)
                defer { swap(&batch, &pending) }
                guard try await nextBatch(into: &batch) else { return nil }
                pendingIndex = 0
            }
            defer { pendingIndex += 1 }
            return pending.streamEvent(at: pendingIndex)
        }

        /// Replaces `batch` with the events of the next network read that has any, all
        /// at once (the fast path: one step per read rather than per token); false at
        /// the end. An error found in a read is thrown by the call after the one that
        /// delivers the events before it.
        @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
        public mutating func nextBatch(
            into batch: inout StreamBatch, isolation actor: isolated (any Actor)? = #isolation
        ) async throws(GatewayError) -> Bool {
            batch.removeAll()
            while true {
                if ended { return false }
                if let failure = decoder.failure {
                    ended = true
                    throw failure
                }
                let chunk: ByteBuffer?
                // The body iterator is owned by this iterator alone and is not used
                // again until this call returns, so handing it to the nonisolated call
                // cannot race.
                nonisolated(unsafe) var bodyIterator = body
                defer { body = bodyIterator }
                do {
                    chunk = try await bodyIterator.next()
                } catch {
                    ended = true
                    trace.finished(bytes: nil)
                    throw GatewayError.transport(
                        error, url: url, host: host, tokensReceived: decoder.tokensReceived)
                }
                guard let chunk else {
                    ended = true
                    trace.finished(bytes: bytes)
                    try decoder.finish(into: &batch)
                    return !batch.isEmpty
                }
                bytes += chunk.readableBytes
                trace.read(chunk.readableBytesView)
                // Events after [DONE] are ignored; reading on to the end of the body
                // lets the connection be reused.
                decoder.feed(chunk, into: &batch)
                if !batch.isEmpty { return true }
            }
        }
    }
}
