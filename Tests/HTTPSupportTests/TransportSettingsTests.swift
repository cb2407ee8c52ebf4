import AsyncHTTPClient
import Foundation
@testable import HTTPSupport
import NIOCore
import Testing

/// The client set-up both clients share: trust, redirects, timeouts.
@Suite struct TransportSettingsTests {
    @Test func unreadableCAFileIsRefusedUpFront() {
        let settings = TransportSettings(caFile: "/nonexistent/ca.pem", connectTimeout: .seconds(1), readTimeout: .seconds(1))
        #expect(throws: TransportSettings.InvalidCAFile(path: "/nonexistent/ca.pem", reason: "cannot read it")) {
            try settings.makeClient()
        }
    }

    @Test func caFileWithoutACertificateIsRefusedUpFront() throws {
        let path = try temporaryFile("not a certificate")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let settings = TransportSettings(caFile: path, connectTimeout: .seconds(1), readTimeout: .seconds(1))
        #expect(throws: TransportSettings.InvalidCAFile(path: path, reason: "no PEM certificate in it")) {
            try settings.makeClient()
        }
    }

    @Test func insecureTLSSkipsTheCertificateCheck() async throws {
        try await LoopbackServer.with(.answer(bodySize: 2), tls: try TestCertificate.serverContext()) { server in
            let status = try await status(of: "https://127.0.0.1:\(server.port)/", .init(
                insecureTLS: true, connectTimeout: .seconds(10), readTimeout: .seconds(30)))
            #expect(status == 200)
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        try await LoopbackServer.with(.answer(status: "302 Found", headers: ["location: http://127.0.0.1:1/elsewhere"])) {
            server in
            let status = try await status(of: "http://127.0.0.1:\(server.port)/", .init(
                connectTimeout: .seconds(10), readTimeout: .seconds(30)))
            #expect(status == 302)
        }
    }

    @Test func hugeDurationsAreClampedNotTrapped() throws {
        let settings = TransportSettings(connectTimeout: .seconds(Int64.max), readTimeout: .seconds(Int64.max))
        let timeout = try settings.configuration().timeout
        #expect(timeout.connect == .nanoseconds(Int64.max))
        #expect(timeout.read == .nanoseconds(Int64.max))
    }

    private func status(of url: String, _ settings: TransportSettings) async throws -> UInt {
        let client = try settings.makeClient()
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
            try await client.shutdown()
            return response.status.code
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
