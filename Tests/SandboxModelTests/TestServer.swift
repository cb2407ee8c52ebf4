import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOHTTP1
import Testing
@testable import SandboxModel

/// Runs the model server on a loopback port for the duration of `body`.
func withModelServer<Value: Sendable>(
    _ configuration: ModelServerConfiguration = .init(),
    observer: StreamObserver? = nil,
    _ body: @Sendable (ModelClient) async throws -> Value
) async throws -> Value {
    let router = ModelService.router(configuration, observer: observer)
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        logger: Logger(label: "SandboxModelTests") { _ in SwiftLogNoOpLogHandler() }
    )
    return try await app.test(.live) { client in
        try await body(ModelClient(port: try #require(client.port)))
    }
}

/// A plain HTTP client for the tests, over real sockets.
struct ModelClient: Sendable {
    let port: Int

    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    func request(_ method: HTTPMethod, _ path: String, body: String? = nil, contentType: String? = "application/json")
        async throws -> Reply
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let contentType { request.headers.add(name: "content-type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    func get(_ path: String) async throws -> Reply {
        try await request(.GET, path, body: nil, contentType: nil)
    }

    func post(_ path: String, _ body: String) async throws -> Reply {
        try await request(.POST, path, body: body)
    }

    /// Sends a request and returns the raw response to read as it streams.
    func open(_ path: String, _ body: String) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        return try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    }
}

/// Splits a complete SSE body into its `data:` payloads.
func sseData(_ body: String) -> [String] {
    body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { event in
        event.hasPrefix("data: ") ? String(event.dropFirst(6)) : "<malformed: \(event)>"
    }
}

func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
}

/// Collects observer reports so a test can wait for the next one.
final class OutcomeRecorder: Sendable {
    let stream: AsyncStream<StreamOutcome>
    private let continuation: AsyncStream<StreamOutcome>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream()
    }

    var observer: StreamObserver {
        { [continuation] outcome in continuation.yield(outcome) }
    }

    func next() async -> StreamOutcome? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }
}
