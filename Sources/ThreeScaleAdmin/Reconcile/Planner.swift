/// Computes what an apply must do, like the operator's reconcilers: find each object
/// by system name, create or update it, delete what the spec no longer lists. Pure:
/// the same resources and snapshot give the same plan.
public enum Planner {
    /// - Parameters:
    ///   - documents: ActiveDoc system name → its OpenAPI text (see `DocumentLoader`).
    /// - Throws: `ResourceErrors` for references to backends, products, plans or
    ///   accounts that exist neither in the file nor on the server.
    public static func plan(_ set: ResourceSet, state: ServerState, documents: [String: String] = [:])
        throws(ResourceErrors) -> Plan
    {
        var builder = PlanBuilder(set: set, state: state)
        for backend in set.backends { builder.backend(backend) }
        for product in set.products { builder.product(product) }
        for doc in set.activeDocs { builder.activeDoc(doc, body: documents[doc.spec.effectiveSystemName]) }
        builder.accountsAndApplications()
        for promote in set.promotes { builder.promote(promote) }
        if !builder.issues.isEmpty { throw ResourceErrors(builder.issues) }
        return Plan(actions: builder.actions)
    }
}

/// Accumulates actions and plan-time problems.
struct PlanBuilder {
    let set: ResourceSet
    let state: ServerState
    var actions: [Action] = []
    var issues: [ResourceIssue] = []

    init(set: ResourceSet, state: ServerState) {
        self.set = set
        self.state = state
    }

    mutating func add(_ stage: Stage, _ summary: String, _ operation: Operation) {
        actions.append(Action(stage: stage, summary: summary, operation: operation))
    }

    mutating func fail(_ resource: Resource, field: String, _ message: String) {
        if let document = set.document(of: resource) {
            issues.append(document.issue(file: set.file, field: field, message))
        } else {
            issues.append(ResourceIssue(file: set.file, kind: resource.kind, name: resource.name, field: field, message: message))
        }
    }

    /// Whether a backend with this system name will exist after the apply.
    func backendExists(_ systemName: String) -> Bool {
        set.backend(systemName: systemName) != nil || state.backend(systemName) != nil
    }

    // MARK: Backend

    mutating func backend(_ resource: BackendResource) {
        let spec = resource.spec
        let name = spec.effectiveSystemName
        let owner = MetricOwnerName.backend(name)
        let current = state.backend(name)
        if let current {
            var fields: [FieldChange] = []
            compare(&fields, "name", spec.name, current.backend.name)
            compare(&fields, "description", spec.description ?? "", current.backend.description ?? "")
            if URLNormalizer.withPort(spec.privateBaseURL) != URLNormalizer.withPort(current.backend.privateEndpoint ?? "") {
                fields.append(FieldChange("private_endpoint", spec.privateBaseURL, previous: current.backend.privateEndpoint))
            }
            if !fields.isEmpty {
                add(.backends, "update backend \(name): \(fields.summary)", .updateBackend(systemName: name, fields: fields))
            }
        } else {
            var fields = [FieldChange("name", spec.name), FieldChange("system_name", name), FieldChange("private_endpoint", spec.privateBaseURL)]
            if let description = spec.description, !description.isEmpty { fields.append(FieldChange("description", description)) }
            add(.backends, "create backend \(name) (\(spec.privateBaseURL))", .createBackend(systemName: name, fields: fields))
        }
        // porta gives a new backend the hits metric and nothing else.
        let metrics = current?.metrics ?? [Metric.placeholderHits]
        children(
            owner: owner, stages: (.backendMetrics, .backendRuleDeletes, .backendRules, .backendMetricDeletes),
            desiredMetrics: spec.effectiveMetrics, desiredMethods: spec.methods ?? [:], desiredRules: spec.mappingRules ?? [],
            metrics: metrics, methods: current?.methods ?? [], rules: current?.mappingRules ?? [])
    }

    // MARK: Product

    mutating func product(_ resource: ProductResource) {
        let spec = resource.spec
        let name = spec.effectiveSystemName
        let current = state.product(name) ?? ProductState.fresh(spec)
        let exists = state.product(name) != nil
        let deploymentOption = spec.deployment?.deploymentOption
        let backendVersion = spec.deployment?.authentication?.backendVersion
        if exists {
            var fields: [FieldChange] = []
            compare(&fields, "name", spec.name, current.service.name)
            compare(&fields, "description", spec.description ?? "", current.service.description ?? "")
            if let deploymentOption { compare(&fields, "deployment_option", deploymentOption, current.service.deploymentOption ?? "") }
            if let backendVersion { compare(&fields, "backend_version", backendVersion, current.service.backendVersion ?? "") }
            if !fields.isEmpty {
                add(.products, "update product \(name): \(fields.summary)", .updateProduct(systemName: name, fields: fields))
            }
        } else {
            var fields = [FieldChange("name", spec.name), FieldChange("system_name", name)]
            if let description = spec.description, !description.isEmpty { fields.append(FieldChange("description", description)) }
            if let deploymentOption { fields.append(FieldChange("deployment_option", deploymentOption)) }
            if let backendVersion { fields.append(FieldChange("backend_version", backendVersion)) }
            add(.products, "create product \(name)", .createProduct(systemName: name, fields: fields))
        }
        backendUsages(resource, current: current)
        proxy(spec, product: name, current: current.proxy)
        children(
            owner: .product(name), stages: (.productMetrics, .productRuleDeletes, .productRules, .productMetricDeletes),
            desiredMetrics: spec.effectiveMetrics, desiredMethods: spec.methods ?? [:], desiredRules: spec.mappingRules ?? [],
            metrics: current.metrics, methods: current.methods, rules: current.mappingRules)
        plans(resource, current: current)
        policies(spec, product: name, current: current.policies)
    }

    mutating func backendUsages(_ resource: ProductResource, current: ProductState) {
        let product = resource.spec.effectiveSystemName
        let desired = resource.spec.backendUsages ?? [:]
        var matched: Set<String> = []
        for usage in current.backendUsages {
            let backend = state.backend(id: usage.backendID)?.backend.systemName ?? "#\(usage.backendID)"
            guard let wanted = desired[backend] else {
                add(.backendUsages, "remove backend \(backend) from product \(product)",
                    .deleteBackendUsage(product: product, usageID: usage.id, backend: backend))
                continue
            }
            matched.insert(backend)
            if URLNormalizer.usagePath(wanted.path) != URLNormalizer.usagePath(usage.path) {
                add(.backendUsages, "change the path of backend \(backend) in product \(product): \(usage.path) → \(wanted.path)",
                    .updateBackendUsage(product: product, usageID: usage.id, backend: backend, path: wanted.path))
            }
        }
        for (backend, usage) in desired.sorted(by: { $0.key < $1.key }) where !matched.contains(backend) {
            guard backendExists(backend) else {
                fail(.product(resource), field: "spec.backendUsages.\(backend)",
                    "backend \(backend) exists neither in the file nor in 3scale; add its Backend resource or create it first")
                continue
            }
            add(.backendUsages, "add backend \(backend) to product \(product) at \(usage.path)",
                .createBackendUsage(product: product, backend: backend, path: usage.path))
        }
    }

    /// Only the proxy fields the resource sets are enforced (the operator merges them).
    mutating func proxy(_ spec: ProductSpec, product: String, current: Proxy) {
        var wanted = spec.deployment?.authentication?.proxyFields ?? []
        if let managed = spec.deployment?.apicastSelfManaged {
            if let url = managed.productionPublicBaseURL { wanted.append(("endpoint", url)) }
            if let url = managed.stagingPublicBaseURL { wanted.append(("sandbox_endpoint", url)) }
        }
        var fields: [FieldChange] = []
        for (name, value) in wanted {
            let now = current.value(of: name)
            let same = name.hasSuffix("endpoint") && name != "oidc_issuer_endpoint"
                ? URLNormalizer.withPort(value) == URLNormalizer.withPort(now ?? "") : value == now
            if !same { fields.append(FieldChange(name, value, previous: now)) }
        }
        if !fields.isEmpty {
            add(.proxy, "update the gateway settings of product \(product): \(fields.summary)",
                .updateProxy(product: product, fields: fields))
        }
    }

    mutating func policies(_ spec: ProductSpec, product: String, current: [PolicyConfig]) {
        let desired = spec.effectivePolicies.map {
            PolicyConfig(name: $0.name, version: $0.version, configuration: $0.configuration ?? .object([:]), enabled: $0.enabled)
        }
        let normalizedCurrent = current.map {
            PolicyConfig(name: $0.name, version: $0.version, configuration: $0.configuration, enabled: $0.enabled ?? false)
        }
        if desired != normalizedCurrent {
            let names = desired.map(\.name).joined(separator: ", ")
            add(.policies, "set the policy chain of product \(product): \(names)", .updatePolicies(product: product, policies: desired))
        }
    }

    func compare(_ fields: inout [FieldChange], _ name: String, _ desired: String, _ current: String) {
        if desired != current { fields.append(FieldChange(name, desired, previous: current)) }
    }
}

extension [FieldChange] {
    var summary: String { map(\.summary).joined(separator: ", ") }
}

extension Metric {
    /// Stands for the hits metric porta creates with every product and backend.
    static let placeholderHits = Metric(
        id: -1, systemName: "hits", friendlyName: "Hits", description: "Number of API hits", unit: "hit")
}

extension ProductState {
    /// What porta holds right after creating a product: hits, the `GET /` rule, the
    /// default proxy and the `apicast`-only chain. Planning against it gives the
    /// same actions as planning after the create.
    static func fresh(_ spec: ProductSpec) -> ProductState {
        var proxy = Proxy()
        proxy.credentialsLocation = "query"
        proxy.authUserKey = "user_key"
        proxy.authAppID = "app_id"
        proxy.authAppKey = "app_key"
        return ProductState(
            service: Service(
                id: -1, name: spec.name, systemName: spec.effectiveSystemName, description: spec.description,
                backendVersion: spec.deployment?.authentication?.backendVersion ?? "1",
                deploymentOption: spec.deployment?.deploymentOption ?? "hosted"),
            metrics: [.placeholderHits], methods: [],
            mappingRules: [MappingRule(id: -1, metricID: -1, pattern: "/", httpMethod: "GET", delta: 1, position: 1, last: false)],
            backendUsages: [], proxy: proxy,
            policies: [PolicyConfig(name: "apicast", version: "builtin", configuration: .object([:]), enabled: true)],
            plans: [])
    }
}
