import Foundation
import Testing
import LoopbackSockets

/// The admin verbs, `apply -f` and the lab, run by the binary against an in-process sandbox.
@Suite(.serialized) struct AdminVerbTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh sandbox and a fixture whose current profile is its admin portal.
    static func withSandbox(_ body: (Fixture, SandboxProcess) async throws -> Void) async throws {
        let sandbox = try await SandboxProcess.start()
        do {
            let fixture = try Fixture()
            let login = try await fixture.run(["admin", "login", "--url", sandbox.adminURL, "--token", sandbox.accessToken])
            #expect(login.status == 0)
            try await body(fixture, sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    func copyExamples(to fixture: Fixture) throws {
        for name in ["llama70b.yaml", "llama70b.maas", "llama70b-chat.json"] {
            try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("examples/\(name)").path,
                                             toPath: fixture.work + "/" + name)
        }
    }

    /// How many of each object the lab makes, read with the `-o json` list verbs.
    static func labCounts(_ fixture: Fixture) async throws -> [String: Int] {
        let listings: [String: [String]] = [
            "backends": ["backend", "list"], "products": ["product", "list"], "docs": ["doc", "list"], "apps": ["app", "list"],
            "plans": ["product", "plans", "list", "llama70b"], "rules": ["product", "rules", "list", "llama70b"],
            "methods": ["product", "methods", "list", "llama70b"], "policies": ["product", "policies", "list", "llama70b"],
        ]
        var counts: [String: Int] = [:]
        for (name, arguments) in listings {
            let listed = try await fixture.run(arguments + ["-o", "json"])
            #expect(listed.status == 0, "\(arguments.joined(separator: " ")): \(listed.err)")
            counts[name] = try #require(try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [Any]).count
        }
        return counts
    }

    /// The key saved in profile `llama70b` (kept out of test output: compare it, never print it).
    static func savedKey(_ fixture: Fixture) async throws -> String {
        let shown = try await fixture.run(["profile", "show", "llama70b", "--reveal", "-o", "json"])
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
        return try #require(profile["api-key"] as? String)
    }

    @Test func theLabScriptRunsTwiceAndLeavesTheSameState() async throws {
        try await Self.withSandbox { fixture, sandbox in
            try copyExamples(to: fixture)
            let env = ["MODEL_URL": sandbox.modelURL]
            // Run with the admin profile pinned: the profile the script saves is current from then on,
            // so `models`, `complete` and `chat` use its gateway and key.
            let first = try await fixture.run(["--profile", "default", "-f", "llama70b.maas"], extraEnvironment: env)
            #expect(first.status == 0, "\(first.err)")
            #expect(first.out.contains("promoted: staging v"))
            #expect(first.out.contains("'llama70b' saved and now current"))
            #expect(first.out.contains("MAX-CONTEXT") && first.out.contains(sandbox.modelName))
            let whoami = try await fixture.run(["whoami"])
            #expect(whoami.out.contains("profile:     llama70b"))
            let counts = try await Self.labCounts(fixture)
            #expect(counts["backends"] ?? 0 >= 1 && counts["rules"] == 8 && counts["apps"] == 1, "\(counts)")
            let key = try await Self.savedKey(fixture)

            // The second run keeps everything, says so, and ends as the first did.
            let again = try await fixture.run(["llama70b.maas"], extraEnvironment: env)
            #expect(again.status == 0, "\(again.err)")
            for kept in ["backend llama70b", "product llama70b", "API doc llama70b", "application 'LLama70B app' of user1 for llama70b"] {
                #expect(again.out.contains("\(kept)") && again.out.contains("exists with the same settings; kept"), "\(kept): \(again.out)")
            }
            #expect(again.out.split(separator: "\n").filter { $0.hasSuffix("exists with the same settings; kept") }.count == 4)
            #expect(again.out.contains("production was already current"))
            #expect(!again.out.contains("created ") && !again.out.contains("✓ "))
            #expect(again.out.contains("'llama70b' saved and now current") && again.out.contains(sandbox.modelName))
            #expect(try await Self.labCounts(fixture) == counts)
            let sameKey = try await Self.savedKey(fixture) == key
            #expect(sameKey, "the second run saved another key")

            // Another setting with --exist-ok stops the create, naming it; without --exist-ok, what exists is refused.
            let moved = try await fixture.run(
                ["backend", "create", "LLama70B", "--system-name", "llama70b", "--url", "http://127.0.0.1:9", "--exist-ok"])
            #expect(moved.status == 1)
            #expect(moved.err.contains(
                "backend llama70b exists with other settings (private_endpoint: '\(sandbox.modelURL)' → 'http://127.0.0.1:9')"), "\(moved.err)")
            let plan = try await fixture.run(["product", "plans", "add", "llama70b", "Standard Plan", "--hidden", "--exist-ok"])
            #expect(plan.status == 1 && plan.err.contains("(state: published → hidden)"), "\(plan.err)")
            let plain = try await fixture.run(["backend", "create", "LLama70B", "--system-name", "llama70b", "--url", sandbox.modelURL])
            #expect(plain.status == 1 && plain.err.contains("backend llama70b already exists: add --exist-ok"), "\(plain.err)")
            #expect(try await Self.labCounts(fixture) == counts)
        }
    }

    @Test func applyConvergesAndPlansExactlyTheChanges() async throws {
        try await Self.withSandbox { fixture, sandbox in
            try copyExamples(to: fixture)
            let env = ["MODEL_URL": sandbox.modelURL]
            let dry = try await fixture.run(["apply", "-f", "llama70b.yaml", "--dry-run"], extraEnvironment: env)
            #expect(dry.status == 0 && dry.out.contains("dry run: nothing was changed"))
            let listedJSON = try await fixture.run(["product", "list", "-o", "json"]).out
            let listed = try await fixture.run(["product", "list"]).out
            #expect(listedJSON.contains("[\n\n]") || !listed.contains("llama70b"))
            let apply = try await fixture.run(["apply", "-f", "llama70b.yaml"], extraEnvironment: env)
            #expect(apply.status == 0, "\(apply.err)")
            let second = try await fixture.run(["apply", "-f", "llama70b.yaml"], extraEnvironment: env)
            #expect(second.out.contains("nothing to do"))
            // One rule less and one policy more: exactly two changes.
            var changed = try String(contentsOfFile: fixture.work + "/llama70b.yaml", encoding: .utf8)
            changed = changed.replacingOccurrences(of: "    - httpMethod: GET\n      increment: 1\n      metricMethodRef: version\n      pattern: /version\n", with: "")
            changed = changed.replacingOccurrences(of: "  policies:\n", with: "  policies:\n    - configuration: {}\n      enabled: true\n      name: echo\n      version: builtin\n")
            try changed.write(toFile: fixture.work + "/changed.yaml", atomically: true, encoding: .utf8)
            let plan = try await fixture.run(["apply", "-f", "changed.yaml", "--dry-run", "-o", "json"], extraEnvironment: env)
            // The two changes, then the file's ProxyConfigPromote publishes them.
            let summaries = plan.out.split(separator: "\n").filter { $0.contains("\"summary\"") }
            #expect(summaries.count == 4, "\(summaries)")
            #expect(summaries[0].contains("delete mapping rule GET /version"))
            #expect(summaries[1].contains("echo"))
            #expect(summaries[2].contains("deploy") && summaries[3].contains("promote"))
            // export → apply plans nothing.
            let exported = try await fixture.run(["export", "product", "llama70b", "--with-backends"])
            #expect(exported.status == 0 && exported.out.contains("kind: Product"))
            try exported.out.write(toFile: fixture.work + "/exported.yaml", atomically: true, encoding: .utf8)
            let roundTrip = try await fixture.run(["apply", "-f", "exported.yaml"])
            #expect(roundTrip.out.contains("nothing to do"), "\(roundTrip.out)\(roundTrip.err)")
        }
    }

    @Test func exportToAFullDiskFailsAndSaysSo() async throws {
        try await Self.withSandbox { fixture, sandbox in
            #expect(try await fixture.run(["backend", "create", "Model", "--url", sandbox.modelURL]).status == 0)
            #expect(try await fixture.run(["product", "create", "Chat", "--backend", "model", "--preset", "vllm"]).status == 0)
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let export = try await fixture.run(["export", "product", "chat"], stdout: full)
            #expect(export.status == 1)
            #expect(export.err.contains("cannot write: no space left on device"), "\(export.err)")
        }
    }

    /// `doc create` and `apply -f` run one check: each document gets the same verdict, in the same words.
    @Test func docCreateAndApplyAcceptTheSameDocuments() async throws {
        let documents: [(file: String, text: String, accepted: Bool)] = [
            ("v30.json", #"{"openapi":"3.0.3","info":{"title":"Chat","version":"1"},"paths":{"/v1/models":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#, true),
            ("v31.yaml", "openapi: 3.1.0\ninfo: {title: Chat, version: '1'}\npaths:\n  /v1/models:\n    get:\n      responses:\n        '200': {description: ok}\n", true),
            ("v2.json", #"{"swagger":"2.0","info":{"title":"Old","version":"1"},"paths":{}}"#, true),
            ("lab.json", try String(contentsOfFile: Self.packageRoot.appendingPathComponent("examples/llama70b-chat.json").path, encoding: .utf8), true),
            ("product.yaml", "kind: Product\nspec: {name: x}\n", false),
            ("untitled.json", #"{"openapi":"3.0.3","info":{"version":"1"},"paths":{}}"#, false),
            ("listed.json", #"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":[]}"#, false),
            ("broken.yaml", "openapi: 3.0.3\ninfo: {title: [unclosed\npaths: {}\n", false),
        ]
        try await Self.withSandbox { fixture, sandbox in
            #expect(try await fixture.run(["backend", "create", "Model", "--url", sandbox.modelURL]).status == 0)
            #expect(try await fixture.run(["product", "create", "Chat", "--backend", "model"]).status == 0)
            for (index, document) in documents.enumerated() {
                let path = fixture.work + "/" + document.file
                try document.text.write(toFile: path, atomically: true, encoding: .utf8)
                try fixture.write("doc.yaml", """
                    apiVersion: capabilities.3scale.net/v1beta1
                    kind: ActiveDoc
                    metadata: {name: doc\(index)}
                    spec: {name: doc\(index), productSystemName: chat, activeDocOpenAPIRef: {url: \(path)}}
                    """)
                let apply = try await fixture.run(["apply", "-f", "doc.yaml"])
                let create = try await fixture.run(["doc", "create", "created\(index)", "--product", "chat", "--file", path])
                #expect((apply.status == 0) == document.accepted, "apply -f \(document.file): \(apply.err)")
                #expect((create.status == 0) == document.accepted, "doc create \(document.file): \(create.err)")
                if !document.accepted {
                    // The refusal itself (after the location each verb puts before it) is the same text.
                    let refusal = try #require(create.err.split(separator: "\n").first.map { String($0.dropFirst("error: ".count)) })
                    #expect(refusal.hasPrefix(path), "\(refusal)")
                    #expect(apply.err.contains(refusal), "apply -f: \(apply.err)\ndoc create: \(create.err)")
                }
            }
            let listed = try await fixture.run(["doc", "list"]).out
            #expect(listed.split(separator: "\n").filter { $0.contains("created") }.count == documents.filter(\.accepted).count, "\(listed)")
        }
    }

    @Test func aBrokenFileNamesFileDocumentAndField() async throws {
        try await Self.withSandbox { fixture, _ in
            try fixture.write("broken.yaml", """
                apiVersion: capabilities.3scale.net/v1beta1
                kind: Backend
                metadata:
                  name: b
                spec:
                  name: B
                  privateBaseURL: not-a-url
                """)
            let result = try await fixture.run(["apply", "-f", "broken.yaml"])
            #expect(result.status == 1)
            #expect(result.err.contains("broken.yaml: document 1 (Backend b): spec.privateBaseURL"))
            try fixture.write("bad-syntax.yaml", "kind: Backend\n  spec: [\n")
            let syntax = try await fixture.run(["apply", "-f", "bad-syntax.yaml"])
            #expect(syntax.status == 1 && syntax.err.contains("bad-syntax.yaml"))
            let undefined = try await fixture.run(["apply", "-f", "../../nothing.yaml"])
            #expect(undefined.err.contains("no such file"))
        }
    }

    @Test func everyAdminVerb() async throws {
        try await Self.withSandbox { fixture, sandbox in
            func ok(_ arguments: [String], _ file: StaticString = #filePath, _ line: UInt = #line) async throws -> String {
                let result = try await fixture.run(arguments)
                #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.err)")
                return result.out
            }
            _ = try await ok(["backend", "create", "Model", "--url", sandbox.modelURL, "--description", "the model"])
            #expect(try await ok(["backend", "list"]).contains("model"))
            #expect(try await ok(["backend", "show", "model", "-o", "json"]).contains(#""private_endpoint" : "\#(sandbox.modelURL)""#))
            _ = try await ok(["backend", "update", "model", "--description", "changed"])
            _ = try await ok(["product", "create", "Chat", "--backend", "model", "--preset", "vllm"])
            #expect(try await ok(["product", "list"]).contains("chat"))
            let show = try await ok(["product", "show", "chat"])
            #expect(show.contains("cors → remove-bearer → apicast → upstream_connection"))
            #expect(try await ok(["product", "rules", "list", "chat"]).contains("/v1/chat/completions"))
            #expect(try await ok(["product", "methods", "list", "chat"]).contains("completions"))
            _ = try await ok(["product", "methods", "add", "chat", "extra"])
            _ = try await ok(["product", "rules", "add", "chat", "GET", "/extra", "--metric", "extra"])
            _ = try await ok(["product", "rules", "remove", "chat", "GET", "/extra"])
            _ = try await ok(["product", "methods", "remove", "chat", "extra"])
            _ = try await ok(["product", "policies", "add", "chat", "echo"])
            #expect(try await ok(["product", "policies", "list", "chat"]).contains("echo"))
            _ = try await ok(["product", "policies", "remove", "chat", "echo"])
            _ = try await ok(["product", "plans", "add", "chat", "Gold"])
            #expect(try await ok(["product", "plans", "list", "chat"]).contains("Gold"))
            // Eternity: a minute limit resets when the two calls below straddle a minute boundary.
            _ = try await ok(["product", "limit", "chat", "Standard Plan", "completions", "--period", "eternity", "--value", "1"])
            _ = try await ok(["doc", "create", "chatdoc", "--product", "chat", "--file", Self.packageRoot.appendingPathComponent("examples/llama70b-chat.json").path, "--publish"])
            #expect(try await ok(["doc", "list"]).contains("chatdoc"))
            #expect(try await ok(["doc", "show", "chatdoc"]).contains("title:"))
            _ = try await ok(["doc", "update", "chatdoc", "--published", "false"])
            let promote = try await ok(["promote", "chat"])
            #expect(promote.contains("promoted"))
            #expect(try await ok(["promote", "chat"]).contains("already current"))
            _ = try await ok(["portal", "access", "--code", "secret"])
            _ = try await ok(["portal", "access", "--open"])
            _ = try await ok(["account", "create", "acme", "--username", "ann", "--email", "ann@acme.example", "--password", ""])
            #expect(try await ok(["account", "list"]).contains("acme"))
            _ = try await ok(["subscribe", "ann", "chat"])
            #expect(try await ok(["subscribe", "ann", "chat"]).contains("already subscribed"))
            #expect(try await ok(["account", "show", "acme"]).contains("ann"))
            let app = try await ok(["app", "create", "acme", "chat", "--name", "ann-app", "--plan", "Standard Plan", "--save-profile", "ann"])
            #expect(app.contains("endpoint:"))
            #expect(try await ok(["app", "list", "--account", "acme"]).contains("ann-app"))
            #expect(try await ok(["app", "show", "ann-app"]).contains("Standard Plan"))

            // Through the production gateway with ann's key: the one call the limit allows, then 429.
            let first = try await fixture.run(["complete", "hello", "--max-tokens", "3"])
            #expect(first.status == 0, "\(first.err)")
            let limited = try await fixture.run(["complete", "hello", "--max-tokens", "3"])
            #expect(limited.status == 1)
            #expect(limited.err.contains("429"))
            let wrongKey = try await fixture.run(["models"], extraEnvironment: ["MAAS_API_KEY": "wrong-key-0000000000"])
            #expect(wrongKey.status == 1 && wrongKey.err.contains("Authentication failed"))
            let endpoint = try #require(app.split(whereSeparator: \.isNewline).first { $0.hasPrefix("endpoint:") }?.split(separator: " ").last)
            _ = try await ok(["--profile", "keyless", "profile", "set", "gateway", String(endpoint)])
            let noKey = try await fixture.run(["--profile", "keyless", "models"])
            #expect(noKey.status == 1 && noKey.err.contains("Authentication parameters missing"))
            let unmapped = try await fixture.run(["complete", "hi"], extraEnvironment: ["MAAS_GATEWAY_URL": String(endpoint) + "/nowhere"])
            #expect(unmapped.status == 1 && unmapped.err.contains("No Mapping Rule matched"))

            _ = try await ok(["--profile", "ann", "app", "delete", "ann-app"])
            _ = try await ok(["unsubscribe", "ann", "chat"])
            _ = try await ok(["doc", "delete", "chatdoc"])
            _ = try await ok(["product", "delete", "chat"])
            _ = try await ok(["backend", "delete", "model"])
            let gone = try await fixture.run(["backend", "show", "model"])
            #expect(gone.status == 1 && gone.err.contains("model"))
        }
    }

    @Test func tabCompletesObjectNamesFromTheAdminAPI() async throws {
        try await Self.withSandbox { fixture, sandbox in
            #expect(try await fixture.run(["backend", "create", "Model Server", "--url", sandbox.modelURL]).status == 0)
            let terminal = try PseudoTerminal(Fixture.binary, environment: fixture.environment, directory: fixture.work)
            try terminal.type("backend show mod" + PseudoTerminal.tab, at: "maas> ")
            try terminal.expect("el_server ")
            terminal.send(PseudoTerminal.enter)
            try terminal.expect(sandbox.modelURL)
            try terminal.type("subscribe us" + PseudoTerminal.tab, at: "maas> ")
            try terminal.expect("er1 ")
            terminal.send(PseudoTerminal.ctrlC)
            try terminal.type(PseudoTerminal.ctrlD, at: "maas> ")
            #expect(try terminal.waitForExit() == 0)
        }
    }

    @Test func adminLoginFromOpenShiftReadsTheSeedSecret() async throws {
        let fixture = try Fixture()
        let bin = fixture.root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let token = Data("tok-from-cluster-123456".utf8).base64EncodedString()
        try ExecutableFile.save("""
            #!/bin/sh
            echo '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"system-seed"},"data":{"ADMIN_ACCESS_TOKEN":"\(token)"}}'
            """, to: bin + "/oc")
        let path = bin + ":" + (fixture.environment["PATH"] ?? "")
        let login = try await fixture.run(["admin", "login", "--url", "https://admin.example", "--from-openshift"], extraEnvironment: ["PATH": path])
        #expect(login.status == 0, "\(login.err)")
        #expect(try String(contentsOfFile: fixture.profilePath, encoding: .utf8).contains("tok-from-cluster-123456"))
        let missing = try await fixture.run(["admin", "login", "--url", "https://admin.example", "--from-openshift"], extraEnvironment: ["PATH": "/nonexistent"])
        #expect(missing.status == 1 && missing.err.contains("oc"))
    }
}
