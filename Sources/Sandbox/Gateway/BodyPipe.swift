import Foundation
import NIOCore

/// The request body on its way upstream: a small buffer between the task that reads the
/// client (the relay's pump) and the upstream client, which reads it as an async sequence.
/// Every wait on it ends when it is cut or when the waiting task is cancelled; so the
/// relay can stop forwarding the moment the upstream answers, without waiting for a body
/// nobody will read, and cut the pipe once the answer has been passed on.
final class BodyPipe: AsyncSequence, @unchecked Sendable {
    typealias Element = ByteBuffer

    /// The upstream side stops taking chunks, or the relay stops forwarding.
    struct Cut: Error {}

    private struct State {
        var chunks: [ByteBuffer] = []
        var bufferedBytes = 0
        /// The client's body is complete (nil), or failed.
        var end: Result<Void, any Error>?
        var cut = false
        var receiver: CheckedContinuation<ByteBuffer?, any Error>?
        var sender: CheckedContinuation<Void, Never>?
    }

    // Guarded by `lock`; continuations are resumed outside it.
    private let lock = NSLock()
    private var state = State()
    private let capacity: Int

    /// `capacity` bytes are buffered before the sender waits.
    init(capacity: Int = 256 * 1024) {
        self.capacity = capacity
    }

    /// Hands a chunk to the upstream side, waiting while the buffer is full. False once
    /// the pipe is cut or the sending task is cancelled (stop sending; cancelling the
    /// sender leaves the pipe open, so the upstream side is not failed while it still
    /// delivers its answer).
    func send(_ chunk: ByteBuffer) async -> Bool {
        enum Taken {
            case refused
            case handedOver(CheckedContinuation<ByteBuffer?, any Error>)
            case buffered(full: Bool)
        }
        let taken = lock.withLock { () -> Taken in
            guard !state.cut, state.end == nil else { return .refused }
            if let receiver = state.receiver {
                state.receiver = nil
                return .handedOver(receiver)
            }
            state.chunks.append(chunk)
            state.bufferedBytes += chunk.readableBytes
            return .buffered(full: state.bufferedBytes > capacity)
        }
        switch taken {
        case .refused:
            return false
        case .handedOver(let receiver):
            receiver.resume(returning: chunk)
            return true
        case .buffered(full: false):
            return true
        case .buffered(full: true):
            break
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock { () -> Bool in
                    if state.cut || state.bufferedBytes <= capacity || Task.isCancelled { return true }
                    state.sender = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            releaseSender()
        }
        return lock.withLock { !state.cut } && !Task.isCancelled
    }

    private func releaseSender() {
        let sender = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { state.sender = nil }
            return state.sender
        }
        sender?.resume()
    }

    /// The client's body ended (or failed); the upstream side sees the end after the
    /// buffered chunks.
    func finish(_ error: (any Error)? = nil) {
        let receiver = lock.withLock { () -> CheckedContinuation<ByteBuffer?, any Error>? in
            guard state.end == nil else { return nil }
            state.end = error.map { .failure($0) } ?? .success(())
            guard state.chunks.isEmpty else { return nil }
            defer { state.receiver = nil }
            return state.receiver
        }
        if let error { receiver?.resume(throwing: error) } else { receiver?.resume(returning: nil) }
    }

    /// Stops the pipe both ways: a waiting sender is released, the upstream side gets an
    /// error instead of more body.
    func cut() {
        let (receiver, sender) = lock.withLock {
            () -> (CheckedContinuation<ByteBuffer?, any Error>?, CheckedContinuation<Void, Never>?) in
            state.cut = true
            state.chunks = []
            state.bufferedBytes = 0
            defer {
                state.receiver = nil
                state.sender = nil
            }
            return (state.receiver, state.sender)
        }
        receiver?.resume(throwing: Cut())
        sender?.resume()
    }

    fileprivate func receive() async throws -> ByteBuffer? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ByteBuffer?, any Error>) in
                enum Answer {
                    case chunk(ByteBuffer, wake: CheckedContinuation<Void, Never>?)
                    case end(Result<Void, any Error>)
                    case cut
                    case wait
                }
                let answer = lock.withLock { () -> Answer in
                    if state.cut { return .cut }
                    if !state.chunks.isEmpty {
                        let chunk = state.chunks.removeFirst()
                        state.bufferedBytes -= chunk.readableBytes
                        var wake: CheckedContinuation<Void, Never>?
                        if state.bufferedBytes <= capacity {
                            wake = state.sender
                            state.sender = nil
                        }
                        return .chunk(chunk, wake: wake)
                    }
                    if let end = state.end { return .end(end) }
                    state.receiver = continuation
                    return .wait
                }
                switch answer {
                case .chunk(let chunk, let wake):
                    continuation.resume(returning: chunk)
                    wake?.resume()
                case .end(.success): continuation.resume(returning: nil)
                case .end(.failure(let error)): continuation.resume(throwing: error)
                case .cut: continuation.resume(throwing: Cut())
                case .wait: break
                }
            }
        } onCancel: {
            cut()
        }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let pipe: BodyPipe

        mutating func next() async throws -> ByteBuffer? {
            try await pipe.receive()
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pipe: self) }
}
