import Testing
import Untrusted

@testable import ThreeScaleAdmin

/// Creates that run twice: what counts as the same object, and how one that exists
/// with other settings is told apart (setting: existing → wanted).
@Suite("Creates that find the object first")
struct CreateIfAbsentTests {
    // MARK: The comparisons, pure

    @Test("an API doc with the same document in another layout is the same; other settings are named")
    func activeDocComparison() {
        let existing = APIDoc(
            id: 1, name: "Chat", systemName: "chat", published: true, skipSwaggerValidations: false,
            body: #"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}"#, serviceID: 7)
        let same = NewActiveDoc(
            name: "Chat", body: #"{"info":{"version":"1","title":"t"},"openapi":"3.0.3"}"#, systemName: "chat", published: true,
            skipSwaggerValidations: false, productID: 7)
        #expect(CreateComparison.activeDoc(existing, same).isEmpty)
        var other = same
        other.published = false
        other.productID = 8
        other.body = #"{"openapi":"3.0.3","info":{"title":"other","version":"1"}}"#
        let differences = CreateComparison.activeDoc(existing, other)
        #expect(differences.map(\.setting) == ["published", "product", "document"])
        #expect(differences[0].description == "published: true → false")
        #expect(differences[1].description == "product: #7 → #8")
    }

    @Test("a mapping rule differs in its delta or last flag; method, pattern and metric make it the same rule")
    func ruleComparison() {
        let existing = MappingRule(id: 3, metricID: 9, pattern: "/v1/models", httpMethod: "GET", delta: 1, last: nil)
        let wanted = NewMappingRule(httpMethod: "GET", pattern: "/v1/models", metricID: 9, delta: 1)
        #expect(CreateComparison.mappingRule(existing, wanted).isEmpty)
        var other = wanted
        other.delta = 2
        other.last = true
        #expect(CreateComparison.mappingRule(existing, other).map(\.description) == ["delta: 1 → 2", "last: false → true"])
    }

    @Test("methods, plans and policies name each setting that differs")
    func otherComparisons() {
        let method = Metric(id: 1, systemName: "models", friendlyName: "Models", parentID: 0)
        #expect(CreateComparison.method(method, NewMethod(systemName: "models", friendlyName: "Models")).isEmpty)
        // No display name asks for the system name, as the create would have set.
        #expect(CreateComparison.method(method, NewMethod(systemName: "models")).map(\.description) == ["name: Models → models"])

        let plan = ApplicationPlan(id: 4, name: "Gold", systemName: "gold", state: "published", approvalRequired: false)
        #expect(CreateComparison.applicationPlan(plan, NewApplicationPlan(name: "Gold", approvalRequired: false, published: true)).isEmpty)
        #expect(CreateComparison.applicationPlan(plan, NewApplicationPlan(name: "Gold", approvalRequired: true, published: false))
            .map(\.description) == ["state: published → hidden", "approval required: false → true"])

        let cors = PolicyConfig(name: "cors", version: "builtin", configuration: ["allow_credentials": true])
        #expect(CreateComparison.policy(cors, position: 1, cors, wantedPosition: nil).isEmpty)
        let moved = CreateComparison.policy(cors, position: 1, PolicyConfig(name: "cors", version: "builtin"), wantedPosition: 2)
        #expect(moved.map(\.setting) == ["configuration", "position"])
        #expect(moved[1].description == "position: 1 → 2")
    }

    @Test("an account is the same when it has the user with the same e-mail")
    func accountComparison() {
        let users = [User(id: 1, username: "ann", email: "ann@acme.example")]
        #expect(CreateComparison.account(users: users, username: "ann", email: "ann@acme.example").isEmpty)
        #expect(CreateComparison.account(users: users, username: "ann", email: "new@acme.example").map(\.description)
            == ["email of ann: ann@acme.example → new@acme.example"])
        #expect(CreateComparison.account(users: users, username: "bob", email: nil).map(\.description) == ["users: ann → bob"])
    }

    @Test("an application of that name is kept on the same plan, named as differing on another, and absent otherwise")
    func applicationComparison() {
        let standard = ApplicationPlan(id: 1, name: "Standard Plan", systemName: "standard", state: "published")
        let gold = ApplicationPlan(id: 2, name: "Gold", systemName: "gold", state: "published")
        let apps = [
            Application(id: 10, name: "app", planID: 2, userKey: "k-gold"),
            Application(id: 11, name: "app", planID: 1, userKey: "k-standard"),
            Application(id: 12, name: "other", planID: 1),
        ]
        let kept = CreateComparison.application(named: "app", in: apps, plan: standard, plans: [standard, gold])
        #expect(kept?.0.id == 11 && kept?.1 == [])
        let differs = CreateComparison.application(named: "app", in: [apps[0]], plan: standard, plans: [standard, gold])
        #expect(differs?.1.map(\.description) == ["plan: Gold → Standard Plan"])
        #expect(CreateComparison.application(named: "new", in: apps, plan: standard, plans: [standard, gold]) == nil)
    }

    // MARK: Backend and product create, from the reconciler's plan

    @Test("a plan that creates the backend or product is absent; an empty one kept; others differ by setting")
    func createCheck() {
        let create = Action(stage: .backends, summary: "create backend b", operation: .createBackend(systemName: "b", fields: []))
        #expect(CreateCheck(plan: Plan(actions: [create]), state: ServerState()) == .absent(Plan(actions: [create])))
        #expect(CreateCheck(plan: Plan(actions: []), state: ServerState()) == .kept)

        let update = Action(stage: .backends, summary: "update backend b", operation: .updateBackend(
            systemName: "b", fields: [FieldChange("private_endpoint", "http://new", previous: "http://old")]))
        let deleteRule = Action(stage: .productRuleDeletes, summary: "delete", operation: .deleteMappingRule(
            owner: .product("p"), id: 3, httpMethod: "GET", pattern: "/"))
        let chain = Action(stage: .policies, summary: "set the chain", operation: .updatePolicies(
            product: "p", policies: [PolicyConfig(name: "cors", version: "builtin"), PolicyConfig(name: "apicast", version: "builtin")]))
        let product = ProductState(
            service: Service(id: 1, name: "P", systemName: "p"), metrics: [], methods: [], mappingRules: [], backendUsages: [],
            proxy: Proxy(), policies: [PolicyConfig(name: "apicast", version: "builtin")], plans: [])
        guard case .differs(let differences) = CreateCheck(plan: Plan(actions: [update, deleteRule, chain]), state: ServerState(products: [product]))
        else {
            Issue.record("not differs")
            return
        }
        #expect(differences.map(\.description) == [
            "private_endpoint: 'http://old' → 'http://new'",
            "mapping rule GET /: present → none",
            "policy chain: apicast → cors, apicast",
        ])
    }

    // MARK: Against the sandbox

    @Test("backend and product create plan nothing the second time, and name a changed URL")
    func checkCreateOnTheSandbox() async throws {
        try await SandboxAdmin.with { client, endpoints in
            let backend = ResourceSet([.backend(BackendResource(
                metadata: ObjectMeta(name: "model"), spec: BackendSpec(name: "Model", systemName: "model", privateBaseURL: endpoints.modelURL)))])
            guard case .absent(let plan) = try await client.checkCreate(backend) else {
                Issue.record("the backend exists before it is made")
                return
            }
            #expect(await Applier(client: client, resources: backend).apply(plan).succeeded)
            #expect(try await client.checkCreate(backend) == .kept)
            let moved = ResourceSet([.backend(BackendResource(
                metadata: ObjectMeta(name: "model"), spec: BackendSpec(name: "Model", systemName: "model", privateBaseURL: "http://127.0.0.1:9")))])
            guard case .differs(let differences) = try await client.checkCreate(moved) else {
                Issue.record("a changed URL is not a difference")
                return
            }
            #expect(differences.map(\.setting) == ["private_endpoint"])
            #expect(differences[0].wanted == "'http://127.0.0.1:9'")

            let product = ResourceSet([.product(ProductPreset.vllm(name: "Chat", systemName: "chat", backend: "model"))])
            guard case .absent(let productPlan) = try await client.checkCreate(product) else {
                Issue.record("the product exists before it is made")
                return
            }
            #expect(await Applier(client: client, resources: product).apply(productPlan).succeeded)
            #expect(try await client.checkCreate(product) == .kept)
        }
    }

    @Test("a rule, method, plan and policy are created once, then kept or named as differing; nothing is duplicated")
    func productChildrenOnTheSandbox() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let chat = ObjectRef.name("chat")
            let rulesBefore = try await client.mappingRules(ofProduct: chat).rules.count
            let rule = try await client.addMappingRuleIfAbsent(toProduct: chat, httpMethod: "get", pattern: "/extra", metric: "models")
            guard case .created(let added) = rule else {
                Issue.record("\(rule)")
                return
            }
            let again = try await client.addMappingRuleIfAbsent(toProduct: chat, httpMethod: "GET", pattern: "/extra", metric: "models")
            #expect(kept(again, id: \.id) == added.id)
            let changed = try await client.addMappingRuleIfAbsent(toProduct: chat, httpMethod: "GET", pattern: "/extra", metric: "models", delta: 3)
            guard case .differs(let existing, let differences) = changed else {
                Issue.record("\(changed)")
                return
            }
            #expect(existing.id == added.id && differences == [SettingDifference("delta", existing: "1", wanted: "3")])
            // The same route on another metric is another rule.
            guard case .created = try await client.addMappingRuleIfAbsent(toProduct: chat, httpMethod: "GET", pattern: "/extra", metric: "health")
            else {
                Issue.record("a rule on another metric was taken for the same")
                return
            }
            #expect(try await client.mappingRules(ofProduct: chat).rules.count == rulesBefore + 2)

            guard case .created(let method) = try await client.addMethodIfAbsent(toProduct: chat, NewMethod(systemName: "extra")) else {
                Issue.record("method not created")
                return
            }
            #expect(kept(try await client.addMethodIfAbsent(toProduct: chat, NewMethod(systemName: "extra")), id: \.id) == method.id)

            let gold = NewApplicationPlan(name: "Gold", published: true)
            guard case .created(let plan) = try await client.addApplicationPlanIfAbsent(toProduct: chat, gold) else {
                Issue.record("plan not created")
                return
            }
            #expect(kept(try await client.addApplicationPlanIfAbsent(toProduct: chat, gold), id: \.id) == plan.id)
            #expect(try await client.applicationPlans(ofProduct: chat).filter { $0.name == "Gold" }.count == 1)

            let echo = PolicyConfig(name: "echo", version: "builtin")
            guard case .created(let chain) = try await client.addPolicyIfAbsent(echo, toProduct: chat) else {
                Issue.record("policy not added")
                return
            }
            #expect(try await client.addPolicyIfAbsent(echo, toProduct: chat) == .kept(chain))
            let configured = PolicyConfig(name: "echo", version: "builtin", configuration: ["status": 201])
            guard case .differs(_, let policyDifferences) = try await client.addPolicyIfAbsent(configured, toProduct: chat) else {
                Issue.record("another configuration was kept")
                return
            }
            #expect(policyDifferences.map(\.setting) == ["configuration"])
            #expect(try await client.policies(ofProduct: chat).filter { $0.name == "echo" }.count == 1)
        }
    }

    @Test("an application, doc and account are created once; the second time the same application and key come back")
    func applicationDocAndAccountOnTheSandbox() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let first = try await client.issueApplicationIfAbsent(account: .name("user1"), product: .name("chat"), plan: nil, name: "app")
            guard case .created(let issued) = first else {
                Issue.record("\(first)")
                return
            }
            let second = try await client.issueApplicationIfAbsent(account: .name("user1"), product: .name("chat"), plan: nil, name: "app")
            guard case .kept(let found) = second else {
                Issue.record("\(second)")
                return
            }
            #expect(found.application.id == issued.application.id)
            #expect(found.application.userKey != nil && found.application.userKey == issued.application.userKey)
            #expect(found.plan.id == issued.plan.id && found.gateway == issued.gateway)
            _ = try await client.addApplicationPlan(toProduct: .name("chat"), NewApplicationPlan(name: "Gold", published: true))
            let otherPlan = try await client.issueApplicationIfAbsent(account: .name("user1"), product: .name("chat"), plan: "Gold", name: "app")
            guard case .differs(_, let differences) = otherPlan else {
                Issue.record("\(otherPlan)")
                return
            }
            #expect(differences.map(\.description) == ["plan: Standard Plan → Gold"])
            #expect(try await client.applications(account: .name("user1"), product: .name("chat")).count == 1)

            let productID = try await client.productID(.name("chat"))
            let doc = NewActiveDoc(
                name: "Chat", body: #"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{}}"#, systemName: "chat_doc",
                published: true, productID: productID)
            guard case .created(let created) = try await client.createActiveDocIfAbsent(doc) else {
                Issue.record("doc not created")
                return
            }
            guard case .kept(let found) = try await client.createActiveDocIfAbsent(doc) else {
                Issue.record("doc not kept")
                return
            }
            #expect(found.id == created.id)
            #expect(try await client.activeDocs().count == 1)

            let account = try await client.signupIfAbsent(orgName: "acme", username: "ann", email: "ann@acme.example", password: nil)
            guard case .created(let acme) = account else {
                Issue.record("\(account)")
                return
            }
            let again = try await client.signupIfAbsent(orgName: "acme", username: "ann", email: "ann@acme.example", password: nil)
            #expect(kept(again, id: \.id) == acme.id)
        }
    }

    /// The id of what a kept outcome found; nil when it created or differs.
    func kept<Object>(_ outcome: CreateOutcome<Object>, id: KeyPath<Object, Int>) -> Int? {
        guard case .kept(let object) = outcome else { return nil }
        return object[keyPath: id]
    }
}
