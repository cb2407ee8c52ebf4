import Foundation
import Testing
import Untrusted

@testable import ThreeScaleAdmin

/// What the admin client does with a server that answers like an attacker would.
@Suite("Admin client against a hostile server")
struct ClientHostileTests {
    func client(_ url: String) throws -> AdminClient {
        try AdminClient(configuration: AdminConfiguration(
            adminURL: url, accessToken: "tok3n", maxAttempts: 1, retryDelay: .milliseconds(5)))
    }

    @Test("a redirect to another origin is not followed: the token never arrives there, the error says where")
    func redirectIsNotFollowed() async throws {
        let elsewhere = try await ScriptedServer.start { _, _ in (200, #"{"backend_apis":[]}"#) }
        let target = elsewhere.url + "/admin/api/backend_apis.json"
        let server = try await ScriptedServer.start(replying: { _, _ in
            .init(status: 307, headers: [("Location", target)])
        })
        let admin = try client(server.url)
        let error = await #expect(throws: AdminError.self) { try await admin.listBackends() }
        #expect(error == .redirected(operation: "Listing backends", status: 307, reason: "Temporary Redirect", location: target))
        #expect(error?.description.contains("does not follow redirects") == true)
        #expect(elsewhere.requests.isEmpty)
        #expect(server.requests.count == 1)
        try await admin.shutdown()
        try await server.stop()
        try await elsewhere.stop()
    }

    @Test("a relative Location is shown absolute and without user-info")
    func relativeLocation() async throws {
        let server = try await ScriptedServer.start(replying: { _, _ in
            .init(status: 302, headers: [("Location", "/login")])
        })
        let port = try #require(URL(string: server.url)?.port)
        let admin = try client("http://alice:hunter2@127.0.0.1:\(port)")
        let error = await #expect(throws: AdminError.self) { try await admin.listBackends() }
        let message = try #require(error?.description)
        #expect(message.contains("302 Found to http://***@127.0.0.1:\(port)/login"))
        #expect(!message.contains("hunter2") && !message.contains("alice"))
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("an ActiveDoc URL, fetched without credentials, follows a bounded number of redirects")
    func documentRedirects() async throws {
        let server = try await ScriptedServer.start(replying: { request, _ in
            switch request.path {
            case "/moved": .init(status: 301, headers: [("Location", "/doc.json")])
            case "/doc.json": .init(status: 200, body: #"{"openapi":"3.0.0"}"#)
            default: .init(status: 302, headers: [("Location", "/loop")])
            }
        })
        let admin = try client(server.url)
        #expect(try await admin.fetchDocument(url: server.url + "/moved") == #"{"openapi":"3.0.0"}"#)
        let error = await #expect(throws: AdminError.self) { try await admin.fetchDocument(url: server.url + "/loop") }
        #expect(error?.description.contains("more than 5 redirects") == true)
        #expect(server.requests.count == 2 + 6)
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("a 401 with an endless body keeps its status; the client reads a prefix and hangs up")
    func endlessErrorBody() async throws {
        let server = try await ScriptedServer.start(replying: { _, _ in
            .init(status: 401, body: String(repeating: "x", count: 64 * 1024), endless: true)
        })
        let admin = try client(server.url)
        let error = await #expect(throws: AdminError.self) { try await admin.listBackends() }
        guard case .unexpectedStatus(let operation, 401, let body)? = error else {
            Issue.record("expected the 401, got \(String(describing: error))")
            return
        }
        #expect(operation == "Listing backends")
        #expect(body.count <= 201)
        var sent = server.endlessBodiesSent.makeAsyncIterator()
        let bytes = try #require(await sent.next())
        #expect(bytes < ScriptedServer.endlessLimit, "the client closed the connection instead of reading on")
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("JSON nested deeper than the limit is refused with a clear error, never a crash")
    func deepJSON() async throws {
        let deep = String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)
        let server = try await ScriptedServer.start { request, _ in
            request.path.hasPrefix("/admin/api/backend_apis/") ? (422, #"{"errors":"# + deep + "}") : (200, #"{"backend_apis":"# + deep + "}")
        }
        let admin = try client(server.url)
        await #expect(throws: AdminError.refusedAnswer(operation: "Listing backends", reason: "the server sent JSON nested deeper than 512 levels")) {
            try await admin.listBackends()
        }
        let error = await #expect(throws: AdminError.self) { try await admin.deleteBackend(id: 4) }
        guard case .unexpectedStatus(_, 422, _)? = error else {
            Issue.record("expected the 422, got \(String(describing: error))")
            return
        }
        #expect(JSONValue.parse(deep) == nil)
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("a password in the admin URL is never part of an error")
    func passwordInURL() async throws {
        let server = try await ScriptedServer.start { _, _ in (403, #"{"error":"Access denied"}"#) }
        let port = try #require(URL(string: server.url)?.port)
        let admin = try client("http://alice:hunter2@127.0.0.1:\(port)/")
        let denied = await #expect(throws: AdminError.self) { try await admin.listBackends() }
        #expect(denied == .accessDenied(url: "http://***@127.0.0.1:\(port)"))
        try await admin.shutdown()
        try await server.stop()
        for url in ["ftp://alice:hunter2@host", "http://alice:hunter2@host?q=1", "http://alice:hunter2@"] {
            let error = #expect(throws: AdminError.self) { try client(url) }
            #expect(error.map { !$0.description.contains("hunter2") && !$0.description.contains("alice") } == true, "\(url)")
        }
    }
}
