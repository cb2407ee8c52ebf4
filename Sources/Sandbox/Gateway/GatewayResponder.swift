import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Which product a gateway listener serves; set once the product exists. Read on every
/// request, so it is a lock rather than an actor hop.
final class ListenerBinding: Sendable {
    private let id = Mutex<Int?>(nil)

    var serviceID: Int? { id.withLock { $0 } }

    func bind(_ serviceID: Int) { id.withLock { $0 = serviceID } }
}

/// APIcast for one product and environment. Runs the policy chain's rewrite phase in
/// chain order (cors preflight, remove-bearer, apicast credentials and usage,
/// upstream_connection timeouts), then the access phase (no match, authrep), then proxies.
struct GatewayResponder: HTTPResponder {
    typealias Context = ConnectionRequestContext

    /// `sandbox` (staging) or `production`.
    let environment: String
    let binding: ListenerBinding
    let store: AdminStore
    let relay: UpstreamRelay
    /// `maas sandbox -v`: where each decision is logged; nil logs nothing.
    var logger: Logger? = nil

    func respond(to request: Request, context: Context) async throws -> Response {
        var decision = GatewayDecision(
            logger: logger, environment: environment, method: request.method.rawValue, path: request.uri.path)
        // An unknown host, or a product never promoted to this environment: 404, empty body.
        guard let serviceID = binding.serviceID,
              let config = store.gatewayConfig(serviceID: serviceID, environment: environment)
        else {
            decision.answered("no product is promoted here", status: 404)
            return Response(status: .notFound)
        }

        // remove-bearer rewrites the headers that apicast reads and the backend receives.
        var headers = request.headers
        var cors: CorsPolicy?
        var timeouts = UpstreamRelay.Timeouts()
        var usage: [Int: Int]?
        var userKey: String?
        let arguments = Self.arguments(request.uri.query)
        let path = request.uri.path

        for policy in config.policyChain {
            switch policy.name {
            case "cors":
                cors = CorsPolicy(configuration: policy.configuration)
                if CorsPolicy.isPreflight(request) {
                    decision.answered("cors preflight", status: 204)
                    return Self.finish(Response(status: .noContent), cors: cors, request: request)
                }
            case "remove-bearer":
                Credentials.removeBearer(&headers)
            case "apicast":
                guard let key = Credentials.userKey(
                    headers: headers, location: config.credentialsLocation, name: config.authUserKey, arguments: arguments
                ) else {
                    decision.answered(
                        "no credentials (\(config.credentialsLocation) \(config.authUserKey))", status: config.authMissing.status)
                    return Self.finish(Self.reply(config.authMissing), cors: cors, request: request)
                }
                userKey = key
                usage = MappingRuleMatcher.usage(
                    rules: config.rules, method: request.method.rawValue, path: path, arguments: arguments
                )
                if logger != nil {
                    decision.matched(MappingRuleMatcher.matched(
                        rules: config.rules, method: request.method.rawValue, path: path, arguments: arguments))
                }
            case "upstream_connection":
                timeouts = UpstreamRelay.Timeouts(policy: policy.configuration)
            default:
                continue  // Other policies are accepted and stored but not emulated.
            }
        }

        if let userKey, let usage {
            guard !usage.isEmpty else {
                decision.answered("no mapping rule matched", status: config.noMatch.status)
                var response = Self.reply(config.noMatch)
                response.headers[Self.matchedRules] = ""
                return Self.finish(response, cors: cors, request: request)
            }
            let (verdict, limits) = await store.authorizeExplained(serviceID: serviceID, userKey: userKey, usage: usage)
            decision.limits(limits)
            switch verdict {
            case .authorized: break
            case .authFailed:
                decision.answered("authentication failed", status: config.authFailed.status)
                return Self.finish(Self.reply(config.authFailed), cors: cors, request: request)
            case .limitsExceeded(let retryAfter):
                decision.answered("limits exceeded", status: config.limitsExceeded.status)
                var response = Self.reply(config.limitsExceeded)
                if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
                return Self.finish(response, cors: cors, request: request)
            }
        }

        guard let upstream = Self.upstreamURL(path: path, query: request.uri.query, routes: config.routes) else {
            decision.answered("no backend route for the path", status: 404)
            return Self.finish(Response(status: .notFound), cors: cors, request: request)
        }
        // A client that leaves while the backend is still working (e.g. a long non-streamed
        // completion) cancels the upstream request too. The connection stays open for the
        // client's next request (keep-alive), unless the answer came before the whole request
        // was read (`LingeringCloseHandler`).
        decision.forwarding()
        guard let response = await relay.forward(
            method: request.method, headers: headers, body: request.body, to: upstream, secretToken: config.secretToken,
            timeouts: timeouts, departure: ClientDeparture.signal(of: context.channel))
        else { throw CancellationError() }
        decision.upstream(status: response.status.code)
        return Self.finish(response, cors: cors, request: request)
    }

    /// The backend whose usage path is the longest prefix of the request path; the
    /// path is rewritten to the backend's private base URL plus the rest.
    static func upstreamURL(path: String, query: String?, routes: [GatewayConfig.Route]) -> String? {
        let candidates = routes.filter { route in
            route.path == "/" || path == route.path || path.hasPrefix(route.path + "/")
        }
        guard let route = candidates.max(by: { $0.path.count < $1.path.count }) else { return nil }
        var rest = route.path == "/" ? path : String(path.dropFirst(route.path.count))
        if !rest.hasPrefix("/") { rest = "/" + rest }
        var base = route.privateEndpoint
        while base.hasSuffix("/") { base.removeLast() }
        let url = base + rest
        guard let query, !query.isEmpty else { return url }
        return url + "?" + query
    }

    // A valid header token, so the initialiser cannot fail.
    private static let matchedRules = HTTPField.Name("X-3scale-matched-rules")!

    static func reply(_ error: GatewayConfig.ErrorReply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = error.contentType
        return Response(
            status: HTTPResponse.Status(code: error.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: error.body))
        )
    }

    static func finish(_ response: Response, cors: CorsPolicy?, request: Request) -> Response {
        guard let cors else { return response }
        var response = response
        cors.apply(to: &response.headers, for: request)
        return response
    }

    /// Query arguments, the last value winning for repeated names (as APIcast reads them).
    static func arguments(_ query: String?) -> [String: String] {
        guard let query else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(kv[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[0])
            let value = kv.count > 1
                ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
            result[name] = value
        }
        return result
    }
}
