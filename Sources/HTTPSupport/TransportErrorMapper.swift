import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TransportFailure {
    /// Reads what AsyncHTTPClient, NIO and NIOSSL throw. The one mapper of both clients:
    /// the same failure reads the same whichever client met it.
    public init(_ error: any Error) {
        self = Self.classify(error)
    }

    private static func classify(_ error: any Error) -> TransportFailure {
        if let failure = error as? TransportFailure { return failure }
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError, let failure = classify(error) { return failure }
        if error is NIOTooManyBytesError { return .responseTooLarge }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty && (error.dnsAError != nil || error.dnsAAAAError != nil) {
                return .hostNotFound
            }
            if let first = error.connectionErrors.first { return classify(first.error) }
        }
        if error is SocketAddressError.UnknownHost || error is SocketAddressError { return .hostNotFound }
        if let error = error as? IOError { return .connectionFailed(reason: reason(errno: error.errnoCode)) }
        if let reason = tlsReason(error) { return .tlsFailure(reason: reason) }
        return .connectionFailed(reason: "\(error)")
    }

    private static func classify(_ error: HTTPClientError) -> TransportFailure? {
        switch error {
        case .cancelled: .cancelled
        case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout: .timedOut(.connect)
        case .readTimeout: .timedOut(.read)
        case .deadlineExceeded: .timedOut(.deadline)
        case .remoteConnectionClosed: .connectionFailed(reason: "the server closed the connection without a response")
        case .invalidURL, .emptyHost, .emptyScheme: .invalidURL(reason: "\(error)")
        default: nil
        }
    }

    /// BoringSSL's messages are long codes; the common ones get plain words. nil when
    /// the error is not NIOSSL's.
    private static func tlsReason(_ error: any Error) -> String? {
        switch error {
        case let error as NIOSSLExtraError:
            if error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch {
                return "the certificate does not match the host name"
            }
            return "\(error)"
        case let error as NIOSSLError:
            // macOS checks the chain with the Security framework, which reports no reason.
            if error == .unableToValidateCertificate { return notTrusted }
            return boringSSLReason("\(error)")
        case let error as BoringSSLError:
            return boringSSLReason("\(error)")
        default:
            return nil
        }
    }

    private static let notTrusted = "the server's certificate is not trusted"

    private static func boringSSLReason(_ description: String) -> String {
        if description.contains("CERTIFICATE_VERIFY_FAILED") { return notTrusted }
        if description.contains("WRONG_VERSION_NUMBER") || description.contains("PACKET_LENGTH_TOO_LONG") {
            return "the server does not speak TLS (try http:// instead of https://)"
        }
        return description
    }

    private static func reason(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET: "connection reset"
        case EHOSTUNREACH, ENETUNREACH: "host unreachable"
        case ETIMEDOUT: "connection timed out"
        default: String(cString: strerror(code))
        }
    }
}
