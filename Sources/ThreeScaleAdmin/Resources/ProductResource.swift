import Untrusted

/// `kind: Product`: what the gateway exposes, how it authenticates, its plans and
/// policy chain.
public struct ProductResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "Product"
    public var metadata: ObjectMeta
    public var spec: ProductSpec

    public init(metadata: ObjectMeta, spec: ProductSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct ProductSpec: Codable, Sendable, Equatable {
    public var name: String
    public var systemName: String?
    public var description: String?
    public var deployment: DeploymentSpec?
    public var mappingRules: [MappingRuleSpec]?
    public var backendUsages: [String: BackendUsageSpec]?
    public var metrics: [String: MetricSpec]?
    public var methods: [String: MethodSpec]?
    public var applicationPlans: [String: ApplicationPlanSpec]?
    public var policies: [PolicyConfigSpec]?
    public var providerAccountRef: LocalObjectReference?

    public init(name: String, systemName: String? = nil) {
        self.name = name
        self.systemName = systemName
    }

    public var effectiveSystemName: String { systemName ?? defaultSystemName(name) }

    public var effectiveMetrics: [String: MetricSpec] {
        var all = metrics ?? [:]
        if all["hits"] == nil { all["hits"] = .hits }
        return all
    }

    /// The chain the operator PUTs: the spec's, with `apicast` appended when missing.
    public var effectivePolicies: [PolicyConfigSpec] {
        var chain = policies ?? []
        if !chain.contains(where: { $0.name == "apicast" }) { chain.append(.apicast) }
        return chain
    }
}

public struct BackendUsageSpec: Codable, Sendable, Equatable {
    public var path: String
    public init(path: String) { self.path = path }
}

/// Exactly one of `apicastHosted` / `apicastSelfManaged` (CRD oneOf patch).
public struct DeploymentSpec: Codable, Sendable, Equatable {
    public var apicastHosted: ApicastHostedSpec?
    public var apicastSelfManaged: ApicastSelfManagedSpec?

    public init(apicastHosted: ApicastHostedSpec? = nil, apicastSelfManaged: ApicastSelfManagedSpec? = nil) {
        self.apicastHosted = apicastHosted
        self.apicastSelfManaged = apicastSelfManaged
    }

    /// porta's `deployment_option`.
    public var deploymentOption: String? {
        if apicastHosted != nil { return "hosted" }
        if apicastSelfManaged != nil { return "self_managed" }
        return nil
    }

    public var authentication: AuthenticationSpec? {
        apicastHosted?.authentication ?? apicastSelfManaged?.authentication
    }
}

public struct ApicastHostedSpec: Codable, Sendable, Equatable {
    public var authentication: AuthenticationSpec?
    public init(authentication: AuthenticationSpec? = nil) { self.authentication = authentication }
}

public struct ApicastSelfManagedSpec: Codable, Sendable, Equatable {
    public var authentication: AuthenticationSpec?
    public var stagingPublicBaseURL: String?
    public var productionPublicBaseURL: String?

    public init(authentication: AuthenticationSpec? = nil, stagingPublicBaseURL: String? = nil, productionPublicBaseURL: String? = nil) {
        self.authentication = authentication
        self.stagingPublicBaseURL = stagingPublicBaseURL
        self.productionPublicBaseURL = productionPublicBaseURL
    }
}

/// Exactly one of `userkey` / `appKeyAppID` / `oidc` (CRD oneOf patch).
public struct AuthenticationSpec: Codable, Sendable, Equatable {
    public var userkey: UserKeyAuthenticationSpec?
    public var appKeyAppID: AppKeyAppIDAuthenticationSpec?
    public var oidc: OIDCSpec?

    public init(userkey: UserKeyAuthenticationSpec? = nil, appKeyAppID: AppKeyAppIDAuthenticationSpec? = nil, oidc: OIDCSpec? = nil) {
        self.userkey = userkey
        self.appKeyAppID = appKeyAppID
        self.oidc = oidc
    }

    /// porta's `backend_version`.
    public var backendVersion: String? {
        if userkey != nil { return "1" }
        if appKeyAppID != nil { return "2" }
        if oidc != nil { return "oidc" }
        return nil
    }

    /// The proxy fields this block sets, by porta's field names. Unset fields are not
    /// reconciled (3scale keeps its values), as the operator does.
    public var proxyFields: [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) { if let value { fields.append((name, value)) } }
        var security: SecuritySpec?
        var response: GatewayResponseSpec?
        if let userkey {
            add("auth_user_key", userkey.authUserKey)
            add("credentials_location", userkey.credentials)
            security = userkey.security
            response = userkey.gatewayResponse
        } else if let appKeyAppID {
            add("auth_app_id", appKeyAppID.appID)
            add("auth_app_key", appKeyAppID.appKey)
            add("credentials_location", appKeyAppID.credentials)
            security = appKeyAppID.security
            response = appKeyAppID.gatewayResponse
        } else if let oidc {
            add("oidc_issuer_endpoint", oidc.issuerEndpoint)
            add("oidc_issuer_type", oidc.issuerType)
            add("jwt_claim_with_client_id", oidc.jwtClaimWithClientID)
            add("jwt_claim_with_client_id_type", oidc.jwtClaimWithClientIDType)
            add("credentials_location", oidc.credentials)
            security = oidc.security
            response = oidc.gatewayResponse
        }
        add("hostname_rewrite", security?.hostHeader)
        add("secret_token", security?.secretToken)
        fields += response?.proxyFields ?? []
        return fields
    }
}

public struct UserKeyAuthenticationSpec: Codable, Sendable, Equatable {
    public var authUserKey: String?
    /// `headers`, `query` or `authorization`.
    public var credentials: String?
    public var security: SecuritySpec?
    public var gatewayResponse: GatewayResponseSpec?

    public init(authUserKey: String? = nil, credentials: String? = nil) {
        self.authUserKey = authUserKey
        self.credentials = credentials
    }
}

public struct AppKeyAppIDAuthenticationSpec: Codable, Sendable, Equatable {
    public var appID: String?
    public var appKey: String?
    public var credentials: String?
    public var security: SecuritySpec?
    public var gatewayResponse: GatewayResponseSpec?

    public init(appID: String? = nil, appKey: String? = nil, credentials: String? = nil) {
        self.appID = appID
        self.appKey = appKey
        self.credentials = credentials
    }
}

public struct OIDCSpec: Codable, Sendable, Equatable {
    /// `keycloak` or `rest`; required by the CRD.
    public var issuerType: String?
    public var issuerEndpoint: String?
    public var issuerEndpointRef: SecretReference?
    public var authenticationFlow: OIDCAuthenticationFlowSpec?
    public var jwtClaimWithClientID: String?
    /// `plain` or `liquid`.
    public var jwtClaimWithClientIDType: String?
    public var credentials: String?
    public var security: SecuritySpec?
    public var gatewayResponse: GatewayResponseSpec?

    public init(issuerType: String? = nil, issuerEndpoint: String? = nil) {
        self.issuerType = issuerType
        self.issuerEndpoint = issuerEndpoint
    }
}

public struct OIDCAuthenticationFlowSpec: Codable, Sendable, Equatable {
    public var standardFlowEnabled: Bool
    public var implicitFlowEnabled: Bool
    public var serviceAccountsEnabled: Bool
    public var directAccessGrantsEnabled: Bool
}

public struct SecuritySpec: Codable, Sendable, Equatable {
    public var hostHeader: String?
    public var secretToken: String?
}

/// What the gateway answers on failures; each maps to porta's snake_case proxy field.
public struct GatewayResponseSpec: Codable, Sendable, Equatable {
    public var errorStatusAuthFailed: Int?
    public var errorHeadersAuthFailed: String?
    public var errorAuthFailed: String?
    public var errorStatusAuthMissing: Int?
    public var errorHeadersAuthMissing: String?
    public var errorAuthMissing: String?
    public var errorStatusNoMatch: Int?
    public var errorHeadersNoMatch: String?
    public var errorNoMatch: String?
    public var errorStatusLimitsExceeded: Int?
    public var errorHeadersLimitsExceeded: String?
    public var errorLimitsExceeded: String?

    public init() {}

    var proxyFields: [(name: String, value: String)] {
        let all: [(String, String?)] = [
            ("error_status_auth_failed", errorStatusAuthFailed.map(String.init)),
            ("error_headers_auth_failed", errorHeadersAuthFailed),
            ("error_auth_failed", errorAuthFailed),
            ("error_status_auth_missing", errorStatusAuthMissing.map(String.init)),
            ("error_headers_auth_missing", errorHeadersAuthMissing),
            ("error_auth_missing", errorAuthMissing),
            ("error_status_no_match", errorStatusNoMatch.map(String.init)),
            ("error_headers_no_match", errorHeadersNoMatch),
            ("error_no_match", errorNoMatch),
            ("error_status_limits_exceeded", errorStatusLimitsExceeded.map(String.init)),
            ("error_headers_limits_exceeded", errorHeadersLimitsExceeded),
            ("error_limits_exceeded", errorLimitsExceeded),
        ]
        return all.compactMap { name, value in value.map { (name: name, value: $0) } }
    }
}

public struct ApplicationPlanSpec: Codable, Sendable, Equatable {
    public var name: String?
    public var appsRequireApproval: Bool?
    public var trialPeriod: Int?
    public var setupFee: String?
    public var costMonth: String?
    /// Omitted means hidden (always reconciled).
    public var published: Bool?
    public var limits: [LimitSpec]?
    public var pricingRules: [PricingRuleSpec]?

    public init(name: String? = nil, appsRequireApproval: Bool? = nil, published: Bool? = nil) {
        self.name = name
        self.appsRequireApproval = appsRequireApproval
        self.published = published
    }
}

public struct MetricMethodRefSpec: Codable, Sendable, Equatable, Hashable {
    public var systemName: String
    /// A Backend's systemName; nil means the product's own metric or method.
    public var backend: String?

    public init(systemName: String, backend: String? = nil) {
        self.systemName = systemName
        self.backend = backend
    }

    var label: String { backend.map { "\($0).\(systemName)" } ?? systemName }
}

public struct LimitSpec: Codable, Sendable, Equatable {
    /// `eternity year month week day hour minute`.
    public var period: String
    public var value: Int
    public var metricMethodRef: MetricMethodRefSpec

    public init(period: String, value: Int, metricMethodRef: MetricMethodRefSpec) {
        self.period = period
        self.value = value
        self.metricMethodRef = metricMethodRef
    }

    public static let periods = ["eternity", "year", "month", "week", "day", "hour", "minute"]
}

public struct PricingRuleSpec: Codable, Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var pricePerUnit: String
    public var metricMethodRef: MetricMethodRefSpec

    public init(from: Int, to: Int, pricePerUnit: String, metricMethodRef: MetricMethodRefSpec) {
        self.from = from
        self.to = to
        self.pricePerUnit = pricePerUnit
        self.metricMethodRef = metricMethodRef
    }
}

public struct PolicyConfigSpec: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var enabled: Bool
    public var configuration: JSONValue?
    public var configurationRef: SecretReference?

    public init(name: String, version: String, enabled: Bool = true, configuration: JSONValue? = .object([:])) {
        self.name = name
        self.version = version
        self.enabled = enabled
        self.configuration = configuration
    }

    public static let apicast = PolicyConfigSpec(name: "apicast", version: "builtin")
}
