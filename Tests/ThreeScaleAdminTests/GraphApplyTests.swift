import Synchronization
import Testing

@testable import ThreeScaleAdmin

/// The applier as a graph: what waits for what, rule order under concurrency, plan
/// order one at a time, and a failure that stops only what depends on it.
@Suite("Applier as a graph")
struct GraphApplyTests {
    /// For each name: a backend `NAME-model`, the vllm preset's product `NAME` on it,
    /// and its promotion to production.
    static func products(_ names: [String], modelURL: String = "http://model.example:8000") -> ResourceSet {
        var resources: [Resource] = []
        for name in names {
            resources.append(.backend(BackendResource(
                metadata: ObjectMeta(name: "\(name)-model"),
                spec: BackendSpec(name: "Model of \(name)", systemName: "\(name)-model", privateBaseURL: modelURL))))
            resources.append(.product(ProductPreset.vllm(name: name, systemName: name, backend: "\(name)-model")))
            resources.append(.proxyConfigPromote(ProxyConfigPromoteResource(
                metadata: ObjectMeta(name: "\(name)-promote"), spec: ProxyConfigPromoteSpec(productCRName: name, production: true))))
        }
        return ResourceSet(resources)
    }

    static func plan(_ client: AdminClient, _ set: ResourceSet) async throws -> Plan {
        try Planner.plan(set, state: try await StateFetcher(client: client).fetch(for: set), documents: [:])
    }

    /// The product's rules as 3scale orders them: "METHOD pattern".
    static func rules(_ client: AdminClient, product: String) async throws -> [String] {
        let id = try await client.productID(.name(product))
        return try await client.mappingRules(of: .product(id: id))
            .sorted { ($0.position ?? .max, $0.id) < ($1.position ?? .max, $1.id) }
            .map { "\($0.httpMethod) \($0.pattern)" }
    }

    static func fileRules(_ set: ResourceSet, product: String) throws -> [String] {
        let spec = try #require(set.products.first { $0.spec.effectiveSystemName == product }).spec
        return (spec.mappingRules ?? []).map { "\($0.httpMethod) \($0.pattern)" }
    }

    @Test("a new product's mapping rules end in the file's order with 8 calls in flight, and a second plan is empty")
    func rulesKeepTheFileOrder() async throws {
        try await SandboxAdmin.with { client, _ in
            let set = Self.products(["chat", "code"])
            let plan = try await Self.plan(client, set)
            let report = await Applier(client: client, resources: set, concurrency: 8).apply(plan)
            #expect(report.succeeded, "\(report.failed.map(\.error))")
            for product in ["chat", "code"] {
                #expect(try await Self.rules(client, product: product) == Self.fileRules(set, product: product))
            }
            #expect(try await Self.plan(client, set).isEmpty)
        }
    }

    @Test("rules that 3scale took out of order are moved into the file's order; a plan after that is empty")
    func rulesOutOfOrderAreMoved() async throws {
        try await SandboxAdmin.with { client, _ in
            let set = Self.products(["chat"])
            #expect(await Applier(client: client, resources: set).apply(try await Self.plan(client, set)).succeeded)
            let owner = MetricOwner.product(id: try await client.productID(.name("chat")))
            let placed = try await client.mappingRules(of: owner).sorted { ($0.position ?? .max, $0.id) < ($1.position ?? .max, $1.id) }
            let last = try #require(placed.last), first = try #require(placed.first)
            _ = try await client.updateMappingRule(of: owner, id: last.id, MappingRuleChanges(position: 1))
            _ = try await client.updateMappingRule(of: owner, id: first.id, MappingRuleChanges(position: placed.count))
            let file = try Self.fileRules(set, product: "chat")
            #expect(try await Self.rules(client, product: "chat") != file)

            let keys = placed.map { MappingRuleKey(httpMethod: $0.httpMethod, pattern: $0.pattern) }
            let order = Plan(actions: [Action(stage: .productRules, summary: "order the rules of chat",
                                              operation: .orderMappingRules(owner: .product("chat"), rules: keys))])
            #expect(await Applier(client: client, resources: set).apply(order).succeeded)
            #expect(try await Self.rules(client, product: "chat") == file)
            #expect(try await Self.plan(client, set).isEmpty)
        }
    }

    @Test("with one call at a time the actions run one after another in plan order")
    func oneAtATimeIsPlanOrder() async throws {
        try await SandboxAdmin.with { client, _ in
            let set = Self.products(["chat", "code"])
            let plan = try await Self.plan(client, set)
            let events = Mutex<[String]>([])
            let report = await Applier(client: client, resources: set, concurrency: 1).apply(plan) { action, status in
                events.withLock { $0.append("\(status == .started ? "start" : "end") \(action.summary)") }
            }
            #expect(report.succeeded, "\(report.failed.map(\.error))")
            #expect(events.withLock { $0 } == plan.lines.flatMap { ["start \($0)", "end \($0)"] })
        }
    }

    @Test("a failed create stops what depends on it; another product's actions complete; the report is in plan order")
    func failureStopsOnlyItsDependants() async throws {
        try await SandboxAdmin.with { client, _ in
            let set = Self.products(["chat", "code"])
            // Planned against a snapshot taken before someone else created product chat.
            let plan = try Planner.plan(set, state: ServerState(), documents: [:])
            _ = try await client.createProduct(NewProduct(name: "Chat elsewhere", systemName: "chat"))
            let report = await Applier(client: client, resources: set, concurrency: 4).apply(plan)

            #expect(report.failed.map(\.action.summary) == ["create product chat"])
            let ofChat = plan.actions.filter { $0.summary.contains("product chat") && $0.summary != "create product chat" }
            #expect(!ofChat.isEmpty)
            #expect(report.notAttempted == ofChat)
            #expect(report.completed == plan.actions.filter { !$0.summary.contains("product chat") })
            #expect(report.completed.contains { $0.summary == "promote the latest staging config of product code to production" })
            #expect(try await Self.rules(client, product: "code") == Self.fileRules(set, product: "code"))
        }
    }

    @Test("cancelling the apply (Ctrl-C) starts nothing more: what ran is reported, the rest not attempted")
    func cancellationStartsNothingMore() async throws {
        try await SandboxAdmin.with { client, _ in
            let set = Self.products(["chat"])
            let plan = try await Self.plan(client, set)
            let (ready, go) = AsyncStream.makeStream(of: Void.self)
            let handle = Mutex<Task<ApplyReport, Never>?>(nil)
            let events = Mutex<[String]>([])
            let task = Task {
                for await _ in ready { break }
                return await Applier(client: client, resources: set, concurrency: 1).apply(plan) { action, status in
                    events.withLock { $0.append("\(status == .started ? "start" : "end") \(action.summary)") }
                    // Cancelled as the first action ends, before the applier can start another.
                    if status == .completed { handle.withLock { $0?.cancel() } }
                }
            }
            handle.withLock { $0 = task }
            go.yield()
            go.finish()
            let report = await task.value
            let first = try #require(plan.actions.first)
            #expect(events.withLock { $0 } == ["start \(first.summary)", "end \(first.summary)"])
            #expect(report.completed == [first])
            #expect(report.failed.isEmpty)
            #expect(report.notAttempted == Array(plan.actions.dropFirst()))
        }
    }

    @Test("in the lab's plan every action waits only for earlier ones, the new rules go out together once their metrics exist, and the rest overlaps them")
    func labGraph() throws {
        let set = try Fixtures.seed()
        let plan = try Planner.plan(set, state: ServerState(), documents: ["llama70b": Fixtures.openAPI])
        let graph = ActionGraph(plan, resources: set)
        let actions = plan.actions
        for (index, dependencies) in graph.dependencies.enumerated() {
            #expect(dependencies.allSatisfy { $0 < index }, "\(actions[index].summary) waits for a later action")
        }
        func index(_ prefix: String) throws -> Int { try #require(actions.firstIndex { $0.summary.hasPrefix(prefix) }) }
        func waits(_ later: Int, on earlier: Int) -> Bool { graph.dependencies[later].contains(earlier) }

        let rules = actions.indices.filter { if case .createMappingRule = actions[$0].operation { true } else { false } }
        #expect(rules.count == 8)
        let methods = actions.indices.filter { actions[$0].summary.hasPrefix("create method") }
        for rule in rules {
            #expect(rules.allSatisfy { !waits(rule, on: $0) }, "the new rules are created together")
            #expect(methods.allSatisfy { waits(rule, on: $0) }, "a new rule goes out once every rule's method exists")
            #expect(graph.depth[rule] == graph.depth[rules[0]])
        }
        let order = try index("check that the 8 new mapping rules")
        #expect(rules.allSatisfy { waits(order, on: $0) })

        let product = try index("create product"), deploy = try index("deploy"), promote = try index("promote")
        for independent in ["create application plan", "set the policy chain", "create API doc", "add backend", "delete mapping rule GET /"] {
            let action = try index(independent)
            #expect(waits(action, on: product), "\(independent) runs before its product exists")
            #expect(rules.allSatisfy { !waits(action, on: $0) }, "\(independent) waits for the rule chain")
            #expect(waits(deploy, on: action))
        }
        #expect(rules.allSatisfy { waits(deploy, on: $0) } && waits(deploy, on: order))
        #expect(waits(promote, on: deploy))
        #expect(graph.depth[product] > graph.depth[try index("create backend")])
    }

    @Test("concurrent lookups of one owner's metrics share one listing")
    func oneMetricListing() async throws {
        let names = ["hits", "health", "tokenize", "detokenize", "models", "version", "completions", "embeddings"]
        let metrics = names.enumerated().map { #"{"metric":{"id":\#($0 + 10),"name":"\#($1)","system_name":"\#($1)","friendly_name":"\#($1)","unit":"hit"}}"# }
        let server = try await ScriptedServer.start { request, _ in
            switch (request.method, request.path) {
            case ("GET", "/admin/api/services.json"):
                return (200, #"{"services":[{"service":{"id":2,"name":"Chat","system_name":"chat"}}]}"#)
            case ("GET", "/admin/api/services/2/metrics.json"):
                return (200, #"{"metrics":[\#(metrics.joined(separator: ","))]}"#)
            default:
                return (404, #"{"status":"Not found"}"#)
            }
        }
        let admin = try AdminClient(configuration: AdminConfiguration(adminURL: server.url, accessToken: "t"))
        let registry = IDRegistry(client: admin)
        let ids = try await withThrowingTaskGroup(of: Int.self) { group in
            for name in names { group.addTask { try await registry.metricID(.product("chat"), name) } }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(ids == Set(10..<(10 + names.count)))
        #expect(server.requests.map { "\($0.method) \($0.path)" } == [
            "GET /admin/api/services.json", "GET /admin/api/services/2/metrics.json",
        ])
        try await admin.shutdown()
        try await server.stop()
    }
}
