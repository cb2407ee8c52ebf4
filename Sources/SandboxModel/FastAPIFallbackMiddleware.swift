import HTTPTypes
import Hummingbird

/// Answers requests that match no route the way FastAPI (vLLM's framework) does:
/// 405 `{"detail":"Method Not Allowed"}` with `allow` for a known path, else 404
/// `{"detail":"Not Found"}`.
struct FastAPIFallbackMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Path → the methods routed for it.
    let routes: [String: [HTTPRequest.Method]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            if let methods = routes[request.uri.path] {
                var response = Response.json(.object([("detail", .string("Method Not Allowed"))]), status: .methodNotAllowed)
                response.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
                return response
            }
            return .json(.object([("detail", .string("Not Found"))]), status: .notFound)
        }
    }
}
