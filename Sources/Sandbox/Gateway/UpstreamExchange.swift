import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// One request to the backend through AsyncHTTPClient's delegate API, called back on the
/// upstream connection's event loop. Unlike the async API it is cancelled through a
/// handle, so the client's departure cancels it without a task racing the request. The
/// relaying task takes the head, then the body in batches; the backend is read at most
/// `readAhead` bytes ahead of it.
///
/// The connection is left to the pool to choose (any idle one): asking for the client
/// connection's loop instead makes AsyncHTTPClient open a connection for that request
/// alone whenever none is idle on that loop, and close it afterwards.
final class UpstreamExchange: HTTPClientResponseDelegate {
    typealias Response = Void

    private struct State {
        var task: HTTPClient.Task<Void>?
        var cancelled = false
        var head: Result<HTTPResponseHead, any Error>?
        var headWaiter: CheckedContinuation<HTTPResponseHead, any Error>?
        var chunks: [ByteBuffer] = []
        var bufferedBytes = 0
        var end: Result<Void, any Error>?
        var chunkWaiter: CheckedContinuation<[ByteBuffer], any Error>?
        /// Completed when the relaying task has taken the buffer below `readAhead`;
        /// AsyncHTTPClient reads no more of the backend's body until then.
        var demand: EventLoopPromise<Void>?
    }

    static let readAhead = 64 * 1024

    private let state = Mutex(State())

    private init() {}

    /// Sends `request` at once.
    static func start(_ request: HTTPClient.Request, on client: HTTPClient) -> UpstreamExchange {
        let exchange = UpstreamExchange()
        let task = client.execute(request: request, delegate: exchange, eventLoop: .indifferent)
        let cancelled = exchange.state.withLock { state in
            state.task = task
            return state.cancelled
        }
        if cancelled { task.cancel() }
        return exchange
    }

    /// Stops the request wherever it is; what waits on it gets the error.
    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }

    /// The backend's answer head; cancelling the waiting task cancels the request.
    func head() async throws -> HTTPResponseHead {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponseHead, any Error>) in
                let head = state.withLock { state -> Result<HTTPResponseHead, any Error>? in
                    if state.head == nil { state.headWaiter = continuation }
                    return state.head
                }
                if let head { continuation.resume(with: head) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The body chunks that arrived since the last call, waiting for one if none has;
    /// empty at the end. Cancelling the waiting task cancels the request.
    func nextChunks() async throws -> [ByteBuffer] {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[ByteBuffer], any Error>) in
                enum Answer {
                    case chunks([ByteBuffer], demand: EventLoopPromise<Void>?)
                    case end(Result<Void, any Error>)
                    case wait
                }
                let answer = state.withLock { state -> Answer in
                    if !state.chunks.isEmpty {
                        defer {
                            state.chunks = []
                            state.bufferedBytes = 0
                            state.demand = nil
                        }
                        return .chunks(state.chunks, demand: state.demand)
                    }
                    if let end = state.end { return .end(end) }
                    state.chunkWaiter = continuation
                    return .wait
                }
                switch answer {
                case .chunks(let chunks, let demand):
                    continuation.resume(returning: chunks)
                    demand?.succeed()
                case .end(let end): continuation.resume(with: end.map { [] })
                case .wait: break
                }
            }
        } onCancel: {
            cancel()
        }
    }

    // MARK: HTTPClientResponseDelegate, called on the upstream connection's event loop

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let waiter = state.withLock { state in
            state.head = .success(head)
            defer { state.headWaiter = nil }
            return state.headWaiter
        }
        waiter?.resume(returning: head)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        enum Taken {
            case handedOver(CheckedContinuation<[ByteBuffer], any Error>)
            case buffered(demand: EventLoopPromise<Void>?)
        }
        let taken = state.withLock { state -> Taken in
            if let waiter = state.chunkWaiter {
                state.chunkWaiter = nil
                return .handedOver(waiter)
            }
            state.chunks.append(buffer)
            state.bufferedBytes += buffer.readableBytes
            guard state.bufferedBytes > Self.readAhead else { return .buffered(demand: nil) }
            let demand = task.eventLoop.makePromise(of: Void.self)
            state.demand = demand
            return .buffered(demand: demand)
        }
        switch taken {
        case .handedOver(let waiter):
            waiter.resume(returning: [buffer])
            return task.eventLoop.makeSucceededVoidFuture()
        case .buffered(let demand?):
            return demand.futureResult
        case .buffered(nil):
            return task.eventLoop.makeSucceededVoidFuture()
        }
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        let waiter = state.withLock { state in
            state.end = .success(())
            defer { state.chunkWaiter = nil }
            return state.chunkWaiter
        }
        waiter?.resume(returning: [])
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        let (headWaiter, chunkWaiter, demand) = state.withLock { state in
            if state.head == nil { state.head = .failure(error) }
            if state.end == nil { state.end = .failure(error) }
            defer {
                state.headWaiter = nil
                state.chunkWaiter = nil
                state.demand = nil
            }
            return (state.headWaiter, state.chunkWaiter, state.demand)
        }
        headWaiter?.resume(throwing: error)
        chunkWaiter?.resume(throwing: error)
        demand?.succeed()
    }
}
