/// Everything that can go wrong talking to a model through the gateway, with what
/// the shell needs to say it in one line (`message`) and what to do next.
public enum GatewayError: Error, Sendable, Equatable {
    /// The configured base URL cannot be used.
    case invalidURL(String, reason: String)
    /// The CA file could not be read or holds no certificate.
    case invalidCAFile(path: String, reason: String)
    /// TCP connection refused or reset before a response.
    case connectionFailed(url: String, reason: String)
    /// The host name does not resolve.
    case hostNotFound(host: String, url: String)
    /// No connection within the connect timeout, or silence longer than the read timeout.
    case timedOut(url: String, phase: TimeoutPhase)
    /// TLS handshake or certificate verification failed.
    case tlsFailure(url: String, reason: String)
    /// APIcast: no credentials in the request (403 or 401 `Authentication parameters missing`).
    case authenticationMissing(status: Int)
    /// APIcast: the key is unknown, wrong or its application suspended (403 `Authentication failed`).
    case authenticationFailed(status: Int)
    /// APIcast: the product has no mapping rule for this method and path.
    case noMappingRule(method: String, path: String)
    /// The model server (FastAPI) has no such route: `{"detail":"Not Found"}`.
    case endpointNotFound(method: String, path: String)
    /// The route exists with other methods: `{"detail":"Method Not Allowed"}`.
    case methodNotAllowed(method: String, path: String)
    /// 429: the application plan's limit is reached. `retryAfter` is in seconds.
    case rateLimited(retryAfter: Int?, message: String)
    /// A vLLM/OpenAI error body: `{"error":{"message","type","param","code"}}` or the
    /// older flat `{"object":"error",…}`; also sent inside a 200 or in a stream.
    case server(status: Int, message: String, type: String?, param: String?)
    /// Any other failure status, with the first line of text of the body (HTML
    /// pages reduced to their title) or nil when the body is empty.
    case http(status: Int, reason: String, firstLine: String?)
    /// A 3xx answer. Redirects are never followed: the request carries the API key,
    /// which must not travel to wherever the server points. `location` is shown
    /// absolute, without user-info and with the key masked; nil when absent.
    case redirected(status: Int, reason: String, location: String?)
    /// A 2xx response whose body is not what the endpoint returns.
    case invalidResponse(url: String, reason: String)
    /// A stream that broke or ended before `data: [DONE]`; the text received so far
    /// is incomplete.
    case streamInterrupted(tokensReceived: Int)
    /// The caller cancelled the request (Ctrl-C).
    case cancelled

    public enum TimeoutPhase: String, Sendable, Equatable {
        case connect, read
    }
}

extension GatewayError: CustomStringConvertible {
    public var description: String { message }

    /// One line: what happened and what to do about it.
    public var message: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "invalid gateway URL '\(url)': \(reason); use a URL like https://HOST[:PORT][/PATH]"
        case .invalidCAFile(let path, let reason):
            return "cannot use CA file \(path): \(reason); give a PEM file with the gateway's CA certificate"
        case .connectionFailed(let url, let reason):
            return "cannot connect to \(url): \(reason); check that the gateway URL is right and the gateway is up"
        case .hostNotFound(let host, let url):
            return "cannot resolve host '\(host)' of \(url); check the gateway URL (maas login) and DNS"
        case .timedOut(let url, .connect):
            return "no connection to \(url) within the connect timeout; check the URL, network and proxy"
        case .timedOut(let url, .read):
            return "\(url) sent nothing within the read timeout; the model may be overloaded, try again later"
        case .tlsFailure(let url, let reason):
            return "TLS with \(url) failed: \(reason); set the gateway's CA file, or insecure TLS on test clusters only"
        case .authenticationMissing(let status):
            return "\(status) Authentication parameters missing: the gateway got no API key; set one with 'maas login'"
        case .authenticationFailed(let status):
            return "\(status) Authentication failed: the API key is wrong, or its application is suspended or not "
                + "subscribed to this model's product; check the key (maas login) or the subscription"
        case .noMappingRule(let method, let path):
            return "404 No Mapping Rule matched for \(method) \(path): this model's product does not expose that "
                + "endpoint; ask the admin to add a mapping rule, or check the gateway URL's path"
        case .endpointNotFound(let method, let path):
            return "404 Not Found for \(method) \(path): the server has no such endpoint; check the gateway URL's path"
        case .methodNotAllowed(let method, let path):
            return "405 Method Not Allowed for \(method) \(path): the server does not accept \(method) there"
        case .rateLimited(let retryAfter, let message):
            let wait = retryAfter.map { "retry after \($0) s" } ?? "retry later"
            return "429 \(message): the application plan's rate limit is reached; \(wait) or ask for a larger plan"
        case .server(let status, let message, let type, _):
            let kind = type.map { " \($0)" } ?? ""
            return "\(status)\(kind): \(message)"
        case .http(let status, let reason, let firstLine):
            let detail = firstLine.map { ": \($0)" } ?? " (empty body)"
            return "\(status) \(reason)\(detail)"
        case .redirected(let status, let reason, let location):
            let target = location.map { "to \($0)" } ?? "without a Location"
            return "the gateway answered \(status) \(reason) \(target); maas does not follow redirects with credentials: "
                + "if you trust that server, use it as the gateway URL (maas login --gateway URL)"
        case .invalidResponse(let url, let reason):
            return "unexpected response from \(url): \(reason); is the gateway URL a vLLM (OpenAI-compatible) endpoint?"
        case .streamInterrupted(let tokens):
            return "the stream was cut after \(tokens) token\(tokens == 1 ? "" : "s") without [DONE]; the answer "
                + "above is incomplete"
        case .cancelled:
            return "cancelled"
        }
    }
}
