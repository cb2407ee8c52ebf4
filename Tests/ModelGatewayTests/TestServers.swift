import Hummingbird
import HummingbirdTesting
import Logging
import ModelGateway
import NIOCore
import Testing
@testable import SandboxModel

/// Runs a router on a loopback port for the duration of `body`, which gets the base URL.
func withServer<Value: Sendable>(
    _ router: Router<BasicRequestContext>,
    _ body: @Sendable (String) async throws -> Value
) async throws -> Value {
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        logger: Logger(label: "ModelGatewayTests") { _ in SwiftLogNoOpLogHandler() }
    )
    return try await app.test(.live) { client in
        try await body("http://127.0.0.1:\(try #require(client.port))")
    }
}

/// Runs the sandbox model and a client pointed at it.
func withSandboxClient<Value: Sendable>(
    _ configuration: ModelServerConfiguration = .init(),
    observer: StreamObserver? = nil,
    _ body: @Sendable (GatewayClient) async throws -> Value
) async throws -> Value {
    try await withServer(ModelService.router(configuration, observer: observer)) { baseURL in
        try await withClient(GatewayConfiguration(baseURL: baseURL, apiKey: "secret"), body)
    }
}

/// Creates a client, runs `body` and always shuts the client down.
func withClient<Value: Sendable>(
    _ configuration: GatewayConfiguration,
    _ body: @Sendable (GatewayClient) async throws -> Value
) async throws -> Value {
    let client = try GatewayClient(configuration: configuration)
    do {
        let value = try await body(client)
        try await client.shutdown()
        return value
    } catch {
        try await client.shutdown()
        throw error
    }
}

/// Runs `operation` and returns the `GatewayError` it threw, or records an issue.
func gatewayError(
    _ operation: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) async -> GatewayError? {
    do {
        try await operation()
        Issue.record("expected a GatewayError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as GatewayError {
        return error
    } catch {
        Issue.record("expected a GatewayError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Collects a stream's events, returning them and the error that ended it, if any.
func drain(_ stream: EventStream) async -> (events: [StreamEvent], error: (any Error)?) {
    var events: [StreamEvent] = []
    do {
        for try await event in stream { events.append(event) }
        return (events, nil)
    } catch {
        return (events, error)
    }
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

extension [StreamEvent] {
    var text: String {
        compactMap { event -> String? in
            if case .text(let text, _) = event { return text }
            return nil
        }.joined()
    }
}
