import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Names a hostile developer or admin gives objects on the server reach `maas` output
/// with no escape sequence or control character, while `-o json` keeps them exact.
@Suite(.serialized) struct HostileTextTests {
    static let orgName = "Evil\u{1B}]52;c;cm0gLXJmIH4K\u{07}Corp\u{1B}[2J\u{9B}31m"
    static let backendName = "nul\u{0}bel\u{7}esc\u{1B}[1A\nsecond line"

    /// The C0 controls but newline and tab, DEL and the C1 controls in `text`.
    static func controls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || (0x7F...0x9F).contains($0) }
    }

    /// A form POST straight to the sandbox's admin API, as a developer portal signup would arrive.
    static func post(_ path: String, _ form: [String: String], sandbox: SandboxProcess) async throws -> Int {
        var components = URLComponents()
        components.queryItems = (form.merging(["access_token": sandbox.accessToken]) { $1 }).map { URLQueryItem(name: $0, value: $1) }
        var request = URLRequest(url: try #require(URL(string: sandbox.adminURL + path)))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        // URLComponents leaves `+` as is, which a form decoder reads as a space.
        request.httpBody = Data((components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func hostileNamesFromTheAdminAPIPrintClean() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            #expect(try await Self.post("/admin/api/signup.json", ["org_name": Self.orgName, "username": "evil"], sandbox: sandbox) == 201)
            #expect(try await Self.post("/admin/api/backend_apis.json", ["name": Self.backendName, "private_endpoint": "http://127.0.0.1:1/"],
                                        sandbox: sandbox) == 201)

            let accounts = try await fixture.run(["account", "list"])
            #expect(accounts.status == 0, "\(accounts.err)")
            #expect(!accounts.out.contains("\u{1B}"))
            #expect(Self.controls(in: accounts.out) == [], "\(accounts.out.debugDescription)")
            #expect(accounts.out.contains("EvilCorp"))

            let backends = try await fixture.run(["backend", "list"])
            #expect(backends.status == 0, "\(backends.err)")
            #expect(Self.controls(in: backends.out) == [], "\(backends.out.debugDescription)")
            #expect(backends.out.contains("nul␀bel␇esc⏎second line"))

            // A shown account goes through the same output, and so does an error naming it.
            let shown = try await fixture.run(["account", "show", Self.orgName])
            #expect(Self.controls(in: shown.out + shown.err) == [], "\(shown.out.debugDescription)")

            // JSON stays exact: the encoder escapes what the terminal must not see.
            let json = try await fixture.run(["account", "list", "-o", "json"])
            #expect(Self.controls(in: json.out) == [])
            struct Row: Decodable { var org_name: String? }
            let rows = try JSONDecoder().decode([Row].self, from: Data(json.out.utf8))
            #expect(rows.contains { $0.org_name == Self.orgName })
        }
    }
}
