import ModelGateway

/// How failed requests are grouped in a report: by HTTP status where there is one
/// (what an admin compares with the gateway's logs and the plan's limits), else by
/// what went wrong on the way.
public enum FailureKind {
    public static func label(for error: GatewayError) -> String {
        switch error {
        case .authenticationMissing(let status), .authenticationFailed(let status):
            return String(status)
        case .noMappingRule, .endpointNotFound:
            return "404"
        case .methodNotAllowed:
            return "405"
        case .rateLimited:
            return "429"
        case .redirected(let status, _, _):
            return String(status)
        case .server(let status, _, _, _), .http(let status, _, _):
            // vLLM reports failures inside a 200 stream too: that is not a status to blame.
            return (200..<300).contains(status) ? "error in stream" : String(status)
        case .connectionFailed:
            return "connection failed"
        case .hostNotFound:
            return "host not found"
        case .timedOut(_, let phase):
            return "\(phase.rawValue) timeout"
        case .tlsFailure:
            return "TLS failure"
        case .invalidResponse:
            return "invalid response"
        case .streamInterrupted:
            return "stream cut"
        case .invalidURL, .invalidCAFile:
            return "configuration"
        case .cancelled:
            return "cancelled"
        }
    }
}
