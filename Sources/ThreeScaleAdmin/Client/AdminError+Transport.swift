import HTTPSupport

extension AdminError {
    /// A failure below HTTP (read by HTTPSupport's one mapper) as an `AdminError` that
    /// names the URL. Errors that already are `AdminError`s pass through.
    /// - Parameter operation: what was asked ("Listing backends"), for an answer too large to read.
    static func transport(_ error: any Error, url: String, host: String, operation: String) -> AdminError {
        if let error = error as? AdminError { return error }
        let failure = TransportFailure(error)
        switch failure {
        case .cancelled: return .cancelled
        case .invalidURL(let reason): return .invalidURL(url, reason: reason)
        case .hostNotFound: return .hostNotFound(host: host, url: url)
        case .connectionFailed(let reason): return .connectionFailed(url: url, reason: reason)
        case .timedOut: return .timedOut(url: url)
        case .tlsFailure(let reason): return .tlsFailure(url: url, reason: reason)
        case .responseTooLarge: return .refusedAnswer(operation: operation, reason: failure.description)
        }
    }
}
