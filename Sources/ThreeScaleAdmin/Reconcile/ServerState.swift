/// A snapshot of what 3scale holds for the objects a plan is about. The planner is a
/// pure function of this and the desired resources, so tests build it in memory.
public struct ServerState: Sendable, Codable, Equatable {
    public var backends: [BackendState]
    public var products: [ProductState]
    public var activeDocs: [APIDoc]
    public var accounts: [AccountState]
    /// Whether `accounts` was fetched (only files with accounts or applications need it).
    public var accountsLoaded: Bool

    public init(
        backends: [BackendState] = [], products: [ProductState] = [], activeDocs: [APIDoc] = [],
        accounts: [AccountState] = [], accountsLoaded: Bool = false
    ) {
        self.backends = backends
        self.products = products
        self.activeDocs = activeDocs
        self.accounts = accounts
        self.accountsLoaded = accountsLoaded
    }

    public func backend(_ systemName: String) -> BackendState? {
        backends.first { $0.backend.systemName == systemName }
    }

    public func backend(id: Int) -> BackendState? {
        backends.first { $0.backend.id == id }
    }

    public func product(_ systemName: String) -> ProductState? {
        products.first { $0.service.systemName == systemName }
    }

    public func account(orgName: String) -> AccountState? {
        accounts.first { $0.account.orgName == orgName }
    }
}

public struct BackendState: Sendable, Codable, Equatable {
    public var backend: BackendAPI
    /// Top-level metrics, system names without porta's `.ID` suffix.
    public var metrics: [Metric]
    /// Methods (children of hits), names sanitized the same way.
    public var methods: [Metric]
    public var mappingRules: [MappingRule]

    public init(backend: BackendAPI, metrics: [Metric], methods: [Metric], mappingRules: [MappingRule]) {
        self.backend = backend
        self.metrics = metrics
        self.methods = methods
        self.mappingRules = mappingRules
    }

    /// System name → id over metrics and methods.
    public var metricIDs: [String: Int] {
        Dictionary((metrics + methods).map { ($0.systemName, $0.id) }, uniquingKeysWith: { first, _ in first })
    }
}

public struct ProductState: Sendable, Codable, Equatable {
    public var service: Service
    public var metrics: [Metric]
    public var methods: [Metric]
    public var mappingRules: [MappingRule]
    public var backendUsages: [BackendUsage]
    public var proxy: Proxy
    public var policies: [PolicyConfig]
    public var plans: [PlanState]
    /// Latest staging (sandbox) and production config versions; nil when none.
    public var stagingVersion: Int?
    public var productionVersion: Int?

    public init(
        service: Service, metrics: [Metric], methods: [Metric], mappingRules: [MappingRule],
        backendUsages: [BackendUsage], proxy: Proxy, policies: [PolicyConfig], plans: [PlanState],
        stagingVersion: Int? = nil, productionVersion: Int? = nil
    ) {
        self.service = service
        self.metrics = metrics
        self.methods = methods
        self.mappingRules = mappingRules
        self.backendUsages = backendUsages
        self.proxy = proxy
        self.policies = policies
        self.plans = plans
        self.stagingVersion = stagingVersion
        self.productionVersion = productionVersion
    }

    public var metricIDs: [String: Int] {
        Dictionary((metrics + methods).map { ($0.systemName, $0.id) }, uniquingKeysWith: { first, _ in first })
    }
}

public struct PlanState: Sendable, Codable, Equatable {
    public var plan: ApplicationPlan
    public var limits: [UsageLimit]
    public var pricingRules: [PricingRule]

    public init(plan: ApplicationPlan, limits: [UsageLimit] = [], pricingRules: [PricingRule] = []) {
        self.plan = plan
        self.limits = limits
        self.pricingRules = pricingRules
    }
}

public struct AccountState: Sendable, Codable, Equatable {
    public var account: Account
    public var users: [User]
    public var applications: [Application]

    public init(account: Account, users: [User] = [], applications: [Application] = []) {
        self.account = account
        self.users = users
        self.applications = applications
    }
}
