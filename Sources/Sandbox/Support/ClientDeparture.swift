import Hummingbird
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Notices a client leaving while its request is served: the end of its input (it closed
/// or half-closed its side, as nginx counts a client abort) or a closed connection. It
/// watches the pipeline instead of reading the request stream, which the server must
/// leave intact to read the next request of a kept-alive connection.
final class ClientDeparture: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    let signal = DepartureSignal()

    /// Each watched connection's signal, so that a responder finds it without a hop to
    /// the connection's event loop. Entries live exactly as long as the handler is in a
    /// pipeline, which is from the channel's set-up (before its first request) to its close.
    private static let signals = Mutex<[ObjectIdentifier: DepartureSignal]>([:])

    func handlerAdded(context: ChannelHandlerContext) {
        let signal = self.signal
        Self.signals.withLock { $0[ObjectIdentifier(context.channel)] = signal }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        signal.fire()
        _ = Self.signals.withLock { $0.removeValue(forKey: ObjectIdentifier(context.channel)) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { signal.fire() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        signal.fire()
        context.fireChannelInactive()
    }

    /// The signal of `channel`'s connection. A watched connection that is no longer
    /// registered has closed, so its client has gone: the signal returned has fired.
    static func signal(of channel: any Channel) -> DepartureSignal {
        if let signal = signals.withLock({ $0[ObjectIdentifier(channel)] }) { return signal }
        let gone = DepartureSignal()
        gone.fire()
        return gone
    }
}

/// Fires once, when the client has gone; any number of tasks wait on it, or actions
/// are registered to run then.
final class DepartureSignal: Sendable {
    private struct State {
        var gone = false
        var nextID = 0
        var actions: [Int: @Sendable () -> Void] = [:]
    }

    private let state = Mutex(State())

    var isGone: Bool { state.withLock { $0.gone } }

    func fire() {
        let actions = state.withLock { state in
            state.gone = true
            defer { state.actions = [:] }
            return Array(state.actions.values)
        }
        for action in actions { action() }
    }

    /// Runs `action` once the client has gone, at once if it has already (then nil is
    /// returned). Otherwise the id returned is what `forget` takes when the action is no
    /// longer wanted.
    func onDeparture(_ action: @escaping @Sendable () -> Void) -> Int? {
        let id = state.withLock { state -> Int? in
            guard !state.gone else { return nil }
            defer { state.nextID += 1 }
            state.actions[state.nextID] = action
            return state.nextID
        }
        if id == nil { action() }
        return id
    }

    func forget(_ id: Int) {
        _ = state.withLock { $0.actions.removeValue(forKey: id) }
    }

    /// Returns once the client has gone, or as soon as the waiting task is cancelled.
    func wait() async {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.gone || Task.isCancelled { return true }
                    state.actions[id] = { continuation.resume() }
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let action = state.withLock { $0.actions.removeValue(forKey: id) }
            action?()
        }
    }
}

/// Hummingbird's basic context plus the connection, so that a responder can tell when its
/// client leaves (`ClientDeparture`).
struct ConnectionRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
