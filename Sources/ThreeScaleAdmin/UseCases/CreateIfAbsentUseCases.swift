/// Creates that look for the object first, by the name that identifies it, so a
/// script can run twice: absent, it is created; present, nothing is sent and the
/// outcome says whether it has the settings asked for (see `CreateComparison`).
extension AdminClient {
    /// An API doc, found by its system name (by its name when none is given).
    public func createActiveDocIfAbsent(_ doc: NewActiveDoc) async throws(AdminError) -> CreateOutcome<APIDoc> {
        let listed = try await activeDocs().first { doc.systemName == nil ? $0.name == doc.name : $0.systemName == doc.systemName }
        guard let listed else { return .created(try await createActiveDoc(doc)) }
        // The list may leave the document out; the doc itself has it.
        let existing = listed.body == nil ? try await activeDoc(.id(listed.id)) : listed
        return .found(existing, CreateComparison.activeDoc(existing, doc))
    }

    /// A mapping rule: one with the same method and pattern counting the same metric
    /// or method is the same rule.
    public func addMappingRuleIfAbsent(
        toProduct product: ObjectRef, httpMethod: String, pattern: String, metric: String, delta: Int = 1, last: Bool = false
    ) async throws(AdminError) -> CreateOutcome<MappingRule> {
        let catalog = try await metricCatalog(ofProduct: product)
        let wanted = NewMappingRule(
            httpMethod: httpMethod.uppercased(), pattern: pattern, metricID: try catalog.metric(metric).id, delta: delta,
            last: last ? true : nil)
        let rules = try await mappingRules(of: catalog.owner)
        guard let existing = rules.first(where: {
            $0.httpMethod == wanted.httpMethod && $0.pattern == wanted.pattern && $0.metricID == wanted.metricID
        }) else { return .created(try await createMappingRule(of: catalog.owner, wanted)) }
        return .found(existing, CreateComparison.mappingRule(existing, wanted))
    }

    /// A method, found by its system name.
    public func addMethodIfAbsent(toProduct product: ObjectRef, _ method: NewMethod) async throws(AdminError)
        -> CreateOutcome<Metric>
    {
        let catalog = try await metricCatalog(ofProduct: product)
        guard let existing = catalog.methods.first(where: { catalog.owner.sanitize($0.systemName) == method.systemName }) else {
            return .created(try await createMethod(of: catalog.owner, hitsID: catalog.hitsID, method))
        }
        return .found(existing, CreateComparison.method(existing, method))
    }

    /// An application plan, found by its system name when one is given, else by its name.
    public func addApplicationPlanIfAbsent(toProduct product: ObjectRef, _ plan: NewApplicationPlan) async throws(AdminError)
        -> CreateOutcome<ApplicationPlan>
    {
        let productID = try await productID(product)
        let plans = try await applicationPlans(productID: productID)
        let existing = plans.first { plan.systemName == nil ? $0.name == plan.name : $0.systemName == plan.systemName }
        guard let existing else { return .created(try await createApplicationPlan(productID: productID, plan)) }
        return .found(existing, CreateComparison.applicationPlan(existing, plan))
    }

    /// A policy, found by its name in the chain; `position` as in `addPolicy`.
    public func addPolicyIfAbsent(_ policy: PolicyConfig, toProduct product: ObjectRef, at position: Int? = nil)
        async throws(AdminError) -> CreateOutcome<[PolicyConfig]>
    {
        let chain = try await policies(ofProduct: product)
        guard let index = chain.firstIndex(where: { $0.name == policy.name }) else {
            return .created(try await addPolicy(policy, toProduct: product, at: position))
        }
        let wantedPosition = position.map { min(max($0, 1), chain.count) }
        return .found(chain, CreateComparison.policy(chain[index], position: index + 1, policy, wantedPosition: wantedPosition))
    }

    /// A developer account, found by its organization name, with its first user.
    public func signupIfAbsent(orgName: String, username: String, email: String?, password: String?) async throws(AdminError)
        -> CreateOutcome<Account>
    {
        guard let existing = try await accounts().first(where: { $0.orgName == orgName }) else {
            return .created(try await signup(orgName: orgName, username: username, email: email, password: password))
        }
        return .found(existing, CreateComparison.account(users: try await users(accountID: existing.id), username: username, email: email))
    }

    /// An application, found by its account, product and name; kept when it is on the
    /// plan a new one would get (its key is the one to use).
    public func issueApplicationIfAbsent(account: ObjectRef, product: ObjectRef, plan: String?, name: String)
        async throws(AdminError) -> CreateOutcome<IssuedApplication>
    {
        let accountID = try await accountID(account)
        let productID = try await productID(product)
        let plans = try await applicationPlans(productID: productID)
        let chosen = try Self.planForNewApplication(in: plans, named: plan, owner: "product \(product)")
        let applications = try await applications(accountID: accountID).filter { $0.serviceID == productID }
        guard let (existing, differences) = CreateComparison.application(named: name, in: applications, plan: chosen, plans: plans)
        else { return .created(try await issueApplication(accountID: accountID, productID: productID, plan: chosen, name: name)) }
        let onPlan = plans.first { $0.id == existing.planID } ?? chosen
        let issued = IssuedApplication(application: existing, plan: onPlan, gateway: try await gateway(ofProduct: .id(productID)))
        return .found(issued, differences)
    }
}
