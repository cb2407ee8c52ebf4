import AsyncHTTPClient
import Foundation
@testable import HTTPSupport
import NIOCore
import NIOPosix
import NIOSSL
import Testing

/// The one transport mapper, fed what AsyncHTTPClient, NIO and NIOSSL really throw
/// against loopback servers that fail on purpose, through the client set-up both
/// clients use.
@Suite struct TransportFailureTests {
    @Test func refusedConnection() async throws {
        let failure = try await LoopbackServer.withClosedPort { port in
            try await failureOf(get("http://127.0.0.1:\(port)/"))
        }
        #expect(failure == .connectionFailed(reason: "connection refused"))
    }

    @Test func unknownHost() async throws {
        let failure = try await failureOf(get("http://no-such-host.invalid/"))
        #expect(failure == .hostNotFound)
    }

    @Test func readTimeout() async throws {
        try await LoopbackServer.with(.silent) { server in
            let failure = try await failureOf(get("http://127.0.0.1:\(server.port)/"), readTimeout: .milliseconds(200))
            #expect(failure == .timedOut(.read))
        }
    }

    @Test func deadlineExceeded() async throws {
        try await LoopbackServer.with(.silent) { server in
            let failure = try await failureOf(get("http://127.0.0.1:\(server.port)/", deadline: .milliseconds(200)))
            #expect(failure == .timedOut(.deadline))
        }
    }

    @Test func untrustedCertificate() async throws {
        try await LoopbackServer.with(.silent, tls: try TestCertificate.serverContext()) { server in
            let failure = try await failureOf(get("https://127.0.0.1:\(server.port)/"))
            #expect(failure == .tlsFailure(reason: "the server's certificate is not trusted"))
        }
    }

    @Test func trustedCertificateForAnotherHost() async throws {
        let caFile = try temporaryFile(TestCertificate.pem)
        defer { try? FileManager.default.removeItem(atPath: caFile) }
        try await LoopbackServer.with(.silent, tls: try TestCertificate.serverContext()) { server in
            let failure = try await failureOf(get("https://127.0.0.1:\(server.port)/"), caFile: caFile)
            #expect(failure == .tlsFailure(reason: "the certificate does not match the host name"))
        }
    }

    @Test func plainServerAtAnHTTPSURL() async throws {
        try await LoopbackServer.with(.answer(status: "400 Bad Request")) { server in
            let failure = try await failureOf(get("https://127.0.0.1:\(server.port)/"))
            #expect(failure == .tlsFailure(reason: "the server does not speak TLS (try http:// instead of https://)"))
        }
    }

    @Test func answerLargerThanCollected() async throws {
        try await LoopbackServer.with(.answer(bodySize: 4096)) { server in
            let failure = try await failureOf(get("http://127.0.0.1:\(server.port)/", collectUpTo: 1024))
            #expect(failure == .responseTooLarge)
        }
    }

    @Test func closedWithoutAnswer() async throws {
        try await LoopbackServer.with(.close) { server in
            let failure = try await failureOf(get("http://127.0.0.1:\(server.port)/"))
            #expect(failure == .connectionFailed(reason: "the server closed the connection without a response"))
        }
    }

    @Test func cancelledWhileWaiting() async throws {
        try await LoopbackServer.with(.silent) { server in
            let request = Task { try await failureOf(get("http://127.0.0.1:\(server.port)/")) }
            // Cancelled once the server holds the request, so the cancellation meets it in flight.
            var arrivals = server.arrivals.makeAsyncIterator()
            _ = await arrivals.next()
            request.cancel()
            let failure = try await request.value
            #expect(failure == .cancelled)
        }
    }

    /// Errors that loopback cannot produce on demand (a connect timeout needs a peer that
    /// drops packets; macOS's chain check reports no reason), given as the libraries make them.
    @Test(arguments: [
        (HTTPClientError.connectTimeout as any Error, TransportFailure.timedOut(.connect)),
        (HTTPClientError.tlsHandshakeTimeout, .timedOut(.connect)),
        (HTTPClientError.getConnectionFromPoolTimeout, .timedOut(.connect)),
        (HTTPClientError.cancelled, .cancelled),
        (CancellationError(), .cancelled),
        (HTTPClientError.emptyHost, .invalidURL(reason: "\(HTTPClientError.emptyHost)")),
        (IOError(errnoCode: ECONNRESET, reason: "read"), .connectionFailed(reason: "connection reset")),
        (IOError(errnoCode: EHOSTUNREACH, reason: "connect"), .connectionFailed(reason: "host unreachable")),
        (NIOSSLError.unableToValidateCertificate, .tlsFailure(reason: "the server's certificate is not trusted")),
        (NIOSSLExtraError.failedToValidateHostname, .tlsFailure(reason: "the certificate does not match the host name")),
        (TransportFailure.responseTooLarge, .responseTooLarge),
    ])
    func classifies(_ error: any Error, _ expected: TransportFailure) {
        #expect(TransportFailure(error) == expected)
    }

    @Test func anyOtherErrorKeepsItsOwnWords() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd failure" } }
        #expect(TransportFailure(Odd()) == .connectionFailed(reason: "odd failure"))
    }

    // MARK: Helpers

    /// A GET that reads the whole answer, as both clients do.
    private func get(_ url: String, deadline: Duration = .seconds(30), collectUpTo limit: Int = 1 << 20)
        -> @Sendable (HTTPClient) async throws -> Void
    {
        { client in
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: TimeAmount(deadline))
            _ = try await response.body.collect(upTo: limit)
        }
    }

    /// What `request` failed with through a client made by `TransportSettings`; nil if it succeeded.
    private func failureOf(
        _ request: @Sendable (HTTPClient) async throws -> Void, readTimeout: Duration = .seconds(30), caFile: String? = nil
    ) async throws -> TransportFailure? {
        let settings = TransportSettings(caFile: caFile, connectTimeout: .seconds(10), readTimeout: readTimeout)
        let client = try settings.makeClient()
        var failure: TransportFailure?
        do {
            try await request(client)
        } catch {
            failure = TransportFailure(error)
        }
        try? await client.shutdown()
        return failure
    }
}

/// A PEM file in the temporary folder; the caller removes it.
func temporaryFile(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("maas-http-\(UUID().uuidString).pem").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
