/// Server state → resources that `apply` (and `oc apply`) take back to the same
/// state: applying an export plans no action.
public enum Exporter {
    public enum Kind: String, Sendable, CaseIterable {
        case backend, product, activedoc, account
    }

    /// The resources for `export KIND NAME` (NAME is a system name). A product comes
    /// with the Backends it uses when `withBackends` is set.
    public static func resources(
        kind: Kind, name: String, from state: ServerState, namespace: String? = nil, withBackends: Bool = false
    ) throws(AdminError) -> [Resource] {
        switch kind {
        case .backend:
            guard let backend = state.backend(name) else { throw .unknownName(kind: "backend", name: name) }
            return [.backend(self.backend(backend, namespace: namespace))]
        case .product:
            guard let product = state.product(name) else { throw .unknownName(kind: "product", name: name) }
            var resources: [Resource] = []
            if withBackends {
                for usage in product.backendUsages {
                    if let backend = state.backend(id: usage.backendID) { resources.append(.backend(self.backend(backend, namespace: namespace))) }
                }
            }
            resources.append(.product(self.product(product, in: state, namespace: namespace)))
            return resources
        case .activedoc:
            guard let doc = state.activeDocs.first(where: { $0.systemName == name }) else {
                throw .unknownName(kind: "doc", name: name)
            }
            return activeDoc(doc, in: state, namespace: namespace)
        case .account:
            guard let account = state.account(orgName: name) else { throw .unknownName(kind: "account", name: name) }
            return self.account(account, in: state, namespace: namespace)
        }
    }

    public static func backend(_ state: BackendState, namespace: String? = nil) -> BackendResource {
        let backend = state.backend
        var spec = BackendSpec(
            name: backend.name, systemName: backend.systemName, privateBaseURL: backend.privateEndpoint ?? "",
            description: nonEmpty(backend.description))
        spec.metrics = metrics(state.metrics)
        spec.methods = methods(state.methods)
        let names = Dictionary((state.metrics + state.methods).map { ($0.id, $0.systemName) }, uniquingKeysWith: { first, _ in first })
        spec.mappingRules = rules(state.mappingRules, names: names)
        return BackendResource(metadata: ObjectMeta(name: resourceName(backend.systemName), namespace: namespace), spec: spec)
    }

    public static func product(_ product: ProductState, in server: ServerState, namespace: String? = nil) -> ProductResource {
        let service = product.service
        var spec = ProductSpec(name: service.name, systemName: service.systemName)
        spec.description = nonEmpty(service.description)
        spec.deployment = deployment(service, product.proxy)
        spec.metrics = metrics(product.metrics)
        spec.methods = methods(product.methods)
        let names = Dictionary((product.metrics + product.methods).map { ($0.id, $0.systemName) }, uniquingKeysWith: { first, _ in first })
        spec.mappingRules = rules(product.mappingRules, names: names)
        var usages: [String: BackendUsageSpec] = [:]
        for usage in product.backendUsages {
            usages[server.backend(id: usage.backendID)?.backend.systemName ?? "#\(usage.backendID)"] = BackendUsageSpec(path: usage.path)
        }
        spec.backendUsages = usages.isEmpty ? nil : usages
        spec.policies = product.policies.map {
            PolicyConfigSpec(name: $0.name, version: $0.version, enabled: $0.enabled ?? false, configuration: $0.configuration)
        }
        let refs = PlanBuilder(set: ResourceSet([]), state: server).metricRefs(product)
        var plans: [String: ApplicationPlanSpec] = [:]
        for state in product.plans {
            let plan = state.plan
            var planSpec = ApplicationPlanSpec(name: plan.name, appsRequireApproval: plan.approvalRequired, published: plan.isPublished)
            if let trial = plan.trialPeriodDays, trial > 0 { planSpec.trialPeriod = trial }
            if let fee = plan.setupFee, fee > 0 { planSpec.setupFee = Money.format(fee) }
            if let cost = plan.costPerMonth, cost > 0 { planSpec.costMonth = Money.format(cost) }
            let limits = state.limits.compactMap { limit in
                refs[limit.metricID].map { LimitSpec(period: limit.period, value: limit.value, metricMethodRef: $0) }
            }
            planSpec.limits = limits.isEmpty ? nil : limits
            let pricing = state.pricingRules.compactMap { rule in
                refs[rule.metricID].map {
                    PricingRuleSpec(from: rule.min, to: rule.max ?? Int.max,
                        pricePerUnit: Money.format(Double(rule.costPerUnit) ?? 0), metricMethodRef: $0)
                }
            }
            planSpec.pricingRules = pricing.isEmpty ? nil : pricing
            plans[plan.systemName ?? "plan\(plan.id)"] = planSpec
        }
        spec.applicationPlans = plans.isEmpty ? nil : plans
        return ProductResource(metadata: ObjectMeta(name: resourceName(service.systemName), namespace: namespace), spec: spec)
    }

    /// An ActiveDoc and the Secret holding its body (a CR cannot hold the document).
    public static func activeDoc(_ doc: APIDoc, in server: ServerState, namespace: String? = nil) -> [Resource] {
        let secretName = resourceName(doc.systemName) + "-openapi"
        var spec = ActiveDocSpec(
            name: doc.name, systemName: doc.systemName,
            activeDocOpenAPIRef: ActiveDocOpenAPIRefSpec(secretRef: ObjectReferenceSpec(name: secretName)))
        spec.description = nonEmpty(doc.description)
        spec.published = doc.published
        spec.skipSwaggerValidations = doc.skipSwaggerValidations
        spec.productSystemName = doc.serviceID.flatMap { id in server.products.first { $0.service.id == id }?.service.systemName }
        let secret = SecretResource(metadata: ObjectMeta(name: secretName, namespace: namespace), stringData: ["openapi.json": doc.body ?? "{}"])
        return [.secret(secret), .activeDoc(ActiveDocResource(metadata: ObjectMeta(name: resourceName(doc.systemName), namespace: namespace), spec: spec))]
    }

    // MARK: Pieces

    private static func deployment(_ service: Service, _ proxy: Proxy) -> DeploymentSpec? {
        var auth: AuthenticationSpec?
        switch service.backendVersion {
        case "1":
            auth = AuthenticationSpec(userkey: UserKeyAuthenticationSpec(authUserKey: proxy.authUserKey, credentials: proxy.credentialsLocation))
        case "2":
            auth = AuthenticationSpec(appKeyAppID: AppKeyAppIDAuthenticationSpec(
                appID: proxy.authAppID, appKey: proxy.authAppKey, credentials: proxy.credentialsLocation))
        case "oidc":
            var oidc = OIDCSpec(issuerType: proxy.oidcIssuerType ?? "keycloak", issuerEndpoint: proxy.oidcIssuerEndpoint)
            oidc.credentials = proxy.credentialsLocation
            auth = AuthenticationSpec(oidc: oidc)
        default:
            auth = nil
        }
        switch service.deploymentOption {
        case "hosted":
            return DeploymentSpec(apicastHosted: ApicastHostedSpec(authentication: auth))
        case "self_managed":
            return DeploymentSpec(apicastSelfManaged: ApicastSelfManagedSpec(
                authentication: auth, stagingPublicBaseURL: proxy.sandboxEndpoint, productionPublicBaseURL: proxy.endpoint))
        default:
            return nil
        }
    }

    private static func metrics(_ metrics: [Metric]) -> [String: MetricSpec]? {
        let all = Dictionary(metrics.map {
            ($0.systemName, MetricSpec(friendlyName: $0.friendlyName, unit: $0.unit ?? "hit", description: nonEmpty($0.description)))
        }, uniquingKeysWith: { first, _ in first })
        return all.isEmpty ? nil : all
    }

    private static func methods(_ methods: [Metric]) -> [String: MethodSpec]? {
        let all = Dictionary(methods.map { ($0.systemName, MethodSpec(friendlyName: $0.friendlyName, description: nonEmpty($0.description))) },
            uniquingKeysWith: { first, _ in first })
        return all.isEmpty ? nil : all
    }

    private static func rules(_ rules: [MappingRule], names: [Int: String]) -> [MappingRuleSpec]? {
        let sorted = rules.sorted { ($0.position ?? Int.max, $0.id) < ($1.position ?? Int.max, $1.id) }
        let all = sorted.map {
            MappingRuleSpec(httpMethod: $0.httpMethod, pattern: $0.pattern, metricMethodRef: names[$0.metricID] ?? "hits",
                increment: $0.delta, last: $0.last == true ? true : nil)
        }
        return all.isEmpty ? nil : all
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// A Kubernetes object name (RFC 1123): lower-case alphanumerics, `-` and `.`.
    static func resourceName(_ systemName: String) -> String {
        var name = String(systemName.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." ? $0 : "-" })
        while name.hasPrefix("-") || name.hasPrefix(".") { name.removeFirst() }
        while name.hasSuffix("-") || name.hasSuffix(".") { name.removeLast() }
        return name.isEmpty ? "unnamed" : String(name.prefix(253))
    }
}
