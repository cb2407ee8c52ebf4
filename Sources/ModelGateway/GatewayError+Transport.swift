import HTTPSupport

extension GatewayError {
    /// A failure below HTTP (read by HTTPSupport's one mapper) as a `GatewayError` that
    /// names the URL. Errors that already are `GatewayError`s pass through.
    /// - Parameter tokensReceived: nil before a stream started; during a stream, the
    ///   tokens received so far, and any broken connection is an interrupted stream.
    static func transport(_ error: any Error, url: String, host: String, tokensReceived: Int?) -> GatewayError {
        if let error = error as? GatewayError { return error }
        let failure = TransportFailure(error)
        switch failure {
        case .cancelled:
            return .cancelled
        case .invalidURL(let reason):
            return .invalidURL(url, reason: reason)
        case .timedOut(.connect):
            return .timedOut(url: url, phase: .connect)
        case .timedOut(.read), .timedOut(.deadline):
            // The client sets no deadline (a stream may run for minutes): the read
            // timeout is its only limit on waiting.
            return .timedOut(url: url, phase: .read)
        case .responseTooLarge:
            return .invalidResponse(url: url, reason: failure.description)
        case .hostNotFound, .connectionFailed, .tlsFailure:
            if let tokensReceived { return .streamInterrupted(tokensReceived: tokensReceived) }
            if case .tlsFailure(let reason) = failure { return .tlsFailure(url: url, reason: reason) }
            if failure == .hostNotFound { return .hostNotFound(host: host, url: url) }
            return .connectionFailed(url: url, reason: failure.description)
        }
    }
}
