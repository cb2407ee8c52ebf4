import Hummingbird
import Logging

/// One HTTP listener on a loopback port, running a Hummingbird application in a task.
/// `start` returns once the socket is bound; `stop` closes it and its connections.
final class Listener: Sendable {
    let host: String
    let port: Int
    private let task: Task<Void, any Error>

    private init(host: String, port: Int, task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.task = task
    }

    var url: String { "http://\(host):\(port)" }

    static func start<Responder: HTTPResponder>(
        host: String, port: Int, responder: Responder, role: String
    ) async throws(SandboxError) -> Listener where Responder.Context == BasicRequestContext {
        let (bound, continuation) = AsyncStream<Int>.makeStream()
        let app = Hummingbird.Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
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
            return Listener(host: host, port: boundPort, task: task)
        }
        let reason: String
        switch await task.result {
        case .failure(let error): reason = "\(error)"
        case .success: reason = "the server stopped before it was ready"
        }
        throw .portUnavailable(role: role, host: host, port: port, reason: reason)
    }

    /// Closes the socket and open connections (task cancellation stops Hummingbird's server).
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
