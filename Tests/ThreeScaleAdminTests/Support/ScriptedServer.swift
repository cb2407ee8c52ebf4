import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP server answering from a closure and recording every request, to
/// test the client's wire behaviour (auth, bodies, paging, retries) over a real socket.
final class ScriptedServer: Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [String: String]
        var body: String

        var path: String { String(uri.prefix { $0 != "?" }) }
        var query: String { uri.contains("?") ? String(uri.drop { $0 != "?" }.dropFirst()) : "" }
    }

    typealias Responder = @Sendable (Request, Int) -> (status: Int, body: String)

    private let channel: any Channel
    private let log: Mutex<[Request]>

    var url: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }
    var requests: [Request] { log.withLock { $0 } }

    private init(channel: any Channel) {
        self.channel = channel
        self.log = Mutex([])
    }

    /// `respond` gets each request and how many came before it.
    static func start(_ respond: @escaping Responder) async throws -> ScriptedServer {
        let box = LogBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                do {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(respond: respond, box: box))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ScriptedServer(channel: channel)
        box.server.withLock { $0 = server }
        return server
    }

    func stop() async throws {
        try await channel.close()
    }

    fileprivate func record(_ request: Request) -> Int {
        log.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
    }

    /// Lets handlers reach the server created after the bootstrap.
    fileprivate final class LogBox: Sendable {
        let server = Mutex<ScriptedServer?>(nil)
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let respond: Responder
        let box: LogBox
        var head: HTTPRequestHead?
        var body = ""

        init(respond: @escaping Responder, box: LogBox) {
            self.respond = respond
            self.box = box
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = ""
            case .body(var buffer):
                body += buffer.readString(length: buffer.readableBytes) ?? ""
            case .end:
                guard let head, let server = box.server.withLock({ $0 }) else { return }
                var headers: [String: String] = [:]
                for (name, value) in head.headers { headers[name.lowercased()] = value }
                let request = Request(method: head.method.rawValue, uri: head.uri, headers: headers, body: body)
                let index = server.record(request)
                let (status, text) = respond(request, index)
                var responseHeaders = HTTPHeaders()
                responseHeaders.add(name: "Content-Type", value: text.hasPrefix("<") ? "text/html" : "application/json")
                responseHeaders.add(name: "Content-Length", value: String(text.utf8.count))
                let responseHead = HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: responseHeaders)
                context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
