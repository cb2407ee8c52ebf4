import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns what AsyncHTTPClient and NIO throw into `GatewayError`s that name the URL.
enum TransportErrorMapper {
    /// - Parameter tokensReceived: nil before a stream started; during a stream, the
    ///   tokens received so far, and any broken connection is an interrupted stream.
    static func error(_ error: any Error, url: String, host: String, tokensReceived: Int?) -> GatewayError {
        if let error = error as? GatewayError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .timedOut(url: url, phase: .connect)
            case .readTimeout:
                return .timedOut(url: url, phase: .read)
            case .invalidURL, .emptyHost, .emptyScheme:
                return .invalidURL(url, reason: "\(error)")
            default:
                break
            }
        }
        if error is NIOTooManyBytesError {
            return .invalidResponse(url: url, reason: "the response is larger than the client accepts")
        }
        if let tokensReceived {
            return .streamInterrupted(tokensReceived: tokensReceived)
        }
        if let error = error as? HTTPClientError, error == .remoteConnectionClosed {
            return .connectionFailed(url: url, reason: "the server closed the connection without a response")
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty && (error.dnsAError != nil || error.dnsAAAAError != nil) {
                return .hostNotFound(host: host, url: url)
            }
            if let first = error.connectionErrors.first {
                return .connectionFailed(url: url, reason: reason(first.error))
            }
        }
        if let error = error as? IOError {
            return .connectionFailed(url: url, reason: reason(error))
        }
        // NIOSSL's error types are not imported here; their names are stable.
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("NIOSSL") || typeName.contains("BoringSSL") {
            return .tlsFailure(url: url, reason: tlsReason("\(error)"))
        }
        if typeName.contains("SocketAddressError") || "\(error)".contains("unknown host") {
            return .hostNotFound(host: host, url: url)
        }
        return .connectionFailed(url: url, reason: "\(error)")
    }

    /// BoringSSL's messages are long codes; the common ones get plain words.
    private static func tlsReason(_ description: String) -> String {
        if description.contains("CERTIFICATE_VERIFY_FAILED") || description.contains("unableToValidateCertificate") {
            return "the server's certificate is not trusted"
        }
        if description.contains("WRONG_VERSION_NUMBER") || description.contains("PACKET_LENGTH_TOO_LONG") {
            return "the server does not speak TLS (try http:// instead of https://)"
        }
        if description.contains("failedToValidateHostname") {
            return "the certificate does not match the host name"
        }
        return description
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? IOError else { return "\(error)" }
        switch error.errnoCode {
        case ECONNREFUSED: return "connection refused"
        case ECONNRESET: return "connection reset"
        case EHOSTUNREACH, ENETUNREACH: return "host unreachable"
        case ETIMEDOUT: return "connection timed out"
        default: return String(cString: strerror(error.errnoCode))
        }
    }
}
