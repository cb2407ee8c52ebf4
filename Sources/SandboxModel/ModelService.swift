import HTTPTypes
import Hummingbird

/// The sandbox model server: vLLM's OpenAI-compatible endpoints with vLLM's JSON and
/// SSE shapes, answered by a small deterministic word model.
public enum ModelService {
    public static func router(_ configuration: ModelServerConfiguration) -> Router<BasicRequestContext> {
        router(configuration, observer: nil)
    }

    /// The same router, reporting how each stream ends (for tests of disconnects).
    static func router(_ configuration: ModelServerConfiguration, observer: StreamObserver?)
        -> Router<BasicRequestContext>
    {
        let server = ModelServer(configuration: configuration, observer: observer)
        let router = Router()
        let routes: [(String, HTTPRequest.Method, @Sendable (Request) async throws -> Response)] = [
            ("/health", .get, { _ in server.health() }),
            ("/version", .get, { _ in server.version() }),
            ("/v1/models", .get, { _ in server.models() }),
            ("/tokenize", .post, server.tokenize),
            ("/detokenize", .post, server.detokenize),
            ("/v1/completions", .post, server.completions),
            ("/v1/chat/completions", .post, server.chatCompletions),
            ("/v1/embeddings", .post, server.embeddings),
        ]
        // Added first so that it also wraps the router's not-found responder.
        router.add(middleware: FastAPIFallbackMiddleware(routes: Dictionary(grouping: routes, by: \.0).mapValues { $0.map(\.1) }))
        for (path, method, handler) in routes {
            router.on(RouterPath(path), method: method) { request, _ in
                try await ModelServer.answering { try await handler(request) }
            }
        }
        return router
    }
}
