/// Products built in code, so `product create --preset` and `apply -f` share one
/// path (the same resource types, validator and reconciler).
public enum ProductPreset {
    /// The eight vLLM endpoints: method system name, friendly name, HTTP method, path.
    public static let vllmEndpoints: [(method: String, friendlyName: String, httpMethod: String, pattern: String)] = [
        ("health", "Health", "GET", "/health"),
        ("tokenize", "Tokenize", "POST", "/tokenize"),
        ("detokenize", "Detokenize", "POST", "/detokenize"),
        ("models", "Models", "GET", "/v1/models"),
        ("version", "Version", "GET", "/version"),
        ("chat/completions", "Chat Completions", "POST", "/v1/chat/completions"),
        ("completions", "Completions", "POST", "/v1/completions"),
        ("embeddings", "Embeddings", "POST", "/v1/embeddings"),
    ]

    /// The lab's Product for a model served by vLLM: methods and mapping rules for
    /// the eight endpoints, the user key read from the `Authorization` header (the
    /// `remove-bearer` policy strips `Bearer `), cors, apicast, 180 s upstream
    /// timeouts, and a published "Standard Plan" without approval.
    ///
    /// - Parameters:
    ///   - name: the human name (`LLama70B`).
    ///   - systemName: defaults to `name` lower-cased without non-alphanumerics.
    ///   - backend: the Backend's system name, used at `backendPath`.
    ///   - resourceName: `metadata.name`; defaults to the system name.
    public static func vllm(
        name: String, systemName: String? = nil, backend: String, backendPath: String = "/",
        resourceName: String? = nil, namespace: String? = nil, planName: String = "Standard Plan",
        timeoutSeconds: Int = 180
    ) -> ProductResource {
        let system = systemName ?? defaultSystemName(name).lowercased()
        var spec = ProductSpec(name: name, systemName: system)
        spec.metrics = ["hits": .hits]
        spec.deployment = labDeployment
        spec.backendUsages = [backend: BackendUsageSpec(path: backendPath)]
        spec.mappingRules = vllmEndpoints.map {
            MappingRuleSpec(httpMethod: $0.httpMethod, pattern: $0.pattern, metricMethodRef: $0.method, increment: 1)
        }
        spec.methods = Dictionary(uniqueKeysWithValues: vllmEndpoints.map { ($0.method, MethodSpec(friendlyName: $0.friendlyName)) })
        spec.policies = labPolicies(timeoutSeconds: timeoutSeconds)
        spec.applicationPlans = ["standard": ApplicationPlanSpec(name: planName, appsRequireApproval: false, published: true)]
        return ProductResource(metadata: ObjectMeta(name: resourceName ?? system, namespace: namespace), spec: spec)
    }

    /// The lab's credentials: the user key read from the `Authorization` header (the
    /// `remove-bearer` policy strips `Bearer `), on hosted APIcast.
    public static let labDeployment = DeploymentSpec(apicastHosted: ApicastHostedSpec(authentication: AuthenticationSpec(
        userkey: UserKeyAuthenticationSpec(authUserKey: "Authorization", credentials: "headers"))))

    /// The lab's policy chain: cors (the seed's configuration), remove-bearer, apicast,
    /// upstream_connection with `timeoutSeconds` for connect, read and send.
    public static func labPolicies(timeoutSeconds: Int = 180) -> [PolicyConfigSpec] {
        [
            PolicyConfigSpec(name: "cors", version: "builtin", configuration: .object([
                "allow_credentials": .bool(true),
                "allow_headers": .array([.string("Authorization"), .string("Content-type"), .string("Accept")]),
                "allow_methods": .array([]),
                "allow_origin": .string("*"),
            ])),
            PolicyConfigSpec(name: "remove-bearer", version: "0.1"),
            .apicast,
            PolicyConfigSpec(name: "upstream_connection", version: "builtin", configuration: .object([
                "connect_timeout": .int(timeoutSeconds), "read_timeout": .int(timeoutSeconds), "send_timeout": .int(timeoutSeconds),
            ])),
        ]
    }
}
