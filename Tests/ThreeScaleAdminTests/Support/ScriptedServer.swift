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

    /// An answer with headers, or with a body that does not end.
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body = ""
        /// Sends `body` over and over, chunked, until the client goes away (or
        /// `endlessLimit` bytes, so that a client that never stops cannot hang a test).
        var endless = false
    }

    typealias Replier = @Sendable (Request, Int) -> Reply

    /// Bytes an endless body had sent when it stopped.
    static let endlessLimit = 256 * 1024 * 1024

    private let channel: any Channel
    private let log: Mutex<[Request]>
    /// One value per endless body that stopped: how many bytes it had sent.
    let endlessBodiesSent: AsyncStream<Int>

    var url: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }
    var requests: [Request] { log.withLock { $0 } }

    private init(channel: any Channel, endlessBodiesSent: AsyncStream<Int>) {
        self.channel = channel
        self.log = Mutex([])
        self.endlessBodiesSent = endlessBodiesSent
    }

    /// `respond` gets each request and how many came before it.
    static func start(_ respond: @escaping Responder) async throws -> ScriptedServer {
        try await start(replying: { request, index in
            let (status, body) = respond(request, index)
            return Reply(status: status, body: body)
        })
    }

    static func start(replying respond: @escaping Replier) async throws -> ScriptedServer {
        let box = LogBox()
        let (sent, sentContinuation) = AsyncStream.makeStream(of: Int.self)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                do {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        Handler(respond: respond, box: box, endlessSent: sentContinuation))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ScriptedServer(channel: channel, endlessBodiesSent: sent)
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

        let respond: Replier
        let box: LogBox
        let endlessSent: AsyncStream<Int>.Continuation
        var head: HTTPRequestHead?
        var body = ""

        init(respond: @escaping Replier, box: LogBox, endlessSent: AsyncStream<Int>.Continuation) {
            self.respond = respond
            self.box = box
            self.endlessSent = endlessSent
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
                let reply = respond(request, index)
                let text = reply.body
                var responseHeaders = HTTPHeaders()
                responseHeaders.add(name: "Content-Type", value: text.hasPrefix("<") ? "text/html" : "application/json")
                if !reply.endless { responseHeaders.add(name: "Content-Length", value: String(text.utf8.count)) }
                for (name, value) in reply.headers { responseHeaders.add(name: name, value: value) }
                let responseHead = HTTPResponseHead(
                    version: head.version, status: .init(statusCode: reply.status), headers: responseHeaders)
                context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
                if reply.endless {
                    sendForever(ByteBuffer(string: text), sent: 0, context: context)
                    return
                }
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }

        /// Writes the chunk again each time the last write completed, until a write
        /// fails (the client closed) or the limit is reached.
        private func sendForever(_ chunk: ByteBuffer, sent: Int, context: ChannelHandlerContext) {
            guard sent < ScriptedServer.endlessLimit else {
                endlessSent.yield(sent)
                context.close(promise: nil)
                return
            }
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).whenComplete { result in
                switch result {
                case .success:
                    // Through the loop's queue: a write that completes at once would
                    // otherwise recurse here without bound.
                    eventLoop.execute {
                        let (handler, context) = loopBound.value
                        handler.sendForever(chunk, sent: sent + chunk.readableBytes, context: context)
                    }
                case .failure: loopBound.value.0.endlessSent.yield(sent)
                }
            }
        }
    }
}
