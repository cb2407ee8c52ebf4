import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Untrusted

/// Sends a request to the backend and streams the answer back: status and headers as
/// the backend sent them, then each body chunk as it arrives. When the client goes away
/// while the body streams, the next write fails, the upstream body is dropped and
/// AsyncHTTPClient cancels the upstream request (as nginx closes the upstream connection);
/// before the headers arrive, the caller cancels `forward`.
///
/// The request body goes upstream through a `BodyPipe` fed by a pump task, so that when
/// the backend answers before it has read the whole body (a 413), the relay stops
/// forwarding at once and passes the answer on; the client connection then closes after
/// a bounded drain (`LingeringCloseHandler`). Every wait is bounded by the product's
/// `upstream_connection` timeouts.
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
    /// buffers request bodies; that spares a small one the pipe and the tasks that stream a
    /// larger one (which the backend may answer before it is all sent).
    static let bufferedBodyLimit: Int64 = 1 << 20

    /// Hop-by-hop headers are never forwarded (RFC 9110 §7.6.1).
    private static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "host", "content-length",
    ]

    func forward(
        method: HTTPRequest.Method, headers requestHeaders: HTTPFields, body requestBody: RequestBody,
        to upstreamURL: String, secretToken: String, timeouts: Timeouts
    ) async -> Response {
        guard let client = await clients.client(for: timeouts) else { return Self.failure(for: nil) }
        var outbound = HTTPClientRequest(url: upstreamURL)
        outbound.method = HTTPMethod(rawValue: method.rawValue)
        for field in requestHeaders where !Self.hopByHop.contains(field.name.canonicalName) {
            outbound.headers.add(name: field.name.rawName, value: field.value)
        }
        outbound.headers.replaceOrAdd(name: "X-3scale-proxy-secret-token", value: secretToken)
        let declaredLength = requestHeaders[.contentLength].flatMap(Int64.init)
        let pipe: BodyPipe?
        if let declaredLength, declaredLength > 0, declaredLength <= Self.bufferedBodyLimit {
            do {
                outbound.body = .bytes(try await requestBody.collect(upTo: Int(declaredLength)))
            } catch {
                return Self.failure(for: error)
            }
            pipe = nil
        } else if declaredLength.map({ $0 > 0 }) ?? (requestHeaders[.transferEncoding] != nil) {
            let streamed = BodyPipe()
            outbound.body = .stream(streamed, length: declaredLength.map { .known($0) } ?? .unknown)
            pipe = streamed
        } else {
            pipe = nil
        }

        let outcome: Result<HTTPClientResponse, any Error>
        if let pipe {
            outcome = await withTaskGroup(of: Void.self) { group in
                group.addTask { await Self.pump(requestBody, into: pipe) }
                let outcome = await Self.execute(outbound, on: client, timeouts: timeouts)
                // The backend has answered (or failed): what the client still sends is not forwarded.
                // The pipe stays open until the answer is through, since failing the upstream
                // request body would fail the answer that is still arriving.
                group.cancelAll()
                return outcome
            }
        } else {
            outcome = await Self.execute(outbound, on: client, timeouts: timeouts)
        }
        let upstream: HTTPClientResponse
        switch outcome {
        case .success(let response): upstream = response
        case .failure(let error):
            pipe?.cut()
            return Self.failure(for: error)
        }
        var headers = HTTPFields()
        for (name, value) in upstream.headers where !Self.hopByHop.contains(name.lowercased()) {
            if let fieldName = HTTPField.Name(name) { headers.append(HTTPField(name: fieldName, value: value)) }
        }
        let length = upstream.headers.first(name: "content-length").flatMap(Int.init)
        let body = upstream.body
        return Response(
            status: HTTPResponse.Status(code: Int(upstream.status.code)),
            headers: headers,
            body: ResponseBody(contentLength: length) { writer in
                defer { pipe?.cut() }
                for try await chunk in body {
                    try await writer.write(chunk)
                }
                try await writer.finish(nil)
            }
        )
    }

    private static func execute(
        _ request: HTTPClientRequest, on client: HTTPClient, timeouts: Timeouts
    ) async -> Result<HTTPClientResponse, any Error> {
        do {
            return .success(try await client.execute(request, timeout: timeouts.responseDeadline))
        } catch {
            return .failure(error)
        }
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
private actor ClientPool {
    private var clients: [UpstreamRelay.Timeouts: HTTPClient] = [:]

    private var isShutDown = false

    /// The client for these timeouts; nil once shut down (the relay answers 502).
    func client(for timeouts: UpstreamRelay.Timeouts) -> HTTPClient? {
        guard !isShutDown else { return nil }
        if let client = clients[timeouts] { return client }
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
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        clients[timeouts] = client
        return client
    }

    /// Shuts every client down, each within `Listener.forceGrace`; requests still in
    /// flight fail.
    func shutdown() async {
        isShutDown = true
        let open = Array(clients.values)
        clients = [:]
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
