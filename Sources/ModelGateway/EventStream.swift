import AsyncHTTPClient
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

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), url: url, host: host, status: status)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private var body: HTTPClientResponse.Body.AsyncIterator
        private let url: String
        private let host: String
        private let status: Int
        private var decoder = SSEDecoder()
        private var pending: [StreamEvent] = []
        private var pendingIndex = 0
        private var tokensReceived = 0
        private var lastUsage: Usage?
        private var sawDone = false
        private var ended = false
        /// An error found in a chunk; thrown once the events before it are delivered.
        private var failure: GatewayError?

        init(body: HTTPClientResponse.Body.AsyncIterator, url: String, host: String, status: Int) {
            self.body = body
            self.url = url
            self.host = host
            self.status = status
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
            try await advance()
        }

        private mutating func advance(isolation actor: isolated (any Actor)? = #isolation) async throws(GatewayError)
            -> StreamEvent?
        {
            while true {
                if pendingIndex < pending.count {
                    defer { pendingIndex += 1 }
                    return pending[pendingIndex]
                }
                if let failure {
                    self.failure = nil
                    ended = true
                    throw failure
                }
                if ended { return nil }
                pending.removeAll(keepingCapacity: true)
                pendingIndex = 0
                let chunk: ByteBuffer?
                // The body iterator is owned by this iterator alone and is not used
                // again until `next()` returns, so handing it to the nonisolated call
                // cannot race.
                nonisolated(unsafe) var bodyIterator = body
                defer { body = bodyIterator }
                do {
                    chunk = try await bodyIterator.next()
                } catch {
                    ended = true
                    throw TransportErrorMapper.error(error, url: url, host: host, tokensReceived: tokensReceived)
                }
                guard let chunk else {
                    ended = true
                    if !sawDone { throw GatewayError.streamInterrupted(tokensReceived: tokensReceived) }
                    if let lastUsage { pending.append(.usage(lastUsage)) }
                    continue
                }
                // Events after [DONE] are ignored; reading on to the end of the body
                // lets the connection be reused.
                guard !sawDone else { continue }
                // The decoder is moved out while it calls back into `self`, which
                // keeps its buffers uniquely owned (no copy-on-write per chunk).
                var decoder = SSEDecoder()
                swap(&decoder, &self.decoder)
                decoder.feed(chunk) { event in handle(event) }
                if decoder.oversizedEventDropped, failure == nil {
                    failure = .invalidResponse(url: url, reason: "a stream event exceeds \(SSEDecoder.maxEventSize) bytes")
                }
                swap(&decoder, &self.decoder)
            }
        }

        private mutating func handle(_ event: SSEEvent) {
            guard !sawDone, failure == nil else { return }
            if event.data == "[DONE]" {
                sawDone = true
                return
            }
            let chunk: StreamChunk
            do {
                chunk = try StreamChunk(parsing: event.data)
            } catch {
                failure = .invalidResponse(url: url, reason: "a stream event is not a JSON chunk: \(event.data.prefix(200))")
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
                    pending.append(.text(text, choice: index))
                }
                if let reason = choice.finishReason {
                    pending.append(.finish(reason: reason, choice: index))
                }
            }
        }
    }
}
