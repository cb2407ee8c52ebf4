import AsyncHTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
        private let jsonDecoder = JSONDecoder()

        init(body: HTTPClientResponse.Body.AsyncIterator, url: String, host: String, status: Int) {
            self.body = body
            self.url = url
            self.host = host
            self.status = status
        }

        public mutating func next() async throws -> StreamEvent? {
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
                do {
                    chunk = try await body.next()
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
                swap(&decoder, &self.decoder)
            }
        }

        private static let errorKey = Array(#""error""#.utf8)

        /// A plain byte scan: `Data.firstRange(of:)` runs unspecialised through
        /// `DataProtocol` and cost more per chunk than the JSON decode (scripts/bench).
        static func mentionsErrorKey(_ payload: String) -> Bool {
            var payload = payload
            return payload.withUTF8 { bytes in
                let key = errorKey
                guard bytes.count >= key.count else { return false }
                for start in 0...(bytes.count - key.count) where bytes[start] == key[0] {
                    if bytes[start..<(start + key.count)].elementsEqual(key) { return true }
                }
                return false
            }
        }

        private mutating func handle(_ event: SSEEvent) {
            guard !sawDone, failure == nil else { return }
            if event.data == "[DONE]" {
                sawDone = true
                return
            }
            let bytes = Data(event.data.utf8)
            // Only a payload with an "error" key can be an error; checking for the
            // key first spares every ordinary chunk a second JSON decode.
            if Self.mentionsErrorKey(event.data),
                let error = ResponseErrorMapper.serverError(in: Array(bytes), status: status)
            {
                failure = error
                return
            }
            let chunk: StreamChunk
            do {
                chunk = try jsonDecoder.decode(StreamChunk.self, from: bytes)
            } catch {
                failure = .invalidResponse(url: url, reason: "a stream event is not a JSON chunk: \(error)")
                return
            }
            if let usage = chunk.usage { lastUsage = usage }
            for choice in chunk.choices ?? [] {
                let index = choice.index ?? 0
                if let text = choice.text ?? choice.delta?.content, !text.isEmpty {
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
