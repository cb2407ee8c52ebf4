import Foundation
import Hummingbird
import HummingbirdTLS
import HummingbirdTesting
import Logging
import ModelGateway
import Testing
import SandboxModel

/// The client against an HTTPS model server with a self-signed certificate
/// (CN "maas test CA", SAN 127.0.0.1 and localhost, valid for 100 years).
@Suite struct TLSTests {
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBojCCAUegAwIBAgIUfzFxItTcBhPNN18N/6ZRZgQjk50wCgYIKoZIzj0EAwIw
        FzEVMBMGA1UEAwwMbWFhcyB0ZXN0IENBMCAXDTI2MTEyNzA5MTI0MVoYDzIxMjYx
        MTAzMDkxMjQxWjAXMRUwEwYDVQQDDAxtYWFzIHRlc3QgQ0EwWTATBgcqhkjOPQIB
        BggqhkjOPQMBBwNCAARS5SaPopRlzYzD61TM0gQWqB1WCB55lbVsNlGtpZrwfn7X
        SSB5Mu6VF2GxWf8S4gI/HaBnHf4t2AwGbNTfBca9o28wbTAdBgNVHQ4EFgQUa5su
        XV6G+zAFQdBXO+zJ9CeI9tYwHwYDVR0jBBgwFoAUa5suXV6G+zAFQdBXO+zJ9CeI
        9tYwGgYDVR0RBBMwEYIJbG9jYWxob3N0hwR/AAABMA8GA1UdEwEB/wQFMAMBAf8w
        CgYIKoZIzj0EAwIDSQAwRgIhAI8t5pzQ8glGCJZrbyXE2VZmyX/saKcebMqLL2F3
        u2XFAiEA6a8t2PkkyRbiu6SImj9uf0U0l16hUndgHURwmvWGSdA=
        -----END CERTIFICATE-----
        """

    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1ooNCpptc+s+rc2f
        xXHvJoNDeu7SPIAb+TCDfb1p4XShRANCAARS5SaPopRlzYzD61TM0gQWqB1WCB55
        lbVsNlGtpZrwfn7XSSB5Mu6VF2GxWf8S4gI/HaBnHf4t2AwGbNTfBca9
        -----END PRIVATE KEY-----
        """

    /// Runs the sandbox model over TLS on loopback; `body` gets the https base URL.
    func withTLSServer(_ body: @Sendable (String) async throws -> Void) async throws {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(Self.certificate.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(Self.privateKey.utf8), format: .pem))
        )
        tls.applicationProtocols = ["http/1.1"]
        let app = Application(
            router: ModelService.router(.init()),
            server: try .tls(tlsConfiguration: tls),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: Logger(label: "TLSTests") { _ in SwiftLogNoOpLogHandler() }
        )
        try await app.test(.live) { client in
            try await body("https://127.0.0.1:\(try #require(client.port))")
        }
    }

    @Test func untrustedCertificateIsATLSFailure() async throws {
        try await withTLSServer { baseURL in
            try await withClient(.init(baseURL: baseURL)) { client in
                let error = await gatewayError { _ = try await client.models() }
                #expect(error == .tlsFailure(url: baseURL + "/v1/models", reason: "the server's certificate is not trusted"))
            }
        }
    }

    @Test func caFileMakesTheCertificateTrusted() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("maas-test-ca-\(UUID().uuidString).pem")
        try Self.certificate.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withTLSServer { baseURL in
            try await withClient(.init(baseURL: baseURL, caFile: file.path)) { client in
                let models = try await client.models()
                #expect(models.map(\.id) == ["tinyllama/tinyllama-1.1b-chat-v1.0"])
            }
        }
    }

    @Test func insecureTLSSkipsVerification() async throws {
        try await withTLSServer { baseURL in
            try await withClient(.init(baseURL: baseURL, insecureTLS: true)) { client in
                let (events, error) = await drain(
                    try await client.streamChat(.init(model: "tinyllama/tinyllama-1.1b-chat-v1.0", messages: [.user("hi")])))
                #expect(error == nil)
                #expect(!events.text.isEmpty)
            }
        }
    }
}
