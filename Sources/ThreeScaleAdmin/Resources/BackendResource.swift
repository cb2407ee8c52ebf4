/// `kind: Backend`: a model server's private URL and its own metrics and rules.
public struct BackendResource: Codable, Sendable, Equatable {
    public var apiVersion = CapabilitiesAPI.version
    public var kind = "Backend"
    public var metadata: ObjectMeta
    public var spec: BackendSpec

    public init(metadata: ObjectMeta, spec: BackendSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

public struct BackendSpec: Codable, Sendable, Equatable {
    public var name: String
    public var systemName: String?
    public var privateBaseURL: String
    public var description: String?
    public var mappingRules: [MappingRuleSpec]?
    public var metrics: [String: MetricSpec]?
    public var methods: [String: MethodSpec]?
    public var providerAccountRef: LocalObjectReference?

    public init(
        name: String, systemName: String? = nil, privateBaseURL: String, description: String? = nil,
        mappingRules: [MappingRuleSpec]? = nil, metrics: [String: MetricSpec]? = nil, methods: [String: MethodSpec]? = nil
    ) {
        self.name = name
        self.systemName = systemName
        self.privateBaseURL = privateBaseURL
        self.description = description
        self.mappingRules = mappingRules
        self.metrics = metrics
        self.methods = methods
    }

    /// `systemName`, or the operator's default from `name`.
    public var effectiveSystemName: String { systemName ?? defaultSystemName(name) }

    /// The metrics with `hits` added, as the operator's SetDefaults does.
    public var effectiveMetrics: [String: MetricSpec] {
        var all = metrics ?? [:]
        if all["hits"] == nil { all["hits"] = .hits }
        return all
    }
}
