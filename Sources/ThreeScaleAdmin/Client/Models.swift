import Untrusted

/// The admin API's objects, as porta renders them in JSON. Only the fields maas
/// reads are declared; porta omits nil attributes, so most are optional.

/// `{"backend_api": {…}}`
public struct BackendAPI: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var systemName: String
    public var description: String?
    public var privateEndpoint: String?
    public var accountID: Int?

    public init(id: Int, name: String, systemName: String, description: String? = nil, privateEndpoint: String? = nil) {
        self.id = id
        self.name = name
        self.systemName = systemName
        self.description = description
        self.privateEndpoint = privateEndpoint
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case systemName = "system_name"
        case privateEndpoint = "private_endpoint"
        case accountID = "account_id"
    }
}

/// A product: `{"service": {…}}`.
public struct Service: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var systemName: String
    public var description: String?
    public var state: String?
    /// `1` user key, `2` app id + app key, `oauth`, `oidc`.
    public var backendVersion: String?
    /// `hosted`, `self_managed`, …
    public var deploymentOption: String?

    public init(
        id: Int, name: String, systemName: String, description: String? = nil, state: String? = nil,
        backendVersion: String? = nil, deploymentOption: String? = nil
    ) {
        self.id = id
        self.name = name
        self.systemName = systemName
        self.description = description
        self.state = state
        self.backendVersion = backendVersion
        self.deploymentOption = deploymentOption
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, state
        case systemName = "system_name"
        case backendVersion = "backend_version"
        case deploymentOption = "deployment_option"
    }
}

/// A metric (`{"metric": …}`) or a method (`{"method": …}`, with `parent_id`).
public struct Metric: Codable, Sendable, Equatable {
    public var id: Int
    /// For backend metrics porta appends `.BACKEND_ID`; see `MetricOwner.sanitize`.
    public var systemName: String
    public var friendlyName: String
    public var description: String?
    public var unit: String?
    public var parentID: Int?

    public init(
        id: Int, systemName: String, friendlyName: String, description: String? = nil, unit: String? = nil,
        parentID: Int? = nil
    ) {
        self.id = id
        self.systemName = systemName
        self.friendlyName = friendlyName
        self.description = description
        self.unit = unit
        self.parentID = parentID
    }

    enum CodingKeys: String, CodingKey {
        case id, description, unit
        case systemName = "system_name"
        case friendlyName = "friendly_name"
        case parentID = "parent_id"
    }
}

/// `{"mapping_rule": {…}}`, for products and backends alike.
public struct MappingRule: Codable, Sendable, Equatable {
    public var id: Int
    public var metricID: Int
    public var pattern: String
    public var httpMethod: String
    public var delta: Int
    public var position: Int?
    public var last: Bool?

    public init(
        id: Int, metricID: Int, pattern: String, httpMethod: String, delta: Int, position: Int? = nil,
        last: Bool? = nil
    ) {
        self.id = id
        self.metricID = metricID
        self.pattern = pattern
        self.httpMethod = httpMethod
        self.delta = delta
        self.position = position
        self.last = last
    }

    enum CodingKeys: String, CodingKey {
        case id, pattern, delta, position, last
        case metricID = "metric_id"
        case httpMethod = "http_method"
    }
}

/// `{"backend_usage": {…}}`: the output key is `backend_id`, the input `backend_api_id`.
public struct BackendUsage: Codable, Sendable, Equatable {
    public var id: Int
    public var path: String
    public var serviceID: Int?
    public var backendID: Int

    public init(id: Int, path: String, serviceID: Int? = nil, backendID: Int) {
        self.id = id
        self.path = path
        self.serviceID = serviceID
        self.backendID = backendID
    }

    enum CodingKeys: String, CodingKey {
        case id, path
        case serviceID = "service_id"
        case backendID = "backend_id"
    }
}

/// One element of a policy chain. Output items are not wrapped.
public struct PolicyConfig: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var configuration: JSONValue
    /// porta omits it when it was never given; only enabled policies reach the gateway.
    public var enabled: Bool?

    public init(name: String, version: String, configuration: JSONValue = .object([:]), enabled: Bool? = true) {
        self.name = name
        self.version = version
        self.configuration = configuration
        self.enabled = enabled
    }
}

/// `{"proxy": {…}}`: the gateway settings of a product.
public struct Proxy: Codable, Sendable, Equatable {
    public var serviceID: Int?
    /// Production public base URL.
    public var endpoint: String?
    /// Staging public base URL.
    public var sandboxEndpoint: String?
    public var credentialsLocation: String?
    public var authUserKey: String?
    public var authAppID: String?
    public var authAppKey: String?
    public var secretToken: String?
    public var hostnameRewrite: String?
    public var errorAuthFailed: String?
    public var errorAuthMissing: String?
    public var errorNoMatch: String?
    public var errorLimitsExceeded: String?
    public var errorHeadersAuthFailed: String?
    public var errorHeadersAuthMissing: String?
    public var errorHeadersNoMatch: String?
    public var errorHeadersLimitsExceeded: String?
    public var errorStatusAuthFailed: Int?
    public var errorStatusAuthMissing: Int?
    public var errorStatusNoMatch: Int?
    public var errorStatusLimitsExceeded: Int?
    public var oidcIssuerEndpoint: String?
    public var oidcIssuerType: String?
    public var jwtClaimWithClientID: String?
    public var jwtClaimWithClientIDType: String?
    public var policiesConfig: [PolicyConfig]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case endpoint
        case serviceID = "service_id"
        case sandboxEndpoint = "sandbox_endpoint"
        case credentialsLocation = "credentials_location"
        case authUserKey = "auth_user_key"
        case authAppID = "auth_app_id"
        case authAppKey = "auth_app_key"
        case secretToken = "secret_token"
        case hostnameRewrite = "hostname_rewrite"
        case errorAuthFailed = "error_auth_failed"
        case errorAuthMissing = "error_auth_missing"
        case errorNoMatch = "error_no_match"
        case errorLimitsExceeded = "error_limits_exceeded"
        case errorHeadersAuthFailed = "error_headers_auth_failed"
        case errorHeadersAuthMissing = "error_headers_auth_missing"
        case errorHeadersNoMatch = "error_headers_no_match"
        case errorHeadersLimitsExceeded = "error_headers_limits_exceeded"
        case errorStatusAuthFailed = "error_status_auth_failed"
        case errorStatusAuthMissing = "error_status_auth_missing"
        case errorStatusNoMatch = "error_status_no_match"
        case errorStatusLimitsExceeded = "error_status_limits_exceeded"
        case oidcIssuerEndpoint = "oidc_issuer_endpoint"
        case oidcIssuerType = "oidc_issuer_type"
        case jwtClaimWithClientID = "jwt_claim_with_client_id"
        case jwtClaimWithClientIDType = "jwt_claim_with_client_id_type"
        case policiesConfig = "policies_config"
    }

    /// The value of a proxy form field by its API name, for the planner's comparisons.
    func value(of field: String) -> String? {
        switch field {
        case "endpoint": return endpoint
        case "sandbox_endpoint": return sandboxEndpoint
        case "credentials_location": return credentialsLocation
        case "auth_user_key": return authUserKey
        case "auth_app_id": return authAppID
        case "auth_app_key": return authAppKey
        case "secret_token": return secretToken
        case "hostname_rewrite": return hostnameRewrite
        case "error_auth_failed": return errorAuthFailed
        case "error_auth_missing": return errorAuthMissing
        case "error_no_match": return errorNoMatch
        case "error_limits_exceeded": return errorLimitsExceeded
        case "error_headers_auth_failed": return errorHeadersAuthFailed
        case "error_headers_auth_missing": return errorHeadersAuthMissing
        case "error_headers_no_match": return errorHeadersNoMatch
        case "error_headers_limits_exceeded": return errorHeadersLimitsExceeded
        case "error_status_auth_failed": return errorStatusAuthFailed.map(String.init)
        case "error_status_auth_missing": return errorStatusAuthMissing.map(String.init)
        case "error_status_no_match": return errorStatusNoMatch.map(String.init)
        case "error_status_limits_exceeded": return errorStatusLimitsExceeded.map(String.init)
        case "oidc_issuer_endpoint": return oidcIssuerEndpoint
        case "oidc_issuer_type": return oidcIssuerType
        case "jwt_claim_with_client_id": return jwtClaimWithClientID
        case "jwt_claim_with_client_id_type": return jwtClaimWithClientIDType
        default: return nil
        }
    }

    /// Sets a field by its API name (the in-memory mirror of a proxy update).
    mutating func set(_ field: String, to value: String) {
        switch field {
        case "endpoint": endpoint = value
        case "sandbox_endpoint": sandboxEndpoint = value
        case "credentials_location": credentialsLocation = value
        case "auth_user_key": authUserKey = value
        case "auth_app_id": authAppID = value
        case "auth_app_key": authAppKey = value
        case "secret_token": secretToken = value
        case "hostname_rewrite": hostnameRewrite = value
        case "error_auth_failed": errorAuthFailed = value
        case "error_auth_missing": errorAuthMissing = value
        case "error_no_match": errorNoMatch = value
        case "error_limits_exceeded": errorLimitsExceeded = value
        case "error_headers_auth_failed": errorHeadersAuthFailed = value
        case "error_headers_auth_missing": errorHeadersAuthMissing = value
        case "error_headers_no_match": errorHeadersNoMatch = value
        case "error_headers_limits_exceeded": errorHeadersLimitsExceeded = value
        case "error_status_auth_failed": errorStatusAuthFailed = Int(value)
        case "error_status_auth_missing": errorStatusAuthMissing = Int(value)
        case "error_status_no_match": errorStatusNoMatch = Int(value)
        case "error_status_limits_exceeded": errorStatusLimitsExceeded = Int(value)
        case "oidc_issuer_endpoint": oidcIssuerEndpoint = value
        case "oidc_issuer_type": oidcIssuerType = value
        case "jwt_claim_with_client_id": jwtClaimWithClientID = value
        case "jwt_claim_with_client_id_type": jwtClaimWithClientIDType = value
        default: break
        }
    }
}

/// `{"proxy_config": {…}}`: one version of a product's gateway configuration.
public struct ProxyConfig: Codable, Sendable, Equatable {
    public var id: Int
    public var version: Int
    public var environment: String
    public var content: JSONValue?

    public init(id: Int, version: Int, environment: String, content: JSONValue? = nil) {
        self.id = id
        self.version = version
        self.environment = environment
        self.content = content
    }
}

/// The two gateway environments. porta calls staging `sandbox` in paths.
public enum ProxyEnvironment: String, Codable, Sendable, CaseIterable {
    case sandbox, production
}

/// `{"application_plan": {…}}`; listed under `"plans"`.
public struct ApplicationPlan: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var systemName: String?
    /// `published` or `hidden`.
    public var state: String?
    public var setupFee: Double?
    public var costPerMonth: Double?
    public var trialPeriodDays: Int?
    public var approvalRequired: Bool?
    public var isDefault: Bool?

    public init(
        id: Int, name: String, systemName: String?, state: String? = nil, setupFee: Double? = nil,
        costPerMonth: Double? = nil, trialPeriodDays: Int? = nil, approvalRequired: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.systemName = systemName
        self.state = state
        self.setupFee = setupFee
        self.costPerMonth = costPerMonth
        self.trialPeriodDays = trialPeriodDays
        self.approvalRequired = approvalRequired
    }

    enum CodingKeys: String, CodingKey {
        case id, name, state
        case systemName = "system_name"
        case setupFee = "setup_fee"
        case costPerMonth = "cost_per_month"
        case trialPeriodDays = "trial_period_days"
        case approvalRequired = "approval_required"
        case isDefault = "default"
    }

    public var isPublished: Bool { state == "published" }
}

/// `{"limit": {…}}`
public struct UsageLimit: Codable, Sendable, Equatable {
    public var id: Int
    public var period: String
    public var value: Int
    public var metricID: Int
    public var planID: Int?

    public init(id: Int, period: String, value: Int, metricID: Int, planID: Int? = nil) {
        self.id = id
        self.period = period
        self.value = value
        self.metricID = metricID
        self.planID = planID
    }

    enum CodingKeys: String, CodingKey {
        case id, period, value
        case metricID = "metric_id"
        case planID = "plan_id"
    }
}

/// `{"pricing_rule": {…}}`; `cost_per_unit` is a decimal rendered as a string.
public struct PricingRule: Codable, Sendable, Equatable {
    public var id: Int
    public var metricID: Int
    public var costPerUnit: String
    public var min: Int
    public var max: Int?

    public init(id: Int, metricID: Int, costPerUnit: String, min: Int, max: Int?) {
        self.id = id
        self.metricID = metricID
        self.costPerUnit = costPerUnit
        self.min = min
        self.max = max
    }

    enum CodingKeys: String, CodingKey {
        case id, min, max
        case metricID = "metric_id"
        case costPerUnit = "cost_per_unit"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        metricID = try container.decode(Int.self, forKey: .metricID)
        min = try container.decode(Int.self, forKey: .min)
        max = try container.decodeIfPresent(Int.self, forKey: .max)
        // A string in porta's JSON; tolerate a number from other servers.
        if let text = try? container.decode(String.self, forKey: .costPerUnit) {
            costPerUnit = text
        } else {
            costPerUnit = String(try container.decode(Double.self, forKey: .costPerUnit))
        }
    }
}

/// `{"service_plan": {…}}`; listed under `"plans"`.
public struct ServicePlan: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var systemName: String?
    public var state: String?
    public var approvalRequired: Bool?
    public var isDefault: Bool?

    public init(id: Int, name: String, systemName: String? = nil, state: String? = nil, isDefault: Bool? = nil) {
        self.id = id
        self.name = name
        self.systemName = systemName
        self.state = state
        self.isDefault = isDefault
    }

    enum CodingKeys: String, CodingKey {
        case id, name, state
        case systemName = "system_name"
        case approvalRequired = "approval_required"
        case isDefault = "default"
    }
}

/// `{"service_subscription": {…}}`: an account subscribed to a product.
public struct ServiceSubscription: Codable, Sendable, Equatable {
    public var id: Int
    public var planID: Int
    public var userAccountID: Int?
    public var serviceID: Int?
    public var state: String?

    public init(id: Int, planID: Int, userAccountID: Int? = nil, serviceID: Int? = nil, state: String? = nil) {
        self.id = id
        self.planID = planID
        self.userAccountID = userAccountID
        self.serviceID = serviceID
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case id, state
        case planID = "plan_id"
        case userAccountID = "user_account_id"
        case serviceID = "service_id"
    }
}

/// An ActiveDoc: `{"api_doc": {…}}`.
public struct APIDoc: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var systemName: String
    public var description: String?
    public var published: Bool?
    public var skipSwaggerValidations: Bool?
    /// The OpenAPI document as text.
    public var body: String?
    public var serviceID: Int?

    public init(
        id: Int, name: String, systemName: String, description: String? = nil, published: Bool? = nil,
        skipSwaggerValidations: Bool? = nil, body: String? = nil, serviceID: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.systemName = systemName
        self.description = description
        self.published = published
        self.skipSwaggerValidations = skipSwaggerValidations
        self.body = body
        self.serviceID = serviceID
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, published, body
        case systemName = "system_name"
        case skipSwaggerValidations = "skip_swagger_validations"
        case serviceID = "service_id"
    }
}

/// `{"account": {…}}`: a developer (buyer) account, or the provider account itself.
public struct Account: Codable, Sendable, Equatable {
    public var id: Int
    public var orgName: String?
    public var state: String?
    public var adminDomain: String?
    public var domain: String?
    /// The developer portal's access code (provider account only); "" means open.
    public var siteAccessCode: String?
    public var monthlyBillingEnabled: Bool?
    public var monthlyChargingEnabled: Bool?

    public init(id: Int, orgName: String?, state: String? = nil) {
        self.id = id
        self.orgName = orgName
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case id, state, domain
        case orgName = "org_name"
        case adminDomain = "admin_domain"
        case siteAccessCode = "site_access_code"
        case monthlyBillingEnabled = "monthly_billing_enabled"
        case monthlyChargingEnabled = "monthly_charging_enabled"
    }
}

/// `{"user": {…}}`
public struct User: Codable, Sendable, Equatable {
    public var id: Int
    public var username: String
    public var email: String?
    public var state: String?
    public var role: String?

    public init(id: Int, username: String, email: String? = nil, state: String? = nil, role: String? = nil) {
        self.id = id
        self.username = username
        self.email = email
        self.state = state
        self.role = role
    }
}

/// `{"application": {…}}`: an account's application; its `user_key` is the API key.
public struct Application: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String?
    public var description: String?
    public var state: String?
    public var serviceID: Int?
    public var serviceName: String?
    public var planID: Int?
    public var planName: String?
    public var accountID: Int?
    public var orgName: String?
    /// Present for user-key products (backend_version `1`).
    public var userKey: String?
    /// Present for app id + app key and OAuth products.
    public var applicationID: String?

    public init(
        id: Int, name: String?, description: String? = nil, state: String? = nil, serviceID: Int? = nil,
        planID: Int? = nil, accountID: Int? = nil, userKey: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.state = state
        self.serviceID = serviceID
        self.planID = planID
        self.accountID = accountID
        self.userKey = userKey
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, state
        case serviceID = "service_id"
        case serviceName = "service_name"
        case planID = "plan_id"
        case planName = "plan_name"
        case accountID = "account_id"
        case orgName = "org_name"
        case userKey = "user_key"
        case applicationID = "application_id"
    }
}
