import Foundation
import Testing

/// Applications over their life, by the binary against a sandbox: a new key, suspend and
/// resume, another plan, and the same through `apply -f` and `export account`.
@Suite(.serialized) struct AppLifecycleTests {
    /// Backend `model`, product `chat` (the vllm preset, promoted) and `user1`'s application `app1`
    /// saved as profile `consumer`; then a plan `Gold` allowing one completion ever (eternity: no
    /// window boundary for two calls to straddle; completions: no call made before counts).
    static func chatWithApplication(_ fixture: Fixture, _ sandbox: SandboxProcess) async throws {
        for arguments in [
            ["backend", "create", "Model", "--url", sandbox.modelURL],
            ["product", "create", "Chat", "--backend", "model", "--preset", "vllm"],
            ["promote", "chat"],
            ["app", "create", "user1", "chat", "--name", "app1", "--save-profile", "consumer"],
            ["--profile", "default", "product", "plans", "add", "chat", "Gold"],
            ["--profile", "default", "product", "limit", "chat", "Gold", "completions", "--period", "eternity", "--value", "1"],
        ] {
            let result = try await fixture.run(arguments)
            try #require(result.status == 0, "\(arguments.joined(separator: " ")): \(result.err)")
        }
    }

    /// A profile's saved key (compared, never printed).
    static func key(_ fixture: Fixture, profile: String) async throws -> String? {
        let shown = try await fixture.run(["profile", "show", profile, "--reveal", "-o", "json"])
        let settings = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any]
        return settings?["api-key"] as? String
    }

    @Test func regenerateSuspendResumeAndChangePlanAtTheGateway() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            try await Self.chatWithApplication(fixture, sandbox)
            let oldKey = try #require(try await Self.key(fixture, profile: "consumer"))
            #expect(try await fixture.run(["--profile", "consumer", "models"]).status == 0)

            // A new key: the profile that held the old one holds it now; the old key is refused at once.
            let regenerated = try await fixture.run(["--profile", "default", "app", "key", "regenerate", "app1"])
            #expect(regenerated.status == 0, "\(regenerated.err)")
            #expect(regenerated.out.contains("'consumer' now holds the new key"), "\(regenerated.out)")
            let newKey = try #require(try await Self.key(fixture, profile: "consumer"))
            #expect(newKey != oldKey)
            #expect(newKey.count == 32 && newKey.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(!(regenerated.out + regenerated.err).contains(newKey) && !(regenerated.out + regenerated.err).contains(oldKey))
            #expect(try await fixture.run(["--profile", "consumer", "models"]).status == 0)
            let refused = try await fixture.run(["--profile", "consumer", "models"], extraEnvironment: ["MAAS_API_KEY": oldKey])
            #expect(refused.status == 1 && refused.err.contains("Authentication failed"), "\(refused.err)")

            // --save-profile writes another profile too, and makes it current; --reveal shows the key.
            let saved = try await fixture.run(["--profile", "default", "app", "key", "regenerate", "app1", "--save-profile", "second", "--reveal", "-o", "json"])
            #expect(saved.status == 0, "\(saved.err)")
            let view = try #require(try JSONSerialization.jsonObject(with: Data(saved.out.utf8)) as? [String: Any])
            let third = try #require(try await Self.key(fixture, profile: "second"))
            #expect(view["api_key"] as? String == third)
            #expect(view["profiles_updated"] as? [String] == ["consumer", "second"])
            #expect(try await Self.key(fixture, profile: "consumer") == third)
            #expect(try await fixture.run(["whoami"]).out.contains("second"))

            // Suspended: the product's auth-failed answer; resumed: served again.
            let suspended = try await fixture.run(["--profile", "default", "app", "suspend", "app1"])
            #expect(suspended.status == 0 && suspended.out.contains("suspended: its key is refused at the gateway until `app resume app1`"), "\(suspended.out)\(suspended.err)")
            let blocked = try await fixture.run(["--profile", "consumer", "models"])
            #expect(blocked.status == 1 && blocked.err.contains("Authentication failed"), "\(blocked.err)")
            #expect(try await fixture.run(["--profile", "default", "app", "suspend", "app1"]).out.contains("already"))
            let resumed = try await fixture.run(["--profile", "default", "app", "resume", "app1"])
            #expect(resumed.status == 0 && resumed.out.contains("live: its key works again"), "\(resumed.out)\(resumed.err)")
            #expect(try await fixture.run(["--profile", "consumer", "models"]).status == 0)

            // On Gold: one completion, then 429.
            let moved = try await fixture.run(["--profile", "default", "app", "plan", "app1", "Gold"])
            #expect(moved.status == 0 && moved.out.contains("Standard Plan → Gold"), "\(moved.out)\(moved.err)")
            #expect(try await fixture.run(["--profile", "default", "app", "show", "app1"]).out.contains("Gold"))
            let complete = ["--profile", "consumer", "complete", "hello", "--max-tokens", "3"]
            let allowed = try await fixture.run(complete)
            #expect(allowed.status == 0, "\(allowed.err)")
            let limited = try await fixture.run(complete)
            #expect(limited.status == 1 && limited.err.contains("429"), "\(limited.err)")
            let unknown = try await fixture.run(["--profile", "default", "app", "plan", "app1", "Platinum"])
            #expect(unknown.status == 1 && unknown.err.contains("Platinum"), "\(unknown.err)")
        }
    }

    @Test func regenerateAtVeryVerboseShowsNeitherKey() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            try await Self.chatWithApplication(fixture, sandbox)
            let oldKey = try #require(try await Self.key(fixture, profile: "consumer"))
            let traced = try await fixture.run(["-vv", "--profile", "default", "app", "key", "regenerate", "app1", "--save-profile", "consumer"])
            #expect(traced.status == 0, "\(traced.err)")
            let newKey = try #require(try await Self.key(fixture, profile: "consumer"))
            let shown = traced.out + traced.err
            #expect(!shown.contains(oldKey), "-vv showed the old key")
            #expect(!shown.contains(newKey), "-vv showed the new key")
            // The request that sends the key and the answers that hold it are traced, masked.
            #expect(traced.err.contains("user_key=***"), "the PUT body is not traced masked")
            #expect(traced.err.contains(#""user_key":"***""#), "the answer is not traced masked")
        }
    }

    static let users = """
        apiVersion: capabilities.3scale.net/v1beta1
        kind: DeveloperUser
        metadata: {name: bob}
        spec:
          username: bob
          email: bob@example.com
          passwordCredentialsRef: {name: bob-password}
          developerAccountRef: {name: user1}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: bob-password}
        stringData: {password: not-a-real-password}
        ---
        apiVersion: capabilities.3scale.net/v1beta1
        kind: Application
        metadata: {name: app1}
        spec:
          accountCR: {name: user1}
          productCR: {name: chat}
          applicationPlanName: standard
          name: app1
          description: app1

        """

    /// The summaries of `apply --dry-run -o json`.
    static func planned(_ fixture: Fixture, _ file: String) async throws -> [String] {
        let dry = try await fixture.run(["--profile", "default", "apply", "-f", file, "--dry-run", "-o", "json"])
        try #require(dry.status == 0, "\(dry.err)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.out.utf8)) as? [String: Any], "\(dry.out)")
        return (plan["actions"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
    }

    @Test func applyReconcilesPlanSuspensionRoleAndStateAndExportRoundTrips() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            try await Self.chatWithApplication(fixture, sandbox)
            try fixture.write("users.yaml", Self.users)
            let first = try await fixture.run(["--profile", "default", "apply", "-f", "users.yaml"])
            #expect(first.status == 0, "\(first.err)")
            #expect(try await Self.planned(fixture, "users.yaml").isEmpty)

            // bob an admin and suspended, app1 on Gold and suspended: exactly those two updates.
            var changed = Self.users.replacingOccurrences(of: "developerAccountRef: {name: user1}\n", with: "developerAccountRef: {name: user1}\n  role: admin\n  suspended: true\n")
            changed = changed.replacingOccurrences(of: "applicationPlanName: standard\n", with: "applicationPlanName: gold\n  suspend: true\n")
            try fixture.write("changed.yaml", changed)
            #expect(try await Self.planned(fixture, "changed.yaml") == [
                "update user bob of account user1: role: 'member' → 'admin', state: 'active' → 'suspended'",
                "update application app1 of account user1: plan: 'standard' → 'gold', state: 'live' → 'suspended'",
            ])
            let applied = try await fixture.run(["--profile", "default", "apply", "-f", "changed.yaml"])
            #expect(applied.status == 0 && applied.out.contains("done: 2 changes"), "\(applied.out)\(applied.err)")
            #expect(try await Self.planned(fixture, "changed.yaml").isEmpty)
            let blocked = try await fixture.run(["--profile", "consumer", "models"])
            #expect(blocked.status == 1 && blocked.err.contains("Authentication failed"), "\(blocked.err)")
            let shown = try await fixture.run(["--profile", "default", "app", "show", "app1"]).out
            #expect(shown.contains("Gold") && shown.contains("suspended"), "\(shown)")

            // export → apply plans nothing; the export holds the plan, the state and the role.
            let exported = try await fixture.run(["--profile", "default", "export", "account", "user1"])
            #expect(exported.status == 0, "\(exported.err)")
            for line in ["kind: DeveloperAccount", "role: admin", "suspended: true", "applicationPlanName: gold", "suspend: true"] {
                #expect(exported.out.contains(line), "\(line) missing from:\n\(exported.out)")
            }
            try fixture.write("exported.yaml", exported.out)
            #expect(try await Self.planned(fixture, "exported.yaml").isEmpty)

            // The defaults (member, not suspended) take it all back, and the key works again.
            #expect(try await Self.planned(fixture, "users.yaml") == [
                "update user bob of account user1: role: 'admin' → 'member', state: 'suspended' → 'active'",
                "update application app1 of account user1: plan: 'gold' → 'standard', state: 'suspended' → 'live'",
            ])
            #expect(try await fixture.run(["--profile", "default", "apply", "-f", "users.yaml"]).status == 0)
            #expect(try await fixture.run(["--profile", "consumer", "models"]).status == 0)
        }
    }
}
