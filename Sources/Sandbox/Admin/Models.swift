import Untrusted

/// The stored state of the emulated tenant: one provider account and everything it owns.
/// Field names follow 3scale's columns; timestamps are ISO-8601 strings as 3scale renders them.
struct SandboxState: Codable, Sendable, Equatable {
    static let currentFormat = 1

    var format = SandboxState.currentFormat
    var nextID: [String: Int] = [:]
    var providerAccountID = 1
    /// Ports bound last time, reused on restart so stored URLs (backends' private
    /// endpoints, saved profiles) keep working.
    var adminPort: Int?
    var modelPort: Int?
    var accessTokens: [AccessToken] = []
    var accounts: [Account] = []
    var users: [User] = []
    var backends: [Backend] = []
    var metrics: [Metric] = []
    var mappingRules: [MappingRule] = []
    var services: [Service] = []
    var backendUsages: [BackendUsage] = []
    var proxyConfigs: [ProxyConfig] = []
    var applicationPlans: [ApplicationPlan] = []
    var servicePlans: [ServicePlan] = []
    /// nil in a state file written before the sandbox had account plans (`AdminStore`
    /// then gives the tenant its default one).
    var accountPlans: [AccountPlan]?
    var limits: [UsageLimit] = []
    var pricingRules: [PricingRule] = []
    var subscriptions: [StoredServiceSubscription] = []
    var activeDocs: [ActiveDoc] = []
    var applications: [Application] = []
    /// Hits per application, metric and hour, for the analytics endpoints; empty in a
    /// state file written before the sandbox counted them.
    var traffic = TrafficLedger()

    /// Ids are per table, increasing, never reused (as database ids).
    mutating func newID(_ table: String) -> Int {
        let id = (nextID[table] ?? 1)
        nextID[table] = id + 1
        return id
    }
}

struct AccessToken: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var value: String
    var permission: String  // "rw" or "ro"
    var scopes: [String]
}

struct Account: Codable, Sendable, Equatable {
    var id: Int
    var orgName: String
    var state: String
    var isProvider: Bool
    var siteAccessCode: String?
    /// The provider's `default_account_plan`.
    var defaultAccountPlanID: Int?
    var createdAt: String
    var updatedAt: String
}

struct User: Codable, Sendable, Equatable {
    var id: Int
    var accountID: Int
    var username: String
    var email: String
    var role: String
    var state: String
    var createdAt: String
    var updatedAt: String
}

struct Backend: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var systemName: String
    var description: String
    var privateEndpoint: String
    var createdAt: String
    var updatedAt: String
}

enum OwnerKind: String, Codable, Sendable {
    case service, backend
}

struct Metric: Codable, Sendable, Equatable {
    var id: Int
    var owner: OwnerKind
    var ownerID: Int
    var systemName: String
    var friendlyName: String
    var unit: String
    var description: String?
    var parentID: Int?
    var createdAt: String
    var updatedAt: String
}

struct MappingRule: Codable, Sendable, Equatable {
    var id: Int
    var owner: OwnerKind
    var ownerID: Int
    var metricID: Int
    var pattern: String
    var httpMethod: String
    var delta: Int
    var position: Int
    var last: Bool
    var createdAt: String
    var updatedAt: String
}

struct Service: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var systemName: String
    var description: String?
    var state: String
    var backendVersion: String
    var deploymentOption: String
    var supportEmail: String?
    var settings: [String: JSONValue]  // the boolean/enum product settings, rendered as given
    var defaultApplicationPlanID: Int?
    var defaultServicePlanID: Int?
    var proxy: Proxy
    var createdAt: String
    var updatedAt: String
}

struct Proxy: Codable, Sendable, Equatable {
    var endpoint: String
    var sandboxEndpoint: String
    var credentialsLocation = "query"
    var authUserKey = "user_key"
    var authAppID = "app_id"
    var authAppKey = "app_key"
    var errorAuthFailed = "Authentication failed"
    var errorAuthMissing = "Authentication parameters missing"
    var errorNoMatch = "No Mapping Rule matched"
    var errorLimitsExceeded = "Usage limit exceeded"
    var errorStatusAuthFailed = 403
    var errorStatusAuthMissing = 403
    var errorStatusNoMatch = 404
    var errorStatusLimitsExceeded = 429
    var errorHeadersAuthFailed = "text/plain; charset=us-ascii"
    var errorHeadersAuthMissing = "text/plain; charset=us-ascii"
    var errorHeadersNoMatch = "text/plain; charset=us-ascii"
    var errorHeadersLimitsExceeded = "text/plain; charset=us-ascii"
    var secretToken: String
    var hostnameRewrite: String?
    var oauthLoginURL: String?
    var apiTestPath = "/"
    var policies: [Policy] = [Policy.apicast]
    var lockVersion = 0
    var deployedAt: String?
    var createdAt: String
    var updatedAt: String
}

struct Policy: Codable, Sendable, Equatable, Hashable {
    var name: String
    var version: String
    var configuration: JSONValue
    var enabled: Bool?

    static let apicast = Policy(name: "apicast", version: "builtin", configuration: .object([:]), enabled: true)
}

struct BackendUsage: Codable, Sendable, Equatable {
    var id: Int
    var serviceID: Int
    var backendID: Int
    var path: String
}

struct ProxyConfig: Codable, Sendable, Equatable {
    var id: Int
    var serviceID: Int
    var version: Int
    var environment: String  // "sandbox" or "production"
    var gateway: GatewayConfig
    var content: JSONValue
    var createdAt: String
}

struct ApplicationPlan: Codable, Sendable, Equatable {
    var id: Int
    var serviceID: Int
    var name: String
    var systemName: String
    var description: String?
    var state: String
    var approvalRequired: Bool
    var setupFee: Double
    var costPerMonth: Double
    var trialPeriodDays: Int
    var createdAt: String
    var updatedAt: String
}

struct ServicePlan: Codable, Sendable, Equatable {
    var id: Int
    var serviceID: Int
    var name: String
    var systemName: String
    var state: String
    var approvalRequired: Bool
    var createdAt: String
    var updatedAt: String
}

/// A tenant-wide plan for developer accounts (porta `account_plan.rb`).
struct AccountPlan: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var systemName: String
    var state: String
    var approvalRequired: Bool
    var createdAt: String
    var updatedAt: String
}

struct UsageLimit: Codable, Sendable, Equatable {
    var id: Int
    var planID: Int
    var metricID: Int
    var period: String
    var value: Int
    var createdAt: String
    var updatedAt: String
}

struct PricingRule: Codable, Sendable, Equatable {
    var id: Int
    var planID: Int
    var metricID: Int
    var min: Int
    var max: Int?
    var costPerUnit: String
    var createdAt: String
    var updatedAt: String
}

/// An account's subscription to a product as the sandbox stores it (ThreeScaleAdmin's
/// `ServiceSubscription` is what a client reads of it).
struct StoredServiceSubscription: Codable, Sendable, Equatable {
    var id: Int
    var accountID: Int
    var planID: Int
    var serviceID: Int
    var state: String
    var createdAt: String
    var updatedAt: String
}

struct ActiveDoc: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var systemName: String
    var description: String?
    var published: Bool
    var skipSwaggerValidations: Bool
    var body: String
    var serviceID: Int?
    var createdAt: String
    var updatedAt: String
}

struct Application: Codable, Sendable, Equatable {
    var id: Int
    var accountID: Int
    var planID: Int
    var serviceID: Int
    var name: String?
    var description: String?
    var state: String
    var userKey: String
    var providerVerificationKey: String
    var firstTrafficAt: String?
    var createdAt: String
    var updatedAt: String
}

/// What the gateway needs from one deployed proxy config (the part of porta's
/// proxy-config `content` that APIcast reads), frozen at deploy time.
struct GatewayConfig: Codable, Sendable, Equatable {
    struct ErrorReply: Codable, Sendable, Equatable {
        var status: Int
        var body: String
        var contentType: String
    }

    struct Rule: Codable, Sendable, Equatable {
        var httpMethod: String
        var pattern: String
        var metricID: Int
        var metricSystemName: String
        var delta: Int
        var last: Bool
    }

    struct Route: Codable, Sendable, Equatable {
        var path: String
        var privateEndpoint: String
    }

    var serviceID: Int
    var credentialsLocation: String
    var authUserKey: String
    var authMissing: ErrorReply
    var authFailed: ErrorReply
    var noMatch: ErrorReply
    var limitsExceeded: ErrorReply
    var secretToken: String
    var policyChain: [Policy]
    var rules: [Rule]
    var routes: [Route]
}
