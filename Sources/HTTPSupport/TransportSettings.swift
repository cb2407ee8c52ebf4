import AsyncHTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import NIOPosix

/// How both clients talk HTTP: trust, timeouts and the rules every credentialed client
/// keeps (no redirects, no silent connection retries).
public struct TransportSettings: Sendable, Equatable {
    /// PEM file of extra trusted CA certificates (a cluster's router CA).
    public var caFile: String?
    /// Skips certificate verification. For test clusters only; the shell warns once.
    public var insecureTLS: Bool
    /// Limit on establishing a connection, TLS handshake included.
    public var connectTimeout: Duration
    /// Limit on silence: before the first byte of an answer and between two chunks.
    public var readTimeout: Duration
    /// Connections kept open to one host at once; nil keeps AsyncHTTPClient's default (8).
    public var maxConnections: Int?

    public init(
        caFile: String? = nil, insecureTLS: Bool = false, connectTimeout: Duration, readTimeout: Duration,
        maxConnections: Int? = nil
    ) {
        self.caFile = caFile
        self.insecureTLS = insecureTLS
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxConnections = maxConnections
    }

    /// A CA file that cannot be used, found before any connection is made.
    public struct InvalidCAFile: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// Starts the event loops every client runs on: a one-shot verb calls this first, so
    /// that their threads start on the other core while its arguments are parsed.
    public static func startEventLoops() {
        _ = MultiThreadedEventLoopGroup.singleton
    }

    /// A client with these settings; the caller shuts it down.
    ///
    /// It runs on NIO's POSIX event loops on every platform (AsyncHTTPClient would pick
    /// Network.framework on macOS), so TLS is NIOSSL's everywhere and `TransportFailure`
    /// sees the same error types on Linux and macOS.
    public func makeClient() throws(InvalidCAFile) -> HTTPClient {
        HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: try configuration())
    }

    func configuration() throws(InvalidCAFile) -> HTTPClient.Configuration {
        var http = HTTPClient.Configuration(certificateVerification: insecureTLS ? .none : .fullVerification)
        if let caFile {
            try Self.check(caFile: caFile)
            http.tlsConfiguration?.additionalTrustRoots = [.file(caFile)]
        }
        // NIOCore's conversion clamps a huge Duration instead of trapping.
        http.timeout = .init(connect: TimeAmount(connectTimeout), read: TimeAmount(readTimeout))
        // Requests carry an API key or access token, and AsyncHTTPClient keeps custom
        // headers across origins: a followed redirect would hand it to wherever the
        // server points. Each client turns a 3xx into an error that says where.
        http.redirectConfiguration = .disallow
        // "Connection refused" is reported at once rather than retried until the
        // connect timeout; the clients decide about retries themselves.
        http.connectionPool.retryConnectionEstablishment = false
        if let maxConnections {
            http.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConnections)
        }
        return http
    }

    private static func check(caFile path: String) throws(InvalidCAFile) {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw InvalidCAFile(path: path, reason: "cannot read it")
        }
        guard String(decoding: contents, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw InvalidCAFile(path: path, reason: "no PEM certificate in it")
        }
    }
}
