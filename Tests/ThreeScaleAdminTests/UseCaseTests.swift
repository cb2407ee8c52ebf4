import Testing

@testable import ThreeScaleAdmin

/// The admin use-cases the shell calls, against the sandbox over loopback.
@Suite("Admin use-cases on the sandbox")
struct UseCaseTests {
    @Test("a product's metrics and methods are found by id, system name, or a backend's name without .ID")
    func metricCatalog() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let catalog = try await client.metricCatalog(ofProduct: .name("chat"))
            #expect(catalog.find("hits")?.id == catalog.hitsID)
            #expect(Set(catalog.methods.map(\.systemName)).isSuperset(of: ["completions", "models", "health", "embeddings"]))
            #expect(catalog.all.filter { $0.systemName == "completions" }.count == 1)
            let completions = try catalog.metric("completions")
            #expect(catalog.find(String(completions.id)) == completions)
            #expect(catalog.name(of: completions.id) == "completions")
            #expect(catalog.name(of: 999_999) == "#999999")
            // hits is a metric, not a method.
            #expect(throws: ThreeScaleAdmin.AdminError.self) { try catalog.method("hits") }
            do throws(ThreeScaleAdmin.AdminError) {
                _ = try catalog.metric("nope")
                Issue.record("no error")
            } catch {
                guard case .noMatch(let kind, let name, let owner, let choices) = error else { Issue.record("\(error)"); return }
                #expect(kind == "metric or method" && name == "nope" && owner == "product chat")
                #expect(choices.contains("completions"))
                #expect(error.description.hasPrefix("Product chat has no metric or method nope; it has: hits,"))
            }
            // porta stores a backend's metrics as NAME.ID; they are found without the suffix.
            let backendID = try await client.backendID(.name("model"))
            let backend = try await client.metricCatalog(of: .backend(id: backendID))
            #expect(backend.find("hits")?.id == backend.hitsID)
            #expect(backend.name(of: backend.hitsID) == "hits")
        }
    }

    @Test("a mapping rule is added by metric name, then found and removed by METHOD PATTERN in any case")
    func mappingRules() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let added = try await client.addMappingRule(toProduct: .name("chat"), httpMethod: "get", pattern: "/extra", metric: "models", delta: 2)
            #expect(added.httpMethod == "GET" && added.delta == 2)
            let listing = try await client.mappingRules(ofProduct: .name("chat"))
            #expect(listing.rules.contains(added))
            #expect(listing.metricName(of: added) == "models")
            #expect(try await client.mappingRule(ofProduct: .name("chat"), matching: .route(httpMethod: "get", pattern: "/extra")) == added)
            #expect(try await client.mappingRule(ofProduct: .name("chat"), matching: .id(added.id)) == added)
            // The pattern must match exactly; only the method ignores case.
            await #expect(throws: ThreeScaleAdmin.AdminError.self) {
                try await client.mappingRule(ofProduct: .name("chat"), matching: .route(httpMethod: "GET", pattern: "/EXTRA"))
            }
            #expect(try await client.removeMappingRule(fromProduct: .name("chat"), matching: .route(httpMethod: "Get", pattern: "/extra")) == added)
            do throws(ThreeScaleAdmin.AdminError) {
                _ = try await client.removeMappingRule(fromProduct: .name("chat"), matching: .route(httpMethod: "GET", pattern: "/extra"))
                Issue.record("removed twice")
            } catch {
                guard case .noMatch(_, let name, _, let choices) = error else { Issue.record("\(error)"); return }
                #expect(name == "GET /extra")
                #expect(choices.contains("POST /v1/completions"))
            }
            // A rule on an unknown metric is refused before anything is created.
            let before = try await client.mappingRules(ofProduct: .name("chat")).rules.count
            await #expect(throws: ThreeScaleAdmin.AdminError.self) {
                try await client.addMappingRule(toProduct: .name("chat"), httpMethod: "GET", pattern: "/x", metric: "nope")
            }
            #expect(try await client.mappingRules(ofProduct: .name("chat")).rules.count == before)
        }
    }

    @Test("methods are added and removed by system name")
    func methods() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let method = try await client.addMethod(toProduct: .name("chat"), NewMethod(systemName: "extra"))
            #expect(method.friendlyName == "extra")
            #expect(try await client.metricCatalog(ofProduct: .name("chat")).method("extra") == method)
            #expect(try await client.removeMethod(fromProduct: .name("chat"), "extra").id == method.id)
            #expect(try await client.metricCatalog(ofProduct: .name("chat")).find("extra") == nil)
        }
    }

    @Test("applications are found by id or name across accounts; a shared name needs an id")
    func applications() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let user1 = ObjectRef.name(endpoints.developerAccount)
            let first = try await client.issueApplication(account: user1, product: .name("chat"), plan: nil, name: "first")
            #expect(first.plan.name == "Standard Plan")
            #expect(first.application.userKey?.isEmpty == false)
            #expect(first.gateway.key == .header("Authorization"))
            #expect(first.gateway.staging != nil)
            _ = try await client.signup(orgName: "acme", username: "ann", email: "ann@acme.example", password: nil)
            let theirs = try await client.issueApplication(account: .name("acme"), product: .name("chat"), plan: "Standard Plan", name: "shared")
            let ours = try await client.issueApplication(account: user1, product: .name("chat"), plan: "standard", name: "shared")

            #expect(try await client.application("first").id == first.application.id)
            #expect(try await client.application(String(first.application.id)).name == "first")
            #expect(try await client.application("first", ofProduct: .name("chat")).id == first.application.id)
            #expect(try await client.applications(account: .name("acme"), product: nil).map(\.id) == [theirs.application.id])
            #expect(try await client.applications(account: nil, product: .name("chat")).count == 3)
            await #expect(throws: ThreeScaleAdmin.AdminError.ambiguous(
                kind: "application", name: "shared", ids: [theirs.application.id, ours.application.id].sorted())
            ) {
                try await client.application("shared")
            }
            #expect(try await client.deleteApplication(String(ours.application.id)).id == ours.application.id)
            #expect(try await client.application("shared").id == theirs.application.id)
            #expect(try await client.deleteApplication("first").name == "first")
            do throws(ThreeScaleAdmin.AdminError) {
                _ = try await client.application("first")
                Issue.record("still there")
            } catch {
                guard case .noMatch(_, _, let owner, let choices) = error else { Issue.record("\(error)"); return }
                #expect(owner == "the tenant" && choices == ["shared"])
            }
        }
    }

    @Test("a new application's plan: the named one, else the only published one")
    func applicationPlans() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            let user1 = ObjectRef.name(endpoints.developerAccount)
            await #expect(throws: ThreeScaleAdmin.AdminError.noMatch(
                kind: "application plan", name: "Gold", owner: "product chat", choices: ["Standard Plan"])
            ) {
                try await client.issueApplication(account: user1, product: .name("chat"), plan: "Gold", name: "a")
            }
            let gold = try await client.addApplicationPlan(toProduct: .name("chat"), NewApplicationPlan(name: "Gold", published: true))
            #expect(gold.isPublished)
            await #expect(throws: ThreeScaleAdmin.AdminError.noDefault(
                kind: "application plan", owner: "product chat", choices: ["Standard Plan", "Gold"])
            ) {
                try await client.issueApplication(account: user1, product: .name("chat"), plan: nil, name: "a")
            }
            #expect(try await client.issueApplication(account: user1, product: .name("chat"), plan: String(gold.id), name: "a").plan == gold)
            let limit = try await client.setLimit(product: .name("chat"), plan: "Gold", metric: "completions", period: .minute, value: 5)
            let replaced = try await client.setLimit(product: .name("chat"), plan: "gold", metric: "completions", period: .minute, value: 7)
            #expect(try await client.limits(planID: gold.id).map(\.value) == [7])
            #expect(limit.id != replaced.id)
        }
    }

    @Test("subscribe is idempotent, unsubscribe says when there is nothing; promote twice promotes once")
    func subscriptionsAndPromotion() async throws {
        try await SandboxAdmin.with { client, endpoints in
            try await SandboxAdmin.publishChat(client, endpoints)
            _ = try await client.signup(orgName: "acme", username: "ann", email: "ann@acme.example", password: nil)
            // A signup may subscribe the account already (a default service plan); either way it ends subscribed.
            _ = try await client.subscribe(account: .name("ann"), product: .name("chat"), servicePlan: nil)
            #expect(try await client.subscribe(account: .name("acme"), product: .name("chat"), servicePlan: nil) == .alreadySubscribed)
            #expect(try await client.accountOverview(.name("acme")).subscribedProductIDs == [try await client.productID(.name("chat"))])
            try await client.unsubscribe(account: .name("acme"), product: .name("chat"))
            await #expect(throws: ThreeScaleAdmin.AdminError.notSubscribed(account: "acme", product: "chat")) {
                try await client.unsubscribe(account: .name("acme"), product: .name("chat"))
            }
            guard case .subscribed(let plan) = try await client.subscribe(account: .name("acme"), product: .name("chat"), servicePlan: nil) else {
                Issue.record("not subscribed again")
                return
            }
            #expect(plan.isDefault == true || plan.name == "Default")
            let first = try await client.promote(product: .name("chat"))
            #expect(first.promoted && first.productionVersion == first.stagingVersion)
            #expect(first.productionEndpoint == (try await client.gateway(ofProduct: .name("chat")).production))
            let second = try await client.promote(product: .name("chat"))
            #expect(!second.promoted && second.productionVersion == first.productionVersion)
        }
    }
}

@Suite("Typed admin writes")
struct TypedWriteTests {
    @Test("optional fields are not sent; each write uses porta's names")
    func forms() {
        #expect(BackendChanges(description: "x").form.encoded == "description=x")
        #expect(BackendChanges().isEmpty)
        #expect(NewBackend(name: "M", privateEndpoint: "http://m:80").form.encoded == "name=M&private_endpoint=http%3A%2F%2Fm%3A80")
        #expect(NewMappingRule(httpMethod: "GET", pattern: "/v1/models", metricID: 7).form.encoded
            == "http_method=GET&pattern=%2Fv1%2Fmodels&metric_id=7&delta=1")
        #expect(MappingRuleChanges(position: 2).form.encoded == "position=2")
        #expect(NewMethod(systemName: "completions").form.encoded == "friendly_name=completions&system_name=completions")
        #expect(NewApplicationPlan(name: "P").form.encoded == "name=P")
        #expect(NewApplicationPlan(name: "P", approvalRequired: false, published: true).form.encoded
            == "name=P&approval_required=false&state_event=publish")
        #expect(PlanChanges(published: false).form.encoded == "state_event=hide")
        #expect(ProxyChanges(endpoint: "http://h:1").form.encoded == "endpoint=http%3A%2F%2Fh%3A1")
        var proxy = ProxyChanges(credentialsLocation: "headers", authUserKey: "Authorization")
        proxy.errorStatusAuthFailed = 401
        #expect(proxy.form.encoded == "credentials_location=headers&auth_user_key=Authorization&error_status_auth_failed=401")
        #expect(NewApplication(planID: 3, name: "a").form.encoded == "plan_id=3&name=a&description=a")
        #expect(ApplicationChanges(description: "d").form.encoded == "description=d")
        #expect(NewActiveDoc(name: "d", body: "{}", productID: 4).form.encoded == "name=d&body=%7B%7D&service_id=4")
        #expect(ActiveDocChanges(published: true).form.encoded == "published=true")
        #expect(NewProduct(name: "P", systemName: "p").form.encoded == "name=P&system_name=p")
        #expect(ProductChanges(name: "Q").form.encoded == "name=Q")
        #expect(NewMetric(friendlyName: "Tokens", unit: "token").form.encoded == "friendly_name=Tokens&unit=token")
        #expect(MetricChanges(unit: "t").form.encoded == "unit=t")
        #expect(MethodChanges(friendlyName: "F").form.encoded == "friendly_name=F")
    }

    @Test("a rule selector matches the method in any case and the pattern exactly")
    func selector() {
        let rule = MappingRule(id: 4, metricID: 1, pattern: "/v1/models", httpMethod: "GET", delta: 1, position: 1, last: false)
        #expect(MappingRuleSelector.route(httpMethod: "get", pattern: "/v1/models").matches(rule))
        #expect(!MappingRuleSelector.route(httpMethod: "GET", pattern: "/v1/models/").matches(rule))
        #expect(!MappingRuleSelector.route(httpMethod: "POST", pattern: "/v1/models").matches(rule))
        #expect(MappingRuleSelector.id(4).matches(rule) && !MappingRuleSelector.id(5).matches(rule))
        #expect(MappingRuleSelector.route(httpMethod: "get", pattern: "/x").description == "GET /x")
    }
}
