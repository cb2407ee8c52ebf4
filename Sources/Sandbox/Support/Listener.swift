import Hummingbird
import Logging
import NIOCore

/// One HTTP listener on a loopback port, running a Hummingbird application in a task.
/// `start` returns once the socket is bound; `stop` closes it and its connections, and
/// always returns within `stopGrace` plus twice `forceGrace`.
final class Listener: Sendable {
    let host: String
    let port: Int
    private let task: Task<Void, any Error>
    private let connections: ConnectionRegistry

    /// Time for requests in flight to finish after the listener stops accepting.
    static let stopGrace = Duration.seconds(1)
    /// Time for cancelled requests to end, and again for connections closed by force;
    /// a task still stuck after that is left behind so that stopping always returns.
    static let forceGrace = Duration.milliseconds(500)
    /// How long an idle client connection is kept: nginx's `keepalive_timeout`, which
    /// APIcast keeps (its `HTTP_KEEPALIVE_TIMEOUT`); also ends a request whose client stops sending.
    static let keepAliveTimeout = Duration.seconds(75)

    private init(host: String, port: Int, task: Task<Void, any Error>, connections: ConnectionRegistry) {
        self.host = host
        self.port = port
        self.task = task
        self.connections = connections
    }

    var url: String { "http://\(host):\(port)" }

    /// Connections open now (for tests of shutdown and lingering).
    var openConnections: Int { connections.count }

    static func start<Responder: HTTPResponder>(
        host: String, port: Int, responder: Responder, role: String, idleTimeout: Duration = keepAliveTimeout
    ) async throws(SandboxError) -> Listener where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (bound, continuation) = AsyncStream<Int>.makeStream()
        let connections = ConnectionRegistry()
        let app = Hummingbird.Application(
            responder: responder,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [connections.tracker(), LingeringCloseHandler(), ClientDeparture()],
                idleTimeout: TimeAmount(idleTimeout)
            )),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                connections.serverStarted(channel)
                if let port = channel.localAddress?.port { continuation.yield(port) }
                continuation.finish()
            },
            logger: Logger(label: "maas.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        for await boundPort in bound {
            return Listener(host: host, port: boundPort, task: task, connections: connections)
        }
        let reason: String
        switch await task.result {
        case .failure(let error): reason = "\(error)"
        case .success: reason = "the server stopped before it was ready"
        }
        throw .portUnavailable(role: role, host: host, port: port, reason: reason)
    }

    /// Graceful, then forced: stops accepting and lets requests in flight finish for
    /// `stopGrace`; then cancels them; then closes their connections.
    func stop() async {
        connections.quiesceAll()
        if await Self.wait(for: task, upTo: Self.stopGrace) { return }
        task.cancel()
        if await Self.wait(for: task, upTo: Self.forceGrace) { return }
        connections.closeAll()
        _ = await Self.wait(for: task, upTo: Self.forceGrace)
    }

    /// Whether `task` ended within `limit`. The wait itself never outlasts the limit,
    /// even when the task ignores cancellation.
    static func wait(for task: Task<Void, any Error>, upTo limit: Duration) async -> Bool {
        let (outcome, continuation) = AsyncStream<Bool>.makeStream()
        let waiter = Task {
            _ = await task.result
            continuation.yield(true)
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            continuation.yield(false)
        }
        var iterator = outcome.makeAsyncIterator()
        let finished = await iterator.next() ?? false
        timer.cancel()
        if finished { waiter.cancel() }
        continuation.finish()
        return finished
    }
}
