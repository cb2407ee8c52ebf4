/// Reads the snapshot a plan needs: every backend and product by name, then the
/// details of those the resources mention (and the backends they use), `concurrency`
/// objects at a time; with 1, one admin call at a time.
public struct StateFetcher: Sendable {
    public let client: AdminClient
    public let concurrency: Int

    public init(client: AdminClient, concurrency: Int = 4) {
        self.client = client
        self.concurrency = max(1, concurrency)
    }

    /// One call at a time for a concurrency of 1; otherwise the cap in force, if any.
    private var callLimit: Int? { concurrency == 1 ? 1 : nil }

    /// The state relevant to a resource file.
    public func fetch(for set: ResourceSet) async throws(AdminError) -> ServerState {
        try await CallLimiter.limiting(to: callLimit) { () async throws(AdminError) in try await fetchState(for: set) }
    }

    private func fetchState(for set: ResourceSet) async throws(AdminError) -> ServerState {
        var products = Set(set.products.map(\.spec.effectiveSystemName))
        products.formUnion(set.promotes.map { set.product(named: $0.spec.productCRName)?.spec.effectiveSystemName ?? $0.spec.productCRName })
        products.formUnion(set.activeDocs.compactMap(\.spec.productSystemName))
        products.formUnion(set.applications.compactMap { app in
            app.spec.productCR.name.map { set.product(named: $0)?.spec.effectiveSystemName ?? $0 }
        })
        var backends = Set(set.backends.map(\.spec.effectiveSystemName))
        for product in set.products { backends.formUnion((product.spec.backendUsages ?? [:]).keys) }
        let needsAccounts = !set.applications.isEmpty || !set.developerAccounts.isEmpty || !set.developerUsers.isEmpty
        var orgs = Set(set.developerAccounts.map(\.spec.orgName))
        for user in set.developerUsers {
            if let name = user.spec.developerAccountRef.name { orgs.insert(set.developerAccount(named: name)?.spec.orgName ?? name) }
        }
        for app in set.applications {
            if let name = app.spec.accountCR.name { orgs.insert(set.developerAccount(named: name)?.spec.orgName ?? name) }
        }
        var state = try await fetchObjects(products: products, backends: backends, activeDocs: !set.activeDocs.isEmpty)
        if needsAccounts {
            state.accounts = try await accounts(orgs: orgs)
            state.accountsLoaded = true
        }
        return state
    }

    /// The state of named products and backends (and the backends those products use):
    /// what `export` needs.
    public func fetch(products: Set<String>, backends: Set<String>, activeDocs: Bool = false) async throws(AdminError)
        -> ServerState
    {
        try await CallLimiter.limiting(to: callLimit) { () async throws(AdminError) in
            try await fetchObjects(products: products, backends: backends, activeDocs: activeDocs)
        }
    }

    private func fetchObjects(products: Set<String>, backends: Set<String>, activeDocs: Bool) async throws(AdminError)
        -> ServerState
    {
        let client = self.client
        async let remoteBackendsTask = await Result.capture { try await client.listBackends() }
        async let remoteProductsTask = await Result.capture { try await client.listProducts() }
        async let docsTask = await Result.capture { activeDocs ? try await client.activeDocs() : [] }
        let remoteBackends = try await remoteBackendsTask.get()
        let remoteProducts = try await remoteProductsTask.get()
        let chosenProducts = remoteProducts.filter { products.contains($0.systemName) }
        let productStates = try await concurrentMap(chosenProducts, limit: concurrency) { service in
            try await StateFetcher.productState(client, service)
        }
        var backendNames = backends
        for product in productStates {
            for usage in product.backendUsages {
                if let backend = remoteBackends.first(where: { $0.id == usage.backendID }) { backendNames.insert(backend.systemName) }
            }
        }
        let chosenBackends = remoteBackends.filter { backendNames.contains($0.systemName) }
        let backendStates = try await concurrentMap(chosenBackends, limit: concurrency) { backend in
            try await StateFetcher.backendState(client, backend)
        }
        return ServerState(backends: backendStates, products: productStates, activeDocs: try await docsTask.get())
    }

    static func backendState(_ client: AdminClient, _ backend: BackendAPI) async throws(AdminError) -> BackendState {
        let owner = MetricOwner.backend(id: backend.id)
        let all = try await client.metrics(of: owner).map { metric in
            var copy = metric
            copy.systemName = owner.sanitize(metric.systemName)
            return copy
        }
        let (metrics, methods) = try await split(client, owner, all)
        let rules = try await client.mappingRules(of: owner)
        return BackendState(backend: backend, metrics: metrics, methods: methods, mappingRules: rules)
    }

    /// Methods come from hits' method list (as the operator reads them), not from
    /// `parent_id`, which not every server renders.
    static func split(_ client: AdminClient, _ owner: MetricOwner, _ all: [Metric]) async throws(AdminError)
        -> (metrics: [Metric], methods: [Metric])
    {
        guard let hits = all.first(where: { $0.systemName == "hits" }) else { return (all, []) }
        let listed = try await client.methods(of: owner, hitsID: hits.id)
        let methods = listed.map { method in
            var copy = method
            copy.systemName = owner.sanitize(method.systemName)
            return copy
        }
        let methodIDs = Set(methods.map(\.id))
        return (all.filter { !methodIDs.contains($0.id) }, methods)
    }

    static func productState(_ client: AdminClient, _ service: Service) async throws(AdminError) -> ProductState {
        let id = service.id
        let owner = MetricOwner.product(id: id)
        async let metricsTask = await Result.capture { try await client.metrics(of: owner) }
        async let rulesTask = await Result.capture { try await client.mappingRules(of: owner) }
        async let usagesTask = await Result.capture { try await client.backendUsages(productID: id) }
        async let proxyTask = await Result.capture { try await client.proxy(productID: id) }
        async let policiesTask = await Result.capture { try await client.policies(productID: id) }
        async let plansTask = await Result.capture { try await client.applicationPlans(productID: id) }
        async let stagingTask = await Result.capture {
            try await client.latestProxyConfig(productID: id, environment: .sandbox)
        }
        async let productionTask = await Result.capture {
            try await client.latestProxyConfig(productID: id, environment: .production)
        }
        let all = try await metricsTask.get()
        var plans: [PlanState] = []
        for plan in try await plansTask.get() {
            async let limits = await Result.capture { try await client.limits(planID: plan.id) }
            async let pricing = await Result.capture { try await client.pricingRules(planID: plan.id) }
            plans.append(PlanState(plan: plan, limits: try await limits.get(), pricingRules: try await pricing.get()))
        }
        let (metrics, methods) = try await split(client, owner, all)
        return ProductState(
            service: service, metrics: metrics, methods: methods,
            mappingRules: try await rulesTask.get(), backendUsages: try await usagesTask.get(), proxy: try await proxyTask.get(),
            policies: try await policiesTask.get(), plans: plans, stagingVersion: try await stagingTask.get()?.version,
            productionVersion: try await productionTask.get()?.version)
    }

    /// An account with its users and applications, and the products those use (for
    /// their plans' system names): what `export account` needs.
    public func fetch(account orgName: String) async throws(AdminError) -> ServerState {
        try await CallLimiter.limiting(to: callLimit) { () async throws(AdminError) in try await fetchAccount(orgName) }
    }

    private func fetchAccount(_ orgName: String) async throws(AdminError) -> ServerState {
        let accounts = try await accounts(orgs: [orgName])
        let used = Set(accounts.flatMap(\.applications).compactMap(\.serviceID))
        let names = Set(try await client.listProducts().filter { used.contains($0.id) }.map(\.systemName))
        var state = try await fetchObjects(products: names, backends: [], activeDocs: false)
        state.accounts = accounts
        state.accountsLoaded = true
        return state
    }

    private func accounts(orgs: Set<String>) async throws(AdminError) -> [AccountState] {
        let client = self.client
        let chosen = try await client.accounts().filter { orgs.contains($0.orgName ?? "") }
        return try await concurrentMap(chosen, limit: concurrency) { account in
            async let users = await Result.capture { try await client.users(accountID: account.id) }
            async let applications = await Result.capture {
                try await client.applications(accountID: account.id)
            }
            return AccountState(account: account, users: try await users.get(), applications: try await applications.get())
        }
    }
}

extension Result where Failure == AdminError {
    /// Captures a typed-throwing async call, for `async let` (which cannot keep the error type).
    static func capture(_ body: () async throws -> Success) async -> Result {
        do {
            return .success(try await body())
        } catch {
            return .failure(AdminError(error))
        }
    }
}
