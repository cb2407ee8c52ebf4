import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// Sends a request to the backend and streams the answer back: status and headers as
/// the backend sent them, then each body chunk as it arrives. When the client goes away
/// while the body streams, the next write fails, the upstream body is dropped and
/// AsyncHTTPClient cancels the upstream request (as nginx closes the upstream connection);
/// before the headers arrive, the caller cancels `forward`.
final class UpstreamRelay: Sendable {
    /// `upstream_connection` timeouts in seconds; nginx's 60 s defaults without the policy.
    struct Timeouts: Hashable, Sendable {
        var connect: Double = 60
        var send: Double = 60
        var read: Double = 60

        init() {}

        /// Values are capped at a day so any number in a stored policy converts safely.
        init(policy configuration: JSONValue) {
            func seconds(_ key: String) -> Double? {
                guard let value = configuration[key]?.doubleValue, value > 0 else { return nil }
                return min(value, 86_400)
            }
            connect = seconds("connect_timeout") ?? connect
            send = seconds("send_timeout") ?? send
            read = seconds("read_timeout") ?? read
        }
    }

    private let clients = ClientPool()

    /// Hop-by-hop headers are never forwarded (RFC 9110 §7.6.1).
    private static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "host", "content-length",
    ]

    func forward(
        method: HTTPRequest.Method, headers requestHeaders: HTTPFields, body requestBody: RequestBody,
        to upstreamURL: String, secretToken: String, timeouts: Timeouts
    ) async -> Response {
        let client = await clients.client(for: timeouts)
        var outbound = HTTPClientRequest(url: upstreamURL)
        outbound.method = HTTPMethod(rawValue: method.rawValue)
        for field in requestHeaders where !Self.hopByHop.contains(field.name.canonicalName) {
            outbound.headers.add(name: field.name.rawName, value: field.value)
        }
        outbound.headers.replaceOrAdd(name: "X-3scale-proxy-secret-token", value: secretToken)
        if let length = requestHeaders[.contentLength].flatMap(Int.init) {
            if length > 0 { outbound.body = .stream(requestBody, length: .known(Int64(length))) }
        } else if requestHeaders[.transferEncoding] != nil {
            outbound.body = .stream(requestBody, length: .unknown)
        }

        let upstream: HTTPClientResponse
        do {
            upstream = try await client.execute(outbound, timeout: .hours(24))
        } catch {
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
                for try await chunk in body {
                    try await writer.write(chunk)
                }
                try await writer.finish(nil)
            }
        )
    }

    /// nginx's answers when the upstream fails: 504 for a timeout, 502 otherwise.
    static func failure(for error: any Error) -> Response {
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

    func client(for timeouts: UpstreamRelay.Timeouts) -> HTTPClient {
        if let client = clients[timeouts] { return client }
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(
            connect: .milliseconds(Int64(timeouts.connect * 1000)),
            read: .milliseconds(Int64(timeouts.read * 1000)),
            write: .milliseconds(Int64(timeouts.send * 1000))
        )
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        // A refused connection is a 502 at once, as nginx answers, not a retry until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        clients[timeouts] = client
        return client
    }

    func shutdown() async {
        for client in clients.values { try? await client.shutdown() }
        clients = [:]
    }
}
