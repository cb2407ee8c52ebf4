import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization
import Untrusted

/// Sends a request to the backend and streams the answer back: status and headers as
/// the backend sent them, then each body chunk as it arrives. A client that goes away
/// cancels the upstream request, before the head or while the body streams (as nginx
/// closes the upstream connection).
///
/// A request with a small body (most) is read whole and sent through AsyncHTTPClient's
/// delegate API (`UpstreamExchange`), with no task besides the request's own. A larger one goes upstream through a
/// `BodyPipe` fed by a pump task, so that when the backend answers before it has read
/// the whole body (a 413), the relay stops forwarding at once and passes the answer on;
/// the client connection then closes after a bounded drain (`LingeringCloseHandler`).
/// Every wait is bounded by the product's `upstream_connection` timeouts.
final class UpstreamRelay: Sendable {
    /// `upstream_connection` timeouts in seconds; nginx's 60 s defaults without the policy.
    struct Timeouts: Hashable, Sendable {
        var connect: Double = 60
        var send: Double = 60
        var read: Double = 60

        /// The longest a stored value may ask for.
        static let maximum: Double = 86_400

        init() {}

        /// Values are capped at a day so any number in a stored policy converts safely.
        init(policy configuration: JSONValue) {
            func seconds(_ key: String) -> Double? {
                guard let value = configuration[key]?.doubleValue, value > 0 else { return nil }
                return min(value, Self.maximum)
            }
            connect = seconds("connect_timeout") ?? connect
            send = seconds("send_timeout") ?? send
            read = seconds("read_timeout") ?? read
        }

        static func milliseconds(_ seconds: Double) -> Int64 {
            guard seconds.isFinite, seconds > 0 else { return 1 }
            return Int64(min(seconds, maximum) * 1000)
        }

        /// Until the response head: connecting, sending the body, then waiting for the answer.
        var responseDeadline: TimeAmount {
            .milliseconds(Self.milliseconds(connect) + Self.milliseconds(send) + Self.milliseconds(read))
        }
    }

    private let clients = ClientPool()

    /// A body declared this long or shorter is read whole before it goes upstream, as nginx
    /// buffers request bodies; such a request needs no pipe or pump task. A longer (or
    /// chunked) one streams upstream as it arrives, and the backend may answer before it
    /// is all sent.
    static let bufferedBodyLimit: Int64 = 1 << 20

    /// Hop-by-hop headers are never forwarded (RFC 9110 §7.6.1).
    private static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "host", "content-length",
    ]

    /// The backend's answer to the request, or nil when the client left before it came.
    func forward(
        method: HTTPRequest.Method, headers requestHeaders: HTTPFields, body requestBody: RequestBody,
        to upstreamURL: String, secretToken: String, timeouts: Timeouts, departure: DepartureSignal
    ) async -> Response? {
        guard let client = clients.client(for: timeouts) else { return Self.failure(for: nil) }
        var headers = HTTPHeaders()
        for field in requestHeaders where !Self.hopByHop.contains(field.name.canonicalName) {
            headers.add(name: field.name.rawName, value: field.value)
        }
        headers.replaceOrAdd(name: "X-3scale-proxy-secret-token", value: secretToken)
        let declaredLength = requestHeaders[.contentLength].flatMap(Int64.init)
        let streamed = declaredLength.map { $0 > Self.bufferedBodyLimit } ?? (requestHeaders[.transferEncoding] != nil)
        if streamed {
            var outbound = HTTPClientRequest(url: upstreamURL)
            outbound.method = HTTPMethod(rawValue: method.rawValue)
            outbound.headers = headers
            let request = outbound
            return await Self.race(departure) {
                await Self.streaming(requestBody, length: declaredLength, with: request, on: client, timeouts: timeouts)
            }
        }
        var body: ByteBuffer?
        if let declaredLength, declaredLength > 0 {
            do {
                body = try await requestBody.collect(upTo: Int(declaredLength))
            } catch {
                return Self.failure(for: error)
            }
        }
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: upstreamURL, method: HTTPMethod(rawValue: method.rawValue),
                                             headers: headers, body: body.map { .byteBuffer($0) })
        } catch {
            return Self.failure(for: error)
        }
        return await Self.exchange(request, on: client, departure: departure)
    }

    /// A request whose body is in hand, cancelled by the client's departure through its handle.
    private static func exchange(
        _ request: HTTPClient.Request, on client: HTTPClient, departure: DepartureSignal
    ) async -> Response? {
        let exchange = UpstreamExchange.start(request, on: client)
        let watch = departure.onDeparture { exchange.cancel() }
        let head: HTTPResponseHead
        do {
            head = try await exchange.head()
        } catch {
            if let watch { departure.forget(watch) }
            return departure.isGone ? nil : failure(for: error)
        }
        return Response(
            status: HTTPResponse.Status(code: Int(head.status.code)),
            headers: relayedHeaders(head.headers),
            body: ResponseBody(contentLength: head.headers.first(name: "content-length").flatMap(Int.init)) { writer in
                // Until the body is through, a client that leaves cancels the request.
                defer { if let watch { departure.forget(watch) } }
                do {
                    while true {
                        let chunks = try await exchange.nextChunks()
                        if chunks.isEmpty { break }
                        try await writer.write(contentsOf: chunks)
                    }
                } catch {
                    exchange.cancel()
                    throw error
                }
                try await writer.finish(nil)
            }
        )
    }

    /// The outcome of `forward`, or nil as soon as the client has gone.
    private static func race(
        _ departure: DepartureSignal, _ forward: @escaping @Sendable () async -> Response
    ) async -> Response? {
        await withTaskGroup(of: Response?.self) { group in
            group.addTask { await forward() }
            group.addTask {
                await departure.wait()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// A request whose body streams upstream through a `BodyPipe` as the client sends it.
    private static func streaming(
        _ requestBody: RequestBody, length declaredLength: Int64?, with request: HTTPClientRequest,
        on client: HTTPClient, timeouts: Timeouts
    ) async -> Response {
        var outbound = request
        let pipe = BodyPipe()
        outbound.body = .stream(pipe, length: declaredLength.map { .known($0) } ?? .unknown)
        let streamed = outbound
        let outcome: Result<HTTPClientResponse, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask { await Self.pump(requestBody, into: pipe) }
            let outcome: Result<HTTPClientResponse, any Error>
            do {
                outcome = .success(try await client.execute(streamed, timeout: timeouts.responseDeadline))
            } catch {
                outcome = .failure(error)
            }
            // The backend has answered (or failed): what the client still sends is not forwarded.
            // The pipe stays open until the answer is through, since failing the upstream
            // request body would fail the answer that is still arriving.
            group.cancelAll()
            return outcome
        }
        let upstream: HTTPClientResponse
        switch outcome {
        case .success(let response): upstream = response
        case .failure(let error):
            pipe.cut()
            return failure(for: error)
        }
        let body = upstream.body
        return Response(
            status: HTTPResponse.Status(code: Int(upstream.status.code)),
            headers: relayedHeaders(upstream.headers),
            body: ResponseBody(contentLength: upstream.headers.first(name: "content-length").flatMap(Int.init)) { writer in
                defer { pipe.cut() }
                for try await chunk in body {
                    try await writer.write(chunk)
                }
                try await writer.finish(nil)
            }
        )
    }

    /// The backend's headers as the client gets them: without the hop-by-hop ones.
    private static func relayedHeaders(_ upstream: HTTPHeaders) -> HTTPFields {
        var headers = HTTPFields()
        for (name, value) in upstream where !hopByHop.contains(name.lowercased()) {
            if let fieldName = HTTPField.Name(name) { headers.append(HTTPField(name: fieldName, value: value)) }
        }
        return headers
    }

    /// Moves the client's body into the pipe until it ends or the pipe is cut. Ending
    /// (which drops the body's iterator) is what lets the server go on once the
    /// backend has answered early.
    private static func pump(_ body: RequestBody, into pipe: BodyPipe) async {
        do {
            for try await chunk in body {
                guard await pipe.send(chunk) else { return }
            }
            pipe.finish()
        } catch {
            // Cancelled because the backend has answered: the pipe is left to the answer.
            if !Task.isCancelled { pipe.finish(error) }
        }
    }

    /// nginx's answers when the upstream fails: 504 for a timeout, 502 otherwise.
    static func failure(for error: (any Error)?) -> Response {
        let timedOut: Bool
        if let clientError = error as? HTTPClientError {
            timedOut = [.readTimeout, .connectTimeout, .deadlineExceeded, .writeTimeout].contains(clientError)
        } else {
            timedOut = false
        }
        let (code, title) = timedOut ? (504, "504 Gateway Time-out") : (502, "502 Bad Gateway")
        let html = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
            + "<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n"
        return Response(
            status: HTTPResponse.Status(code: code),
            headers: [.contentType: "text/html"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html))
        )
    }

    func shutdown() async {
        await clients.shutdown()
    }
}

/// One HTTP client per distinct set of timeouts (AsyncHTTPClient sets them per client).
/// A lock, not an actor: every request asks for its client.
private final class ClientPool: Sendable {
    private struct State {
        var clients: [UpstreamRelay.Timeouts: HTTPClient] = [:]
        var isShutDown = false
    }

    private let state = Mutex(State())

    /// The client for these timeouts; nil once shut down (the relay answers 502).
    func client(for timeouts: UpstreamRelay.Timeouts) -> HTTPClient? {
        state.withLock { state in
            guard !state.isShutDown else { return nil }
            if let client = state.clients[timeouts] { return client }
            let client = Self.makeClient(timeouts)
            state.clients[timeouts] = client
            return client
        }
    }

    /// Every upstream connection and callback on one event loop: with the group's several
    /// loops, AsyncHTTPClient often runs a request's callbacks on another loop than its
    /// connection's (it picks the request's loop before the connection), a thread hand-off
    /// on every head and body part. One loop is ample for a sandbox's upstream traffic.
    private static let upstreamLoop = HTTPClient.defaultEventLoopGroup.next()

    private static func makeClient(_ timeouts: UpstreamRelay.Timeouts) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(
            connect: .milliseconds(UpstreamRelay.Timeouts.milliseconds(timeouts.connect)),
            read: .milliseconds(UpstreamRelay.Timeouts.milliseconds(timeouts.read)),
            write: .milliseconds(UpstreamRelay.Timeouts.milliseconds(timeouts.send))
        )
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        // A refused connection is a 502 at once, as nginx answers, not a retry until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .shared(upstreamLoop), configuration: configuration)
    }

    /// Shuts every client down, each within `Listener.forceGrace`; requests still in
    /// flight fail.
    func shutdown() async {
        let open = state.withLock { state in
            state.isShutDown = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for client in open {
                group.addTask {
                    let closing = Task { try await client.shutdown() }
                    _ = await Listener.wait(for: closing, upTo: Listener.forceGrace)
                }
            }
        }
    }
}
