import HTTPSupport
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Untrusted

/// `maas sandbox -v`: each request a listener serves, logged the way maas logs its own
/// (`RequestTrace`): an `.info` line once the answer is written, and at `.debug` the
/// request's and the answer's headers and the start of their bodies, credentials masked.
/// Listeners are wrapped only when there is a logger; the answer's body passes through
/// chunk by chunk, with its length unchanged.
struct LoggingResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context

    let inner: Inner
    let logger: Logger
    /// Whether the start of the request body is copied as the responder reads it. Not on a
    /// gateway, whose relay needs the body as the server gave it (to see the client leave).
    let showsRequestBody: Bool
    /// What to mask besides the well-known names, as the tenant is now (its keys, tokens and
    /// products' key parameters).
    let masker: @Sendable () async -> SecretMasker

    func respond(to request: Request, context: Context) async throws -> Response {
        let masker = await masker()
        let trace = SharedTrace(RequestTrace(
            logger: logger, masker: masker, method: request.method.rawValue,
            url: "http://" + (request.head.authority ?? "") + request.uri.string))
        var request = request
        let copy = showsRequestBody && logger.logLevel <= .debug ? BodyCopy(limit: masker.window()) : nil
        if let copy { request.body = RequestBody(asyncSequence: copy.reading(request.body)) }
        // With a copy of the body, the request is shown once the responder has read it.
        if copy == nil { trace.sent(request.headers, body: nil) }
        let response: Response
        do {
            response = try await inner.respond(to: request, context: context)
        } catch {
            if copy != nil { trace.sent(request.headers, body: copy) }
            trace.finished()
            throw error
        }
        if copy != nil { trace.sent(request.headers, body: copy) }
        trace.received(response)
        var logged = response
        let body = response.body
        logged.body = ResponseBody(contentLength: body.contentLength) { writer in
            do {
                try await body.write(TracedWriter(parent: writer, trace: trace))
            } catch {
                trace.finished()
                throw error
            }
        }
        return logged
    }
}

/// One request's trace, shared by the responder and the body writer.
final class SharedTrace: Sendable {
    private struct State {
        var trace: RequestTrace
        var bytes = 0
        var ended = false
    }

    private let state: Mutex<State>

    init(_ trace: RequestTrace) {
        state = Mutex(State(trace: trace))
    }

    func sent(_ headers: HTTPFields, body: BodyCopy?) {
        let (bytes, size) = body?.captured ?? ([], 0)
        state.withLock {
            $0.trace.sent(headers: headers.lazy.map { ($0.name.rawName, $0.value) }, body: bytes, bodySize: size)
        }
    }

    func received(_ response: Response) {
        state.withLock {
            $0.trace.received(status: response.status.code, headers: response.headers.lazy.map { ($0.name.rawName, $0.value) })
        }
    }

    func wrote(_ buffer: ByteBuffer) {
        state.withLock {
            $0.bytes += buffer.readableBytes
            $0.trace.read(buffer.readableBytesView)
        }
    }

    /// The answer is written (`complete`), or its writing failed.
    func finished(complete: Bool = false) {
        state.withLock {
            $0.trace.finished(bytes: complete ? $0.bytes : nil)
        }
    }
}

/// The answer's body on its way to the client, counted and its start kept.
struct TracedWriter: ResponseBodyWriter {
    var parent: any ResponseBodyWriter
    let trace: SharedTrace

    mutating func write(_ buffer: ByteBuffer) async throws {
        trace.wrote(buffer)
        try await parent.write(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await parent.finish(trailingHeaders)
        trace.finished(complete: true)
    }
}

/// The start of a request body, copied as the responder reads it.
final class BodyCopy: Sendable {
    private let limit: Int
    private let state = Mutex<(bytes: [UInt8], size: Int)>(([], 0))

    init(limit: Int) {
        self.limit = limit
    }

    var captured: ([UInt8], Int) { state.withLock { ($0.bytes, $0.size) } }

    func reading(_ body: RequestBody) -> AsyncMapSequence<RequestBody, ByteBuffer> {
        body.map { chunk in
            self.state.withLock { copy in
                copy.size += chunk.readableBytes
                copy.bytes += chunk.readableBytesView.prefix(max(0, self.limit - copy.bytes.count))
            }
            return chunk
        }
    }
}

extension Logger {
    /// This logger with the listener's role as metadata: `listener=admin`, `listener=production`.
    func tagged(_ role: String) -> Logger {
        var logger = self
        logger[metadataKey: "listener"] = .string(String(role.prefix { $0 != " " }))
        return logger
    }
}
