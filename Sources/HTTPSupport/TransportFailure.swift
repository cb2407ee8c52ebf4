/// What went wrong below HTTP, in the words both clients use. Each client wraps it into
/// its own error type, with the URL it was talking to and what to do about it.
public enum TransportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The caller cancelled the request (Ctrl-C, or a task group ending).
    case cancelled
    /// AsyncHTTPClient refused the URL before connecting.
    case invalidURL(reason: String)
    /// The host name does not resolve.
    case hostNotFound
    /// No connection, or one that broke before the answer: refused, reset, unreachable,
    /// closed by the server.
    case connectionFailed(reason: String)
    case timedOut(TimeoutPhase)
    /// The TLS handshake or the check of the server's certificate failed.
    case tlsFailure(reason: String)
    /// The answer is larger than the caller collects.
    case responseTooLarge

    public enum TimeoutPhase: String, Sendable, Equatable {
        /// No connection (TCP and TLS) within the connect timeout.
        case connect
        /// Silence longer than the read timeout.
        case read
        /// The whole request took longer than the deadline the caller gave.
        case deadline
    }

    public var description: String {
        switch self {
        case .cancelled: "cancelled"
        case .invalidURL(let reason): "invalid URL: \(reason)"
        case .hostNotFound: "the host name does not resolve"
        case .connectionFailed(let reason): reason
        case .timedOut(.connect): "no connection within the connect timeout"
        case .timedOut(.read): "nothing received within the read timeout"
        case .timedOut(.deadline): "no complete answer within the time allowed"
        case .tlsFailure(let reason): reason
        case .responseTooLarge: "the response is larger than the client accepts"
        }
    }
}
