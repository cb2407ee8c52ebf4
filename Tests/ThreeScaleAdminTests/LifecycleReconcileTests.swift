import Testing

@testable import ThreeScaleAdmin

/// `apply` of users and applications that are created suspended, or as admins, in the
/// same run: the follow-up changes find them by name, and a second plan is empty.
@Suite struct LifecycleReconcileTests {
    static let yaml = """
        apiVersion: capabilities.3scale.net/v1beta1
        kind: DeveloperUser
        metadata: {name: carol}
        spec:
          username: carol
          email: carol@example.com
          role: admin
          suspended: true
          passwordCredentialsRef: {name: carol-password}
          developerAccountRef: {name: user1}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: carol-password}
        stringData: {password: not-a-real-password}
        ---
        apiVersion: capabilities.3scale.net/v1beta1
        kind: Application
        metadata: {name: dormant}
        spec:
          accountCR: {name: user1}
          productCR: {name: chat}
          applicationPlanName: standard
          name: dormant
          description: made suspended
          suspend: true
        """

    static func plan(_ client: AdminClient, _ set: ResourceSet) async throws -> Plan {
        try Planner.plan(set, state: try await StateFetcher(client: client).fetch(for: set), documents: [:])
    }

    @Test func createdSuspendedAndAsAdminInOneApplyThenNothing() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let set = try ResourceCodec.load(yaml: Self.yaml, file: "lifecycle.yaml")
            let plan = try await Self.plan(client, set)
            #expect(plan.lines == [
                "create user carol in account user1",
                "update user carol of account user1: role: 'member' → 'admin', state: 'active' → 'suspended'",
                "create application dormant for account user1 on plan standard of product chat",
                "update application dormant of account user1: state: 'live' → 'suspended'",
            ])
            let report = await Applier(client: client, resources: set).apply(plan)
            #expect(report.succeeded, "\(report.failed.map(\.error))")
            #expect(try await Self.plan(client, set).isEmpty)

            let account = try await client.accountID(orgName: "user1")
            let carol = try #require(try await client.users(accountID: account).first { $0.username == "carol" })
            #expect(carol.role == "admin" && carol.state == "suspended")
            #expect(try await client.application("dormant").state == "suspended")
        }
    }

    @Test func aNewKeyIsThirtyTwoLowerCaseHexDigitsAndNeverRepeats() {
        let keys = (0..<64).map { _ in UserKey.generate() }
        #expect(keys.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(keys).count == keys.count)
    }
}
