/// `kind: ActiveDoc`: an OpenAPI document for the developer portal.
public struct ActiveDocResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "ActiveDoc"
    public var metadata: ObjectMeta
    public var spec: ActiveDocSpec

    public init(metadata: ObjectMeta, spec: ActiveDocSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct ActiveDocSpec: Codable, Sendable, Equatable {
    public var name: String
    public var systemName: String?
    public var description: String?
    public var activeDocOpenAPIRef: ActiveDocOpenAPIRefSpec
    public var productSystemName: String?
    public var published: Bool?
    public var skipSwaggerValidations: Bool?
    public var providerAccountRef: LocalObjectReference?

    public init(name: String, systemName: String? = nil, activeDocOpenAPIRef: ActiveDocOpenAPIRefSpec) {
        self.name = name
        self.systemName = systemName
        self.activeDocOpenAPIRef = activeDocOpenAPIRef
    }

    /// The operator's default: the sanitized name, lower-cased.
    public var effectiveSystemName: String { systemName ?? defaultSystemName(name).lowercased() }
}

/// Exactly one of `url` / `secretRef` (CRD oneOf patch).
public struct ActiveDocOpenAPIRefSpec: Codable, Sendable, Equatable {
    public var url: String?
    public var secretRef: ObjectReferenceSpec?

    public init(url: String? = nil, secretRef: ObjectReferenceSpec? = nil) {
        self.url = url
        self.secretRef = secretRef
    }
}

public struct ObjectReferenceSpec: Codable, Sendable, Equatable {
    public var name: String?
    public var namespace: String?
    public var kind: String?
    public var apiVersion: String?

    public init(name: String, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }
}

/// `kind: ProxyConfigPromote`: deploy a product to staging and optionally promote it.
public struct ProxyConfigPromoteResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "ProxyConfigPromote"
    public var metadata: ObjectMeta
    public var spec: ProxyConfigPromoteSpec

    public init(metadata: ObjectMeta, spec: ProxyConfigPromoteSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct ProxyConfigPromoteSpec: Codable, Sendable, Equatable {
    /// `metadata.name` of a Product resource.
    public var productCRName: String
    public var production: Bool?
    public var deleteCR: Bool?

    public init(productCRName: String, production: Bool? = nil) {
        self.productCRName = productCRName
        self.production = production
    }
}

/// `kind: Application`: a developer account's application on a product's plan.
public struct ApplicationResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "Application"
    public var metadata: ObjectMeta
    public var spec: ApplicationSpec

    public init(metadata: ObjectMeta, spec: ApplicationSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct ApplicationSpec: Codable, Sendable, Equatable {
    public var accountCR: LocalObjectReference
    public var productCR: LocalObjectReference
    /// The plan's system name (its key in the Product's `applicationPlans`).
    public var applicationPlanName: String
    public var name: String
    public var description: String
    public var suspend: Bool?
    public var authSecretRef: LocalObjectReference?

    public init(accountCR: String, productCR: String, applicationPlanName: String, name: String, description: String) {
        self.accountCR = LocalObjectReference(name: accountCR)
        self.productCR = LocalObjectReference(name: productCR)
        self.applicationPlanName = applicationPlanName
        self.name = name
        self.description = description
    }
}

/// `kind: DeveloperAccount`: a developer organization.
public struct DeveloperAccountResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "DeveloperAccount"
    public var metadata: ObjectMeta
    public var spec: DeveloperAccountSpec

    public init(metadata: ObjectMeta, spec: DeveloperAccountSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct DeveloperAccountSpec: Codable, Sendable, Equatable {
    public var orgName: String
    public var monthlyBillingEnabled: Bool?
    public var monthlyChargingEnabled: Bool?
    public var providerAccountRef: LocalObjectReference?

    public init(orgName: String) { self.orgName = orgName }
}

/// `kind: DeveloperUser`: a user of a developer account.
public struct DeveloperUserResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "DeveloperUser"
    public var metadata: ObjectMeta
    public var spec: DeveloperUserSpec

    public init(metadata: ObjectMeta, spec: DeveloperUserSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct DeveloperUserSpec: Codable, Sendable, Equatable {
    public var username: String
    public var email: String
    public var passwordCredentialsRef: SecretReference
    public var developerAccountRef: LocalObjectReference
    public var suspended: Bool?
    /// `admin` or `member` (the default).
    public var role: String?
    public var providerAccountRef: LocalObjectReference?

    public init(username: String, email: String, passwordSecret: String, account: String, role: String? = nil) {
        self.username = username
        self.email = email
        self.passwordCredentialsRef = SecretReference(name: passwordSecret)
        self.developerAccountRef = LocalObjectReference(name: account)
        self.role = role
    }
}

/// `apiVersion: v1, kind: Secret`: accepted in a file so that `secretRef`s
/// (ActiveDoc bodies, user passwords) resolve without a cluster; `export` writes one
/// for an ActiveDoc's body.
public struct SecretResource: Codable, Sendable, Equatable {
    public var apiVersion = "v1"
    public var kind = "Secret"
    public var metadata: ObjectMeta
    public var type: String?
    /// Base64 values, as Kubernetes stores them.
    public var data: [String: String]?
    /// Plain values.
    public var stringData: [String: String]?

    public init(metadata: ObjectMeta, stringData: [String: String]) {
        self.metadata = metadata
        self.type = "Opaque"
        self.stringData = stringData
    }
}
