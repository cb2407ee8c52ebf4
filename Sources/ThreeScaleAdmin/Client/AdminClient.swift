import AsyncHTTPClient
import HTTPSupport
import NIOCore
import NIOHTTP1
import Untrusted

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The 3scale Account Management API client. It owns one `HTTPClient`; call
/// `shutdown()` when done. Every method throws `AdminError`s only.
///
/// The token travels as HTTP Basic (empty user, token as password, like porta's own
/// clients), never in a URL, so it cannot end up in a log line. Paths always use the
/// `.json` suffix; bodies are form-encoded.
public final class AdminClient: Sendable {
    public let configuration: AdminConfiguration
    /// Name → id resolutions made by this client (one per command).
    public let names = NameCache()
    let http: HTTPClient
    let base: BaseURL
    private let authorization: String
    /// What `-vv` hides besides the well-known names: the token, wherever it shows.
    private let masker: SecretMasker
    /// Larger answers are refused rather than held in memory.
    static let maxResponseSize = 32 * 1024 * 1024
    /// porta's largest page.
    static let pageSize = 500

    public init(configuration: AdminConfiguration) throws(AdminError) {
        self.configuration = configuration
        self.base = try BaseURL(configuration.adminURL)
        let credentials = Data(":\(configuration.accessToken)".utf8).base64EncodedString()
        self.authorization = "Basic \(credentials)"
        self.masker = SecretMasker(values: [configuration.accessToken])
        do {
            self.http = try TransportSettings(
                caFile: configuration.caFile, insecureTLS: configuration.insecureTLS,
                connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout
            ).makeClient()
        } catch {
            throw .invalidCAFile(path: error.path, reason: error.reason)
        }
    }

    /// Closes the connections. The client cannot be used afterwards.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    // MARK: Calls

    struct Call: Sendable {
        var method: HTTPMethod
        var path: String
        var query: [(name: String, value: String)] = []
        var form: FormBody? = nil
        /// "create backend llama70b": the start of an error message.
        var operation: String
        /// "backend llama70b": what a 404 did not find.
        var what: String
    }

    /// Sends a call and returns the body of a 2xx answer. Idempotent calls are
    /// retried on connection errors, 429 and 5xx; a POST never is (see `create`).
    func send(_ call: Call) async throws(AdminError) -> [UInt8] {
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled }
            let url = base.url(call.path, query: call.query)
            var retryAfter: Duration?
            let failure: AdminError
            do {
                let (status, headers, body) = try await limited { () async throws(AdminError) in try await exchange(call, url: url) }
                if (200..<300).contains(status) { return body }
                if (300..<400).contains(status) {
                    failure = .redirected(
                        operation: call.operation, status: status, reason: HTTPResponseStatus(statusCode: status).reasonPhrase,
                        location: headers.first(name: "Location").map { BaseURL.displayLocation($0, from: url) })
                } else {
                    failure = ResponseMapper.error(
                        status: status, body: body, operation: call.operation, what: call.what, url: base.display)
                    retryAfter = headers.first(name: "Retry-After").flatMap(Int.init).map { .seconds(min($0, 10)) }
                }
            } catch {
                failure = error
            }
            guard call.method != .POST, failure.isTransient, attempt < configuration.maxAttempts else { throw failure }
            let backoff = configuration.retryDelay * (1 << (attempt - 1))
            do {
                try await Task.sleep(for: retryAfter.map { max($0, backoff) } ?? backoff)
            } catch {
                throw .cancelled
            }
            attempt += 1
        }
    }

    /// The status, headers and body of an answer: the whole body of a 2xx, a bounded
    /// prefix of any other (the status is decided before the body is read).
    private func exchange(_ call: Call, url: String) async throws(AdminError) -> (Int, HTTPHeaders, [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.method = call.method
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "Accept", value: "application/json")
        let form = call.form.map { Array($0.encoded.utf8) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(bytes: form))
        }
        var trace = RequestTrace(logger: configuration.logger, masker: masker, method: call.method.rawValue, url: url)
        trace.sent(headers: request.headers, body: form)
        do {
            let response = try await http.execute(request, timeout: TimeAmount(configuration.readTimeout))
            let status = Int(response.status.code)
            trace.received(status: status, headers: response.headers)
            guard (200..<300).contains(status) else {
                let prefix = await ErrorBody.prefix(of: response.body)
                trace.read(prefix)
                trace.finished(bytes: prefix.count)
                if Task.isCancelled { throw AdminError.cancelled }
                return (status, response.headers, prefix)
            }
            let body = try await response.body.collect(upTo: Self.maxResponseSize)
            trace.read(body.readableBytesView)
            trace.finished(bytes: body.readableBytes)
            return (status, response.headers, Array(buffer: body))
        } catch {
            trace.finished(bytes: nil)
            throw AdminError.transport(error, url: base.display, host: base.host, operation: call.operation)
        }
    }

    /// A call whose answer is one wrapped object.
    func object<T: Decodable>(_ call: Call, key: String, as type: T.Type = T.self) async throws(AdminError) -> T {
        let body = try await send(call)
        do {
            return try Envelope.one(T.self, key: key, from: body)
        } catch {
            throw Envelope.failure(error, operation: call.operation, body: body)
        }
    }

    /// A list call. Paginated endpoints are read page by page (`per_page=500`) until a
    /// short page, because porta does not always send pagination metadata.
    func list<T: Decodable>(_ call: Call, key: String, plural: String, paginated: Bool) async throws(AdminError) -> [T] {
        guard paginated else { return try await decodeList(call, key: key, plural: plural) }
        var all: [T] = []
        var page = 1
        while true {
            var pageCall = call
            pageCall.query += [("page", String(page)), ("per_page", String(Self.pageSize))]
            let items: [T] = try await decodeList(pageCall, key: key, plural: plural)
            all += items
            if items.count < Self.pageSize { return all }
            page += 1
        }
    }

    private func decodeList<T: Decodable>(_ call: Call, key: String, plural: String) async throws(AdminError) -> [T] {
        let body = try await send(call)
        do {
            return try Envelope.many(T.self, key: key, plural: plural, from: body)
        } catch {
            throw Envelope.failure(error, operation: call.operation, body: body)
        }
    }

    /// A POST that creates something. It is retried only when `lookup` shows that the
    /// failed attempt did not create the object; without a lookup it is sent once.
    func create<T: Sendable>(
        _ post: () async throws -> T,
        lookup: (() async throws -> T?)? = nil
    ) async throws(AdminError) -> T {
        var attempt = 1
        while true {
            do {
                return try await post()
            } catch {
                let error = AdminError(error)
                guard let lookup, error.isTransient, attempt < configuration.maxAttempts else { throw error }
                do {
                    try await Task.sleep(for: configuration.retryDelay * (1 << (attempt - 1)))
                } catch {
                    throw .cancelled
                }
                do {
                    if let existing = try await lookup() { return existing }
                } catch {
                    throw AdminError(error)
                }
                attempt += 1
            }
        }
    }

    /// GET of any URL without credentials (an ActiveDoc's `url`), as text. Having no
    /// credentials to carry, it follows redirects itself, at most `maxDocumentRedirects`.
    public func fetchDocument(url: String) async throws(AdminError) -> String {
        let operation = "Fetching \(URLDisplay.redacted(url))"
        var current = url
        var redirects = 0
        while true {
            let shown = URLDisplay.redacted(current)
            guard let parsed = URL(string: current), let scheme = parsed.scheme?.lowercased(),
                ["http", "https"].contains(scheme), let host = parsed.host, !host.isEmpty
            else { throw .invalidURL(shown, reason: "it needs http:// or https:// and a host") }
            var request = HTTPClientRequest(url: current)
            request.headers.add(name: "Accept", value: "application/json, application/yaml, */*")
            var trace = RequestTrace(logger: configuration.logger, masker: masker, method: "GET", url: current)
            trace.sent(headers: request.headers, body: nil)
            do {
                let response = try await http.execute(request, timeout: TimeAmount(configuration.readTimeout))
                let status = Int(response.status.code)
                trace.received(status: status, headers: response.headers)
                if (200..<300).contains(status) {
                    let body = try await response.body.collect(upTo: Self.maxResponseSize)
                    trace.read(body.readableBytesView)
                    trace.finished(bytes: body.readableBytes)
                    return String(buffer: body)
                }
                trace.finished(bytes: nil)
                guard (300..<400).contains(status) else {
                    throw AdminError.unexpectedStatus(operation: operation, status: status, body: "")
                }
                guard let location = response.headers.first(name: "Location"),
                    let next = URL(string: location, relativeTo: parsed)?.absoluteString
                else { throw AdminError.unexpectedStatus(operation: operation, status: status, body: "a redirect without a usable Location") }
                guard redirects < Self.maxDocumentRedirects else {
                    throw AdminError.unexpectedStatus(
                        operation: operation, status: status,
                        body: "more than \(Self.maxDocumentRedirects) redirects, the last to \(URLDisplay.redacted(next))")
                }
                redirects += 1
                current = next
            } catch {
                trace.finished(bytes: nil)
                throw AdminError.transport(error, url: shown, host: host, operation: operation)
            }
        }
    }

    static let maxDocumentRedirects = 5
}
