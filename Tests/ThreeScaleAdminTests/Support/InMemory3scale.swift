@testable import ThreeScaleAdmin

/// Applies planned operations to a `ServerState` the way porta would (hits, the
/// default `GET /` rule and the apicast chain on new products, positions shifting
/// like acts_as_list, new config versions on deploy), so the planner can be checked
/// for convergence without a server.
struct InMemory3scale {
    var state = ServerState()
    private var nextID = 100

    init(_ state: ServerState = ServerState()) {
        self.state = state
        nextID = 1000
    }

    mutating func newID() -> Int {
        nextID += 1
        return nextID
    }

    mutating func apply(_ plan: Plan) {
        for action in plan.actions { perform(action.operation) }
    }

    func value(_ fields: [FieldChange], _ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    mutating func perform(_ operation: ThreeScaleAdmin.Operation) {
        switch operation {
        case .createBackend(let name, let fields):
            let hits = Metric(id: newID(), systemName: "hits", friendlyName: "Hits", description: "Number of API hits", unit: "hit")
            let backend = BackendAPI(id: newID(), name: value(fields, "name")!, systemName: name, description: value(fields, "description") ?? "",
                privateEndpoint: URLNormalizer.withPort(value(fields, "private_endpoint")!))
            state.backends.append(BackendState(backend: backend, metrics: [hits], methods: [], mappingRules: []))
        case .updateBackend(let name, let fields):
            let index = state.backends.firstIndex { $0.backend.systemName == name }!
            for field in fields {
                switch field.name {
                case "name": state.backends[index].backend.name = field.value
                case "description": state.backends[index].backend.description = field.value
                case "private_endpoint": state.backends[index].backend.privateEndpoint = URLNormalizer.withPort(field.value)
                default: break
                }
            }
        case .createProduct(let name, let fields):
            let spec = ProductSpec(name: value(fields, "name")!, systemName: name)
            var product = ProductState.fresh(spec)
            product.service.id = newID()
            product.service.description = value(fields, "description") ?? ""
            product.service.backendVersion = value(fields, "backend_version") ?? "1"
            product.service.deploymentOption = value(fields, "deployment_option") ?? "hosted"
            let hits = newID()
            product.metrics = [Metric(id: hits, systemName: "hits", friendlyName: "Hits", description: "Number of API hits", unit: "hit")]
            product.mappingRules = [MappingRule(id: newID(), metricID: hits, pattern: "/", httpMethod: "GET", delta: 1, position: 1, last: false)]
            state.products.append(product)
        case .updateProduct(let name, let fields):
            update(product: name) { product in
                for field in fields {
                    switch field.name {
                    case "name": product.service.name = field.value
                    case "description": product.service.description = field.value
                    case "deployment_option": product.service.deploymentOption = field.value
                    case "backend_version": product.service.backendVersion = field.value
                    default: break
                    }
                }
            }
        case .createBackendUsage(let product, let backend, let path):
            let backendID = state.backend(backend)!.backend.id
            let id = newID()
            update(product: product) { $0.backendUsages.append(BackendUsage(id: id, path: path, backendID: backendID)) }
        case .updateBackendUsage(let product, let id, _, let path):
            update(product: product) { p in p.backendUsages = p.backendUsages.map { var u = $0; if u.id == id { u.path = path }; return u } }
        case .deleteBackendUsage(let product, let id, _):
            update(product: product) { $0.backendUsages.removeAll { $0.id == id } }
        case .updateProxy(let product, let fields):
            update(product: product) { p in for field in fields { p.proxy.set(field.name, to: field.value) } }
        case .createMetric(let owner, let name, let fields):
            let metric = Metric(id: newID(), systemName: name, friendlyName: value(fields, "friendly_name")!,
                description: value(fields, "description") ?? "", unit: value(fields, "unit"))
            children(owner) { metrics, _, _ in metrics.append(metric) }
        case .updateMetric(let owner, let name, _, let fields), .updateMethod(let owner, let name, _, let fields):
            children(owner) { metrics, methods, _ in
                for index in metrics.indices where metrics[index].systemName == name { Self.set(&metrics[index], fields) }
                for index in methods.indices where methods[index].systemName == name { Self.set(&methods[index], fields) }
            }
        case .deleteMetric(let owner, _, let id), .deleteMethod(let owner, _, let id):
            children(owner) { metrics, methods, rules in
                metrics.removeAll { $0.id == id }
                methods.removeAll { $0.id == id }
                rules.removeAll { $0.metricID == id }
            }
        case .createMethod(let owner, let name, let fields):
            let id = newID()
            let friendly = value(fields, "friendly_name")!
            let description = value(fields, "description") ?? ""
            children(owner) { metrics, methods, _ in
                let hits = metrics.first { $0.systemName == "hits" }!.id
                methods.append(Metric(id: id, systemName: name, friendlyName: friendly, description: description, parentID: hits))
            }
        case .createMappingRule(let owner, let rule):
            let id = newID()
            children(owner) { metrics, methods, rules in
                let metricID = (metrics + methods).first { $0.systemName == rule.metric }!.id
                let position = rule.position ?? (rules.count + 1)
                rules = rules.map { var r = $0; if r.position! >= position { r.position! += 1 }; return r }
                rules.append(MappingRule(id: id, metricID: metricID, pattern: rule.pattern, httpMethod: rule.httpMethod,
                    delta: rule.delta, position: position, last: rule.last))
            }
        case .updateMappingRule(let owner, let id, let rule, _):
            children(owner) { metrics, methods, rules in
                let index = rules.firstIndex { $0.id == id }!
                rules[index].metricID = (metrics + methods).first { $0.systemName == rule.metric }!.id
                rules[index].delta = rule.delta
                rules[index].last = rule.last
                if let position = rule.position {
                    let from = rules[index].position!
                    for other in rules.indices where other != index {
                        let p = rules[other].position!
                        if from > position && p >= position && p < from { rules[other].position! += 1 }
                        if from < position && p <= position && p > from { rules[other].position! -= 1 }
                    }
                    rules[index].position = position
                }
            }
        case .orderMappingRules:
            // Applied in plan order, rules created at the bottom are already in order.
            break
        case .deleteMappingRule(let owner, let id, let method, let pattern):
            children(owner) { _, _, rules in
                guard let index = rules.firstIndex(where: { id == nil ? ($0.httpMethod == method && $0.pattern == pattern) : $0.id == id }) else { return }
                let position = rules[index].position!
                rules.remove(at: index)
                rules = rules.map { var r = $0; if r.position! > position { r.position! -= 1 }; return r }
            }
        case .createPlan(let product, let name, let fields):
            let plan = ApplicationPlan(id: newID(), name: value(fields, "name")!, systemName: name,
                state: value(fields, "state_event") == "publish" ? "published" : "hidden",
                setupFee: value(fields, "setup_fee").flatMap(Double.init) ?? 0, costPerMonth: value(fields, "cost_per_month").flatMap(Double.init) ?? 0,
                trialPeriodDays: value(fields, "trial_period_days").flatMap(Int.init) ?? 0,
                approvalRequired: value(fields, "approval_required").map { $0 == "true" } ?? false)
            update(product: product) { $0.plans.append(PlanState(plan: plan)) }
        case .updatePlan(let product, _, let id, let fields):
            update(product: product) { p in
                let index = p.plans.firstIndex { $0.plan.id == id }!
                for field in fields {
                    switch field.name {
                    case "name": p.plans[index].plan.name = field.value
                    case "approval_required": p.plans[index].plan.approvalRequired = field.value == "true"
                    case "state_event": p.plans[index].plan.state = field.value == "publish" ? "published" : "hidden"
                    case "setup_fee": p.plans[index].plan.setupFee = Double(field.value)
                    case "cost_per_month": p.plans[index].plan.costPerMonth = Double(field.value)
                    case "trial_period_days": p.plans[index].plan.trialPeriodDays = Int(field.value)
                    default: break
                    }
                }
            }
        case .deletePlan(let product, _, let id):
            update(product: product) { $0.plans.removeAll { $0.plan.id == id } }
        case .createLimit(let product, let plan, let metric, let period, let value):
            let metricID = metricID(product: product, metric)
            let id = newID()
            update(product: product) { p in
                let index = p.plans.firstIndex { $0.plan.systemName == plan }!
                p.plans[index].limits.append(UsageLimit(id: id, period: period, value: value, metricID: metricID))
            }
        case .deleteLimit(let product, _, let planID, _, let id, _, _):
            update(product: product) { p in
                let index = p.plans.firstIndex { $0.plan.id == planID }!
                p.plans[index].limits.removeAll { $0.id == id }
            }
        case .createPricingRule(let product, let plan, let metric, let min, let max, let cost):
            let metricID = metricID(product: product, metric)
            let id = newID()
            update(product: product) { p in
                let index = p.plans.firstIndex { $0.plan.systemName == plan }!
                p.plans[index].pricingRules.append(PricingRule(id: id, metricID: metricID, costPerUnit: cost, min: min, max: max))
            }
        case .deletePricingRule(let product, _, let planID, _, let id):
            update(product: product) { p in
                let index = p.plans.firstIndex { $0.plan.id == planID }!
                p.plans[index].pricingRules.removeAll { $0.id == id }
            }
        case .updatePolicies(let product, let policies):
            update(product: product) { $0.policies = policies }
        case .createActiveDoc(let name, let product, let fields):
            state.activeDocs.append(APIDoc(id: newID(), name: value(fields, "name")!, systemName: name, description: value(fields, "description"),
                published: value(fields, "published").map { $0 == "true" }, skipSwaggerValidations: value(fields, "skip_swagger_validations").map { $0 == "true" },
                body: value(fields, "body"), serviceID: product.flatMap { state.product($0)?.service.id }))
        case .updateActiveDoc(_, let id, let product, let fields):
            let index = state.activeDocs.firstIndex { $0.id == id }!
            for field in fields {
                switch field.name {
                case "name": state.activeDocs[index].name = field.value
                case "description": state.activeDocs[index].description = field.value
                case "published": state.activeDocs[index].published = field.value == "true"
                case "skip_swagger_validations": state.activeDocs[index].skipSwaggerValidations = field.value == "true"
                case "body": state.activeDocs[index].body = field.value
                default: break
                }
            }
            if let product { state.activeDocs[index].serviceID = state.product(product)?.service.id }
        case .deployStaging(let product):
            update(product: product) { $0.stagingVersion = ($0.stagingVersion ?? 0) + 1 }
        case .promoteToProduction(let product):
            update(product: product) { $0.productionVersion = $0.stagingVersion }
        case .signup, .createUser, .createApplication, .updateApplication, .changeUser, .changeApplication:
            break
        }
    }

    private static func set(_ metric: inout Metric, _ fields: [FieldChange]) {
        for field in fields {
            switch field.name {
            case "friendly_name": metric.friendlyName = field.value
            case "unit": metric.unit = field.value
            case "description": metric.description = field.value
            default: break
            }
        }
    }

    private func metricID(product: String, _ ref: MetricMethodRefSpec) -> Int {
        if let backend = ref.backend { return state.backend(backend)!.metricIDs[ref.systemName]! }
        return state.product(product)!.metricIDs[ref.systemName]!
    }

    private mutating func update(product name: String, _ change: (inout ProductState) -> Void) {
        let index = state.products.firstIndex { $0.service.systemName == name }!
        change(&state.products[index])
    }

    private mutating func children(_ owner: MetricOwnerName, _ change: (inout [Metric], inout [Metric], inout [MappingRule]) -> Void) {
        switch owner {
        case .backend(let name):
            let index = state.backends.firstIndex { $0.backend.systemName == name }!
            var backend = state.backends[index]
            change(&backend.metrics, &backend.methods, &backend.mappingRules)
            state.backends[index] = backend
        case .product(let name):
            let index = state.products.firstIndex { $0.service.systemName == name }!
            var product = state.products[index]
            change(&product.metrics, &product.methods, &product.mappingRules)
            state.products[index] = product
        }
    }
}
