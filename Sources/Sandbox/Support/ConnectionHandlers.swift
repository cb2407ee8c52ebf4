import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// The listening socket and open connections of one listener, so that stopping can
/// first stop accepting and ask connections to finish (idle ones close at once, busy
/// ones after their response), and then close what is left by force.
final class ConnectionRegistry: @unchecked Sendable {
    // Guarded by `lock`; channels are added and removed on their event loops.
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var server: (any Channel)?

    var count: Int { lock.withLock { channels.count } }

    func serverStarted(_ channel: any Channel) {
        lock.withLock { server = channel }
    }

    /// Graceful: no new connections; Hummingbird closes idle connections on this event
    /// and busy ones once their response is written.
    func quiesceAll() {
        let (listening, open) = lock.withLock { (server, Array(channels.values)) }
        listening?.close(promise: nil)
        for channel in open { channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent()) }
    }

    fileprivate func add(_ channel: any Channel) {
        lock.withLock { channels[ObjectIdentifier(channel)] = channel }
    }

    fileprivate func remove(_ channel: any Channel) {
        lock.withLock { channels[ObjectIdentifier(channel)] = nil }
    }

    /// Closes every connection at once: requests in flight fail, their tasks end.
    func closeAll() {
        let open = lock.withLock { Array(channels.values) }
        for channel in open { channel.close(promise: nil) }
    }

    /// Tracks its channel in the registry from the moment it is set up until it closes.
    func tracker() -> some RemovableChannelHandler { Tracker(registry: self) }

    private final class Tracker: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        let registry: ConnectionRegistry

        init(registry: ConnectionRegistry) { self.registry = registry }

        func handlerAdded(context: ChannelHandlerContext) { registry.add(context.channel) }
        func handlerRemoved(context: ChannelHandlerContext) { registry.remove(context.channel) }

        func channelInactive(context: ChannelHandlerContext) {
            registry.remove(context.channel)
            context.fireChannelInactive()
        }
    }
}

/// What nginx does with a response sent before the request was read to its end (a 413,
/// an auth failure, an upstream's early answer): the response says `Connection: close`,
/// the connection stops taking requests, and the rest of the request is read and thrown
/// away for a bounded time and size ("lingering close") so that a client that sends its
/// whole body before reading still gets the answer instead of a reset. A response that
/// itself says `Connection: close` closes the connection once written.
final class LingeringCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// nginx `lingering_timeout`.
    static let lingerTime = TimeAmount.seconds(5)
    /// Enough for a client to finish sending a body several times over the limits.
    static let lingerBytes = 64 * 1024 * 1024

    private enum Mode {
        case serving
        /// The response is out; discarding what the client still sends.
        case lingering(remaining: Int)
        case closed
    }

    private var mode = Mode.serving
    /// Requests whose end has arrived, and final response heads written: response `n` is
    /// early when fewer than `n` requests have ended (pipelining keeps them in order).
    private var requestsEnded = 0
    private var responsesStarted = 0
    private var closeAfterResponse = false
    private var timer: Scheduled<Void>?
    /// The early response on its way out; closing before it is written would drop it.
    private var responseWritten: EventLoopFuture<Void>?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch mode {
        case .serving:
            if case .end = part { requestsEnded += 1 }
            context.fireChannelRead(data)
        case .lingering(let remaining):
            switch part {
            case .body(let buffer):
                let left = remaining - buffer.readableBytes
                if left < 0 { close(context) } else { mode = .lingering(remaining: left) }
            case .end:
                // The client has sent everything: nothing can reset the answer now.
                closeOnceWritten(context)
            case .head:
                // A pipelined request after the close: not served.
                close(context)
            }
        case .closed:
            break
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if case .lingering = mode {
            // The request stream above may have stopped asking for data; keep draining.
            context.read()
            return
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .lingering = mode, let event = event as? ChannelEvent, event == .inputClosed {
            closeOnceWritten(context)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .serving = mode else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.kind != .informational:
            responsesStarted += 1
            let early = requestsEnded < responsesStarted
            closeAfterResponse = early || head.headerFields[.connection]?.lowercased() == "close"
            if early { head.headerFields[.connection] = "close" }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where closeAfterResponse:
            let written = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(data, promise: written)
            written.futureResult.cascade(to: promise)
            if requestsEnded >= responsesStarted {
                written.futureResult.assumeIsolated().whenComplete { _ in self.close(context) }
            } else {
                linger(context, after: written.futureResult)
            }
        default:
            context.write(data, promise: promise)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        mode = .closed
        timer?.cancel()
        context.fireChannelInactive()
    }

    private func linger(_ context: ChannelHandlerContext, after written: EventLoopFuture<Void>) {
        mode = .lingering(remaining: Self.lingerBytes)
        responseWritten = written
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) { self.close(context) }
        written.assumeIsolated().whenSuccess {
            guard case .lingering = self.mode else { return }
            context.close(mode: .output, promise: nil)
        }
        context.read()
    }

    private func closeOnceWritten(_ context: ChannelHandlerContext) {
        guard let responseWritten else { return close(context) }
        responseWritten.assumeIsolated().whenComplete { _ in self.close(context) }
    }

    private func close(_ context: ChannelHandlerContext) {
        if case .closed = mode { return }
        mode = .closed
        timer?.cancel()
        context.close(promise: nil)
    }
}
