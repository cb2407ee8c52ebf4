import NIOCore
import NIOPosix
import NIOSSL
import LoopbackSockets

/// A TCP server on 127.0.0.1 that treats every connection one way: the failures a
/// client meets below HTTP, made by a real peer rather than a stub of the client.
struct LoopbackServer: Sendable {
    enum Behaviour: Sendable {
        /// Reads the request and never answers.
        case silent
        /// Closes the connection as soon as the request arrives.
        case close
        /// Answers anything that arrives with this status, headers and a body of `bodySize` bytes.
        case answer(status: String = "200 OK", headers: [String] = [], bodySize: Int = 0)
    }

    let port: Int
    /// One element per connection that sent something: a test can act while a request is in flight.
    let arrivals: AsyncStream<Void>
    private let channel: any Channel

    /// Runs `body` with a server that is closed afterwards, whatever `body` does.
    static func with<T: Sendable>(
        _ behaviour: Behaviour, tls: NIOSSLContext? = nil, _ body: (LoopbackServer) async throws -> T
    ) async throws -> T {
        let (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(Responder(behaviour: behaviour, arrived: arrived))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = LoopbackServer(port: channel.localAddress?.port ?? 0, arrivals: arrivals, channel: channel)
        do {
            let result = try await body(server)
            try? await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Runs `body` with a port where nothing listens: a socket bound to it but not
    /// listening, held until `body` ends, so no other test can take the port meanwhile
    /// (a port closed again can be handed out at once, and then answers with a reset).
    static func withRefusingPort<T: Sendable>(_ body: (Int) async throws -> T) async throws -> T {
        let socket = try BoundSocket()
        defer { socket.close() }
        return try await body(socket.port)
    }

    private final class Responder: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let behaviour: Behaviour
        let arrived: AsyncStream<Void>.Continuation
        var answered = false

        init(behaviour: Behaviour, arrived: AsyncStream<Void>.Continuation) {
            self.behaviour = behaviour
            self.arrived = arrived
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !answered else { return }
            answered = true
            arrived.yield()
            switch behaviour {
            case .silent:
                break
            case .close:
                context.close(promise: nil)
            case .answer(let status, let headers, let bodySize):
                let head = (["HTTP/1.1 \(status)", "content-length: \(bodySize)"] + headers).joined(separator: "\r\n")
                var buffer = context.channel.allocator.buffer(string: head + "\r\n\r\n")
                buffer.writeRepeatingByte(UInt8(ascii: "x"), count: bodySize)
                context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            }
        }
    }
}
