// The bodies of product, proxy and application-plan writes. A nil property is not sent.

/// A product to create (porta's "service").
public struct NewProduct: Sendable, Equatable {
    public var name: String
    public var systemName: String?
    public var description: String?
    /// `hosted`, `self_managed`, …
    public var deploymentOption: String?
    /// `1` user key, `2` app id + app key, `oauth`, `oidc`.
    public var backendVersion: String?

    public init(
        name: String, systemName: String? = nil, description: String? = nil, deploymentOption: String? = nil,
        backendVersion: String? = nil
    ) {
        self.name = name
        self.systemName = systemName
        self.description = description
        self.deploymentOption = deploymentOption
        self.backendVersion = backendVersion
    }

    var form: FormBody {
        var form: FormBody = ["name": name]
        form.append("system_name", systemName)
        form.append("description", description)
        form.append("deployment_option", deploymentOption)
        form.append("backend_version", backendVersion)
        return form
    }
}

public struct ProductChanges: Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var deploymentOption: String?
    public var backendVersion: String?

    public init(name: String? = nil, description: String? = nil, deploymentOption: String? = nil, backendVersion: String? = nil) {
        self.name = name
        self.description = description
        self.deploymentOption = deploymentOption
        self.backendVersion = backendVersion
    }

    var form: FormBody {
        var form = FormBody()
        form.append("name", name)
        form.append("description", description)
        form.append("deployment_option", deploymentOption)
        form.append("backend_version", backendVersion)
        return form
    }
}

/// What to change in a product's gateway settings (porta deploys them to staging).
/// The usual ones are in the initialiser; the error answers are set as properties.
public struct ProxyChanges: Sendable, Equatable {
    /// The production gateway's public URL.
    public var endpoint: String?
    /// The staging gateway's public URL.
    public var sandboxEndpoint: String?
    /// `headers`, `query` or `authorization`.
    public var credentialsLocation: String?
    /// The header or query parameter that carries the user key.
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

    public init(
        endpoint: String? = nil, sandboxEndpoint: String? = nil, credentialsLocation: String? = nil,
        authUserKey: String? = nil
    ) {
        self.endpoint = endpoint
        self.sandboxEndpoint = sandboxEndpoint
        self.credentialsLocation = credentialsLocation
        self.authUserKey = authUserKey
    }

    var form: FormBody {
        var form = FormBody()
        let texts: [(String, String?)] = [
            ("endpoint", endpoint), ("sandbox_endpoint", sandboxEndpoint), ("credentials_location", credentialsLocation),
            ("auth_user_key", authUserKey), ("auth_app_id", authAppID), ("auth_app_key", authAppKey),
            ("secret_token", secretToken), ("hostname_rewrite", hostnameRewrite),
            ("error_auth_failed", errorAuthFailed), ("error_auth_missing", errorAuthMissing),
            ("error_no_match", errorNoMatch), ("error_limits_exceeded", errorLimitsExceeded),
            ("error_headers_auth_failed", errorHeadersAuthFailed), ("error_headers_auth_missing", errorHeadersAuthMissing),
            ("error_headers_no_match", errorHeadersNoMatch), ("error_headers_limits_exceeded", errorHeadersLimitsExceeded),
        ]
        for (name, value) in texts { form.append(name, value) }
        let statuses: [(String, Int?)] = [
            ("error_status_auth_failed", errorStatusAuthFailed), ("error_status_auth_missing", errorStatusAuthMissing),
            ("error_status_no_match", errorStatusNoMatch), ("error_status_limits_exceeded", errorStatusLimitsExceeded),
        ]
        for (name, value) in statuses { form.append(name, value) }
        let oidc: [(String, String?)] = [
            ("oidc_issuer_endpoint", oidcIssuerEndpoint), ("oidc_issuer_type", oidcIssuerType),
            ("jwt_claim_with_client_id", jwtClaimWithClientID), ("jwt_claim_with_client_id_type", jwtClaimWithClientIDType),
        ]
        for (name, value) in oidc { form.append(name, value) }
        return form
    }
}

/// An application plan to create in a product.
public struct NewApplicationPlan: Sendable, Equatable {
    public var name: String
    public var systemName: String?
    /// Applications on it wait for an admin's approval.
    public var approvalRequired: Bool?
    public var trialPeriodDays: Int?
    /// Decimal amounts as text, e.g. `10.00`.
    public var setupFee: String?
    public var costPerMonth: String?
    /// True publishes it on the developer portal; porta creates plans hidden.
    public var published: Bool

    public init(
        name: String, systemName: String? = nil, approvalRequired: Bool? = nil, trialPeriodDays: Int? = nil,
        setupFee: String? = nil, costPerMonth: String? = nil, published: Bool = false
    ) {
        self.name = name
        self.systemName = systemName
        self.approvalRequired = approvalRequired
        self.trialPeriodDays = trialPeriodDays
        self.setupFee = setupFee
        self.costPerMonth = costPerMonth
        self.published = published
    }

    var form: FormBody {
        var form: FormBody = ["name": name]
        form.append("system_name", systemName)
        form.append("approval_required", approvalRequired)
        form.append("trial_period_days", trialPeriodDays)
        form.append("setup_fee", setupFee)
        form.append("cost_per_month", costPerMonth)
        // A new plan is hidden already; `hide` would be an invalid transition.
        form.append("state_event", published ? "publish" : nil)
        return form
    }
}

public struct PlanChanges: Sendable, Equatable {
    public var name: String?
    public var approvalRequired: Bool?
    public var trialPeriodDays: Int?
    public var setupFee: String?
    public var costPerMonth: String?
    /// true publishes, false hides.
    public var published: Bool?

    public init(
        name: String? = nil, approvalRequired: Bool? = nil, trialPeriodDays: Int? = nil, setupFee: String? = nil,
        costPerMonth: String? = nil, published: Bool? = nil
    ) {
        self.name = name
        self.approvalRequired = approvalRequired
        self.trialPeriodDays = trialPeriodDays
        self.setupFee = setupFee
        self.costPerMonth = costPerMonth
        self.published = published
    }

    var form: FormBody {
        var form = FormBody()
        form.append("name", name)
        form.append("approval_required", approvalRequired)
        form.append("trial_period_days", trialPeriodDays)
        form.append("setup_fee", setupFee)
        form.append("cost_per_month", costPerMonth)
        form.append("state_event", published.map { $0 ? "publish" : "hide" })
        return form
    }
}
