extension GatewayError {
    /// The HTTP status the gateway answered with; nil when no response came (refused,
    /// timed out, cut, cancelled), so a log or an `expect status` can tell the two apart.
    public var status: Int? {
        switch self {
        case .authenticationMissing(let status), .authenticationFailed(let status):
            return status
        case .noMappingRule, .endpointNotFound:
            return 404
        case .methodNotAllowed:
            return 405
        case .rateLimited:
            return 429
        case .server(let status, _, _, _), .http(let status, _, _), .redirected(let status, _, _):
            return status
        case .invalidURL, .invalidCAFile, .connectionFailed, .hostNotFound, .timedOut, .tlsFailure,
            .invalidResponse, .streamInterrupted, .cancelled:
            return nil
        }
    }
}
