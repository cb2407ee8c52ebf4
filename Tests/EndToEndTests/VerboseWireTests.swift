import Foundation
import Testing

/// `-v` and `-vv` on every verb that sends a secret, against `maas sandbox -vv`: the admin
/// token and three keys (in Authorization, in a custom header, in a query parameter) never
/// show, in maas's output or in the sandbox's log, while the names that carry them do.
@Suite(.serialized) struct VerboseWireTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What the log must never show, by what it is (a failure names the kind, never the value).
    struct Secrets {
        var values: [(kind: String, value: String)] = []

        func leaked(in text: String) -> [String] {
            values.filter { text.contains($0.value) }.map(\.kind)
        }
    }

    /// One run of maas: its status must be 0 and nothing it prints may hold a secret.
    struct Runner {
        let fixture: Fixture
        let secrets: Secrets
        let environment: [String: String]

        @discardableResult
        func run(_ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
            async throws -> (out: String, err: String)
        {
            let result = try await fixture.run(arguments, stdin: stdin, extraEnvironment: environment)
            let shown = arguments.joined(separator: " ")
            let leaks = secrets.leaked(in: result.out + result.err)
            #expect(leaks.isEmpty, "maas \(shown) showed the \(leaks.joined(separator: ", "))", sourceLocation: sourceLocation)
            let reason = leaks.isEmpty ? result.err.split(separator: "\n").last { !$0.hasPrefix("debug: ") && !$0.hasPrefix("info: ") } : nil
            #expect(result.status == 0, "maas \(shown) failed: \(reason ?? "")", sourceLocation: sourceLocation)
            return (result.out, result.err)
        }
    }

    @Test func noVerbShowsASecretAtEitherLevel() async throws {
        let log = Pipe()
        let sandbox = try await SandboxProcess.start(arguments: ["-vv"], errors: log)
        let sandboxLog = Task { await ChildProcess.readToEnd(log) }
        let fixture = try Fixture()
        for file in ["llama70b.yaml", "llama70b-chat.json"] {
            try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("examples/\(file)").path,
                                             toPath: fixture.work + "/" + file)
        }
        var secrets = Secrets(values: [("admin token", sandbox.accessToken)])
        let setup = Runner(fixture: fixture, secrets: secrets, environment: ["MODEL_URL": sandbox.modelURL])
        try await setup.run(["admin", "login", "--url", sandbox.adminURL, "--token", sandbox.accessToken])

        // Three products, each reading the key elsewhere; an application of user1 on each, saved as a profile.
        let products = [("bearer", [String]()), ("header", ["--auth", "header:X-Api-Key"]), ("query", ["--auth", "query:cred"])]
        try await setup.run(["backend", "create", "llama", "--url", sandbox.modelURL])
        for (name, auth) in products {
            try await setup.run(["product", "create", name, "--backend", "llama", "--preset", "vllm"] + auth)
            try await setup.run(["promote", name])
            try await setup.run(["subscribe", "user1", name])
            // -vv on the call whose answer holds the new key (user_key) and the one that tries it on the gateway.
            let created = try await setup.run(["-vv", "app", "create", "user1", name, "--name", "app-\(name)", "--save-profile", name])
            #expect(created.err.contains(#""user_key":"***""#) && created.err.contains("debug: > Authorization: Basic ***"))
            let profile = try await fixture.run(["profile", "show", name, "--reveal", "-o", "json"]).out
            let settings = try #require(try JSONSerialization.jsonObject(with: Data(profile.utf8)) as? [String: Any])
            let key = try #require(settings["api-key"] as? String)
            #expect(!(created.out + created.err).contains(key), "app create showed the new \(name) key")
            secrets.values.append(("\(name) key", key))
        }
        #expect(try await fixture.run(["profile", "show", "header"]).out.contains("auth-header: X-Api-Key"))
        #expect(try await fixture.run(["profile", "show", "query"]).out.contains(/auth-query: +cred/))

        let runner = Runner(fixture: fixture, secrets: secrets, environment: ["MODEL_URL": sandbox.modelURL])
        let consumerVerbs: [(arguments: [String], stdin: String?)] = [
            (["models"], nil),
            (["complete", "San Francisco is a", "--max-tokens", "4", "--stream"], nil),
            (["complete", "San Francisco is a", "--max-tokens", "4", "--no-stream"], nil),
            (["-c", "chat 'Hello there' --max-tokens 4"], nil),
            ([], "chat --max-tokens 4\nHello there\nAnd again\nend\n"),
            (["health"], nil),
            (["bench", "--requests", "2", "--max-tokens", "4"], nil),
        ]
        // Where each profile's key goes, as -vv shows it.
        let carriers = ["bearer": "debug: > authorization: Bearer ***", "header": "debug: > X-Api-Key: ***", "query": "?cred=***"]
        for level in ["-v", "-vv"] {
            for (name, _) in products {
                for verb in consumerVerbs {
                    let (_, err) = try await runner.run([level, "--profile", name] + verb.arguments, stdin: verb.stdin)
                    #expect(err.contains("info: "), "\(name) \(verb.arguments)")
                    #expect(err.contains("debug: ") == (level == "-vv"))
                    if level == "-vv" { #expect(err.contains(carriers[name]!), "\(name) \(verb.arguments)") }
                }
            }
            let adminVerbs: [[String]] = [
                ["backend", "list"], ["backend", "show", "llama"], ["product", "list"], ["product", "show", "bearer"],
                ["app", "list"], ["app", "show", "app-bearer"], ["apply", "-f", "llama70b.yaml", "--dry-run"],
                ["export", "product", "bearer"],
            ]
            for verb in adminVerbs {
                let (_, err) = try await runner.run([level, "--profile", "default"] + verb)
                #expect(err.contains("info: GET \(sandbox.adminURL)/admin/api/"), "\(verb)")
                if level == "-vv" { #expect(err.contains("debug: > Authorization: Basic ***"), "\(verb)") }
            }
            // A new application's key, in the admin API's answer and on its first gateway call.
            let created = try await runner.run([level, "--profile", "default", "app", "create", "user1", "bearer", "--name", "app\(level)"])
            #expect(created.err.contains("POST \(sandbox.adminURL)/admin/api/accounts/"))
            if level == "-vv" { #expect(created.err.contains(#""user_key":"***""#)) }
        }

        // The sandbox logged every request and each gateway decision, with no secret either.
        await sandbox.stop()
        let logged = String(decoding: await sandboxLog.value, as: UTF8.self)
        let leaks = secrets.leaked(in: logged)
        #expect(leaks.isEmpty, "the sandbox's log showed the \(leaks.joined(separator: ", "))")
        // (Checked as booleans: a failure must not print the log.)
        for carrier in ["debug: > authorization: Bearer *** listener=production", "debug: > X-Api-Key: *** listener=production",
                        "/v1/models?cred=*** 200", "debug: > Authorization: Basic *** listener=admin",
                        "info: production gateway GET /v1/models: rule GET /v1/models (models +1); no limits on the plan; upstream 200 in "] {
            let found = logged.contains(carrier)
            #expect(found, "the sandbox's log has no '\(carrier)'")
        }
    }
}
