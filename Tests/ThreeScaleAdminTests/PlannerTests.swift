import Foundation
import Testing

@testable import ThreeScaleAdmin

@Suite("Planner")
struct PlannerTests {
    let documents = ["llama70b": Fixtures.openAPI]

    func plan(_ set: ResourceSet, _ state: ServerState) throws -> Plan {
        try Planner.plan(set, state: state, documents: documents)
    }

    /// The seed applied to an empty server, in memory.
    func seededServer() throws -> InMemory3scale {
        var server = InMemory3scale()
        server.apply(try plan(try Fixtures.seed(), server.state))
        return server
    }

    func count(_ plan: Plan, _ prefix: String) -> Int {
        plan.actions.filter { $0.summary.hasPrefix(prefix) }.count
    }

    @Test("a fresh server gets the whole lab, in dependency order")
    func freshPlan() throws {
        let plan = try plan(try Fixtures.seed(), ServerState())
        #expect(count(plan, "create backend llama70b") == 1)
        #expect(count(plan, "create product llama70b") == 1)
        #expect(count(plan, "add backend llama70b to product llama70b at /") == 1)
        #expect(count(plan, "update the gateway settings of product llama70b") == 1)
        #expect(count(plan, "create method") == 8)
        #expect(count(plan, "create mapping rule") == 8)
        #expect(count(plan, "check that the 8 new mapping rules of product llama70b are in the file's order") == 1)
        #expect(count(plan, "delete mapping rule GET /") == 1)  // porta's default rule
        #expect(count(plan, "create application plan standard (Standard Plan) in product llama70b, published") == 1)
        #expect(count(plan, "set the policy chain of product llama70b: cors, remove-bearer, apicast, upstream_connection") == 1)
        #expect(count(plan, "create API doc llama70b for product llama70b") == 1)
        #expect(count(plan, "deploy product llama70b to staging") == 1)
        #expect(count(plan, "promote the latest staging config") == 1)
        #expect(plan.actions.count == 27)
        #expect(plan.actions.map(\.stage) == plan.actions.map(\.stage).sorted())
        let proxy = try #require(plan.actions.first { $0.stage == .proxy })
        guard case .updateProxy(_, let fields) = proxy.operation else { Issue.record("not a proxy update"); return }
        #expect(fields.map(\.name) == ["auth_user_key", "credentials_location"])
        #expect(fields.map(\.value) == ["Authorization", "headers"])
    }

    @Test("a server that matches the file plans zero actions")
    func secondApply() throws {
        let server = try seededServer()
        let plan = try plan(try Fixtures.seed(), server.state)
        #expect(plan.isEmpty, "\(plan.lines)")
        let rules = try #require(server.state.product("llama70b")).mappingRules.sorted { $0.position! < $1.position! }
        #expect(rules.map(\.pattern) == ProductPreset.vllmEndpoints.map(\.pattern))
    }

    @Test("removing one mapping rule and adding a policy plans exactly those two changes")
    func ruleRemovedPolicyAdded() throws {
        let server = try seededServer()
        var product = try #require(try Fixtures.seed().products.first)
        product.spec.mappingRules?.remove(at: 2)  // POST /detokenize
        product.spec.policies?.insert(PolicyConfigSpec(name: "headers", version: "builtin", configuration: .object([:])), at: 0)
        let set = ResourceSet([.product(product)])
        let plan = try plan(set, server.state)
        #expect(plan.lines == [
            "delete mapping rule POST /detokenize of product llama70b",
            "set the policy chain of product llama70b: headers, cors, remove-bearer, apicast, upstream_connection",
        ])
        var after = server
        after.apply(plan)
        #expect(try self.plan(set, after.state).isEmpty)
    }

    @Test("reordered and changed rules converge in one apply")
    func reorder() throws {
        let server = try seededServer()
        var product = try #require(try Fixtures.seed().products.first)
        var rules = try #require(product.spec.mappingRules)
        rules.swapAt(0, 5)
        rules[3].increment = 2
        rules.insert(MappingRuleSpec(httpMethod: "GET", pattern: "/metrics", metricMethodRef: "hits"), at: 4)
        product.spec.mappingRules = rules
        let set = ResourceSet([.product(product)])
        var after = server
        after.apply(try plan(set, server.state))
        let stored = try #require(after.state.product("llama70b")).mappingRules.sorted { $0.position! < $1.position! }
        #expect(stored.map(\.pattern) == rules.map(\.pattern))
        #expect(stored.map(\.position!) == Array(1...rules.count))
        #expect(try plan(set, after.state).isEmpty)
    }

    @Test("limits, pricing rules and plan changes converge, and removed ones are deleted")
    func plans() throws {
        let server = try seededServer()
        var product = try #require(try Fixtures.seed().products.first)
        var plan = try #require(product.spec.applicationPlans?["standard"])
        plan.limits = [LimitSpec(period: "minute", value: 10, metricMethodRef: .init(systemName: "completions"))]
        plan.pricingRules = [PricingRuleSpec(from: 1, to: 100, pricePerUnit: "0.10", metricMethodRef: .init(systemName: "hits"))]
        plan.setupFee = "5.00"
        product.spec.applicationPlans = ["standard": plan, "gold": ApplicationPlanSpec(name: "Gold")]
        var after = server
        let first = try self.plan(ResourceSet([.product(product)]), after.state)
        #expect(first.lines.contains("limit completions to 10 per minute in plan standard of product llama70b"))
        after.apply(first)
        #expect(try self.plan(ResourceSet([.product(product)]), after.state).isEmpty)
        product.spec.applicationPlans = ["standard": ApplicationPlanSpec(name: "Standard Plan", appsRequireApproval: false, published: true)]
        let second = try self.plan(ResourceSet([.product(product)]), after.state)
        #expect(second.lines.count == 3, "\(second.lines)")
        #expect(second.lines.contains("delete application plan gold of product llama70b"))
        #expect(second.lines.contains("delete the minute limit 10 on completions from plan standard of product llama70b"))
        #expect(second.lines.contains("delete the pricing rule 1–100 on hits from plan standard of product llama70b"))
        after.apply(second)
        #expect(try self.plan(ResourceSet([.product(product)]), after.state).isEmpty)
    }

    @Test("the vllm preset is exactly the seed's Product")
    func preset() throws {
        let seed = try #require(try Fixtures.seed().products.first)
        let preset = ProductPreset.vllm(name: "LLama70B", systemName: "llama70b", backend: "llama70b", namespace: "3scale")
        #expect(preset == seed)
    }

    @Test("exported resources apply back to the same state with no action")
    func exportRoundTrip() throws {
        let server = try seededServer()
        var resources = try Exporter.resources(kind: .product, name: "llama70b", from: server.state, withBackends: true)
        resources += try Exporter.resources(kind: .activedoc, name: "llama70b", from: server.state)
        let yaml = try ResourceCodec.encode(resources)
        let set = try ResourceCodec.load(yaml: yaml, file: "export.yaml")
        #expect(set.resources.map(\.kind) == ["Backend", "Product", "Secret", "ActiveDoc"])
        let bodies = ["llama70b": try #require(set.soleSecretValue(name: "llama70b-openapi"))]
        let plan = try Planner.plan(set, state: server.state, documents: bodies)
        #expect(plan.isEmpty, "\(plan.lines)")
    }

    @Test("references that exist neither in the file nor on the server are plan errors")
    func missingReferences() throws {
        var product = try #require(try Fixtures.seed().products.first)
        product.spec.backendUsages = ["nowhere": BackendUsageSpec(path: "/")]
        let promote = ProxyConfigPromoteResource(metadata: ObjectMeta(name: "p"), spec: ProxyConfigPromoteSpec(productCRName: "ghost"))
        let error = #expect(throws: ResourceErrors.self) {
            try Planner.plan(ResourceSet([.product(product), .proxyConfigPromote(promote)]), state: ServerState())
        }
        #expect(error?.issues.map(\.field) == ["spec.backendUsages.nowhere", "spec.productCRName"])
        #expect(error?.issues.first?.message.contains("backend nowhere exists neither in the file nor in 3scale") == true)
    }

    @Test("promotion is a no-op when production is current, and a promote alone when it lags")
    func promotion() throws {
        var server = try seededServer()
        let promote = try #require(try Fixtures.seed().promotes.first)
        var set = ResourceSet([.proxyConfigPromote(promote)])
        // productCRName resolves to the product's system name on the server.
        #expect(try plan(set, server.state).isEmpty)
        server.perform(.deployStaging(product: "llama70b"))
        #expect(try plan(set, server.state).lines == ["promote the latest staging config of product llama70b to production"])
        set = ResourceSet([.proxyConfigPromote(ProxyConfigPromoteResource(metadata: ObjectMeta(name: "s"), spec: ProxyConfigPromoteSpec(productCRName: "llama70b")))])
        #expect(try plan(set, server.state).isEmpty)
    }

    @Test("a changed backend URL redeploys the product that uses it")
    func backendChangeRedeploys() throws {
        let server = try seededServer()
        var seed = try Fixtures.seed()
        guard case .backend(var backend) = seed.documents[0].resource else { Issue.record("no backend"); return }
        backend.spec.privateBaseURL = "http://other:8000"
        seed.documents[0].resource = .backend(backend)
        let plan = try plan(seed, server.state)
        #expect(plan.lines == [
            "update backend llama70b: private_endpoint: 'http://llama70b-predictor.llama-serving.svc.cluster.local:8080' → 'http://other:8000'",
            "deploy product llama70b to staging",
            "promote the latest staging config of product llama70b to production",
        ])
    }

    @Test("plans encode as JSON for -o json")
    func planJSON() throws {
        let plan = try plan(try Fixtures.seed(), ServerState())
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
    }
}

@Suite("Planner: accounts and applications")
struct AccountPlannerTests {
    let yaml = """
        apiVersion: capabilities.3scale.net/v1beta1
        kind: DeveloperAccount
        metadata: {name: acme}
        spec: {orgName: ACME}
        ---
        apiVersion: capabilities.3scale.net/v1beta1
        kind: DeveloperUser
        metadata: {name: alice}
        spec:
          username: alice
          email: alice@example.com
          role: admin
          passwordCredentialsRef: {name: alice-password}
          developerAccountRef: {name: acme}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: alice-password}
        stringData: {password: s3cret}
        ---
        apiVersion: capabilities.3scale.net/v1beta1
        kind: Application
        metadata: {name: acme-llama}
        spec:
          accountCR: {name: acme}
          productCR: {name: llama70b}
          applicationPlanName: standard
          name: ACME llama
          description: ACME's key
        """

    @Test("a new account is signed up with its admin user, then gets its application")
    func signupAndApplication() throws {
        var server = InMemory3scale()
        server.apply(try Planner.plan(try Fixtures.seed(), state: server.state, documents: ["llama70b": Fixtures.openAPI]))
        let set = try ResourceCodec.load(yaml: yaml, file: "acme.yaml")
        let plan = try Planner.plan(set, state: server.state)
        #expect(plan.lines == [
            "sign up account ACME with admin user alice",
            "create application ACME llama for account ACME on plan standard of product llama70b",
        ])
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(!json.contains("s3cret"))
        var existing = server.state
        existing.accounts = [AccountState(
            account: Account(id: 3, orgName: "ACME"), users: [User(id: 4, username: "alice")],
            applications: [Application(id: 9, name: "ACME llama", description: "old", serviceID: server.state.product("llama70b")?.service.id)])]
        #expect(try Planner.plan(set, state: existing).lines == ["update application ACME llama of account ACME: description: 'old' → 'ACME's key'"])
    }

    @Test("a missing password Secret and an unknown plan are plan errors")
    func errors() throws {
        let broken = yaml.replacingOccurrences(of: "stringData: {password: s3cret}", with: "stringData: {pass: s3cret}")
            .replacingOccurrences(of: "applicationPlanName: standard", with: "applicationPlanName: gold")
        let error = #expect(throws: ResourceErrors.self) {
            try Planner.plan(try ResourceCodec.load(yaml: broken, file: "acme.yaml"), state: ServerState())
        }
        #expect(error?.issues.map(\.field) == ["spec.passwordCredentialsRef.name", "spec.productCR.name"])
    }
}
