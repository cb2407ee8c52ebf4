/// What `backend create` and `product create` find before they apply their one
/// resource: nothing (the plan creates it), or the object, with the settings asked
/// for (the plan is empty) or with others (what the plan would change, as differences).
public enum CreateCheck: Sendable, Equatable {
    case absent(Plan)
    case kept
    /// Never empty.
    case differs([SettingDifference])

    /// - Parameter state: what `plan` was planned against.
    public init(plan: Plan, state: ServerState) {
        if plan.actions.contains(where: \.createsBackendOrProduct) {
            self = .absent(plan)
            return
        }
        let differences = plan.actions.flatMap { $0.differences(in: state) }
        self = differences.isEmpty ? .kept : .differs(differences)
    }
}

extension AdminClient {
    /// Plans `set` (a backend or a product) against 3scale as it is now, and checks it as a create.
    public func checkCreate(_ set: ResourceSet, concurrency: Int = 4) async throws -> CreateCheck {
        // The documents are read and checked while the server's state is on its way.
        async let documents = DocumentLoader.load(set, client: self)
        async let fetched = StateFetcher(client: self, concurrency: concurrency).fetch(for: set)
        let loaded = try await documents
        let state = try await fetched
        return CreateCheck(plan: try Planner.plan(set, state: state, documents: loaded), state: state)
    }
}

extension Action {
    var createsBackendOrProduct: Bool {
        switch operation {
        case .createBackend, .createProduct: return true
        default: return false
        }
    }

    /// What this step of a plan against an existing object would change, as settings
    /// that differ; at least one.
    func differences(in state: ServerState) -> [SettingDifference] {
        switch operation {
        case .updateBackend(_, let fields), .updateProduct(_, let fields), .updateProxy(_, let fields):
            return Self.differences("", fields)
        case .updateMetric(_, let name, _, let fields):
            return Self.differences("metric \(name) ", fields)
        case .updateMethod(_, let name, _, let fields):
            return Self.differences("method \(name) ", fields)
        case .updatePlan(_, let name, _, let fields):
            return Self.differences("application plan \(name) ", fields)
        case .updateMappingRule(_, _, let rule, let changes):
            return Self.differences("mapping rule \(rule.httpMethod) \(rule.pattern) ", changes)
        case .createMetric(_, let name, _):
            return [SettingDifference("metric \(name)", existing: "none", wanted: "present")]
        case .createMethod(_, let name, _):
            return [SettingDifference("method \(name)", existing: "none", wanted: "present")]
        case .deleteMetric(_, let name, _):
            return [SettingDifference("metric \(name)", existing: "present", wanted: "none")]
        case .deleteMethod(_, let name, _):
            return [SettingDifference("method \(name)", existing: "present", wanted: "none")]
        case .createMappingRule(_, let rule):
            return [SettingDifference("mapping rule \(rule.httpMethod) \(rule.pattern)", existing: "none", wanted: "counting \(rule.metric)")]
        case .deleteMappingRule(_, _, let method, let pattern):
            return [SettingDifference("mapping rule \(method) \(pattern)", existing: "present", wanted: "none")]
        case .orderMappingRules:
            // The creates it follows say what changes.
            return []
        case .createBackendUsage(_, let backend, let path):
            return [SettingDifference("backend \(backend)", existing: "none", wanted: "at \(path)")]
        case .updateBackendUsage(let product, let usageID, let backend, let path):
            let now = state.product(product)?.backendUsages.first { $0.id == usageID }?.path ?? "?"
            return [SettingDifference("path of backend \(backend)", existing: now, wanted: path)]
        case .deleteBackendUsage(_, _, let backend):
            return [SettingDifference("backend \(backend)", existing: "present", wanted: "none")]
        case .createPlan(_, let name, _):
            return [SettingDifference("application plan \(name)", existing: "none", wanted: "present")]
        case .deletePlan(_, let name, _):
            return [SettingDifference("application plan \(name)", existing: "present", wanted: "none")]
        case .createLimit(_, let plan, let metric, let period, let value):
            return [SettingDifference("\(period) limit on \(metric.label) in plan \(plan)", existing: "none", wanted: String(value))]
        case .deleteLimit(let product, let plan, _, let metricID, _, let period, let value):
            let metric = state.metricName(id: metricID, product: product)
            return [SettingDifference("\(period) limit on \(metric) in plan \(plan)", existing: String(value), wanted: "none")]
        case .createPricingRule(_, let plan, let metric, let min, let max, let cost):
            return [SettingDifference("price of \(metric.label) \(min)–\(max) in plan \(plan)", existing: "none", wanted: cost)]
        case .deletePricingRule(let product, let plan, _, let metricID, let id):
            let metric = state.metricName(id: metricID, product: product)
            return [SettingDifference("pricing rule #\(id) on \(metric) in plan \(plan)", existing: "present", wanted: "none")]
        case .updatePolicies(let product, let policies):
            return Self.policyDifferences(existing: state.product(product)?.policies ?? [], wanted: policies)
        default:
            return [SettingDifference(summary, existing: "as it is", wanted: "changed")]
        }
    }

    private static func differences(_ prefix: String, _ fields: [FieldChange]) -> [SettingDifference] {
        fields.map { field in
            SettingDifference(prefix + field.name, existing: field.previous.map { FieldChange.short(field.name, $0) } ?? "none",
                wanted: FieldChange.short(field.name, field.value))
        }
    }

    /// Policy by policy when the chain has the same names in the same order, else the two chains.
    private static func policyDifferences(existing: [PolicyConfig], wanted: [PolicyConfig]) -> [SettingDifference] {
        guard existing.map(\.name) == wanted.map(\.name) else {
            let names = { (chain: [PolicyConfig]) in chain.isEmpty ? "none" : chain.map(\.name).joined(separator: ", ") }
            return [SettingDifference("policy chain", existing: names(existing), wanted: names(wanted))]
        }
        return zip(existing, wanted).enumerated().flatMap { index, pair in
            CreateComparison.policy(pair.0, position: index + 1, pair.1, wantedPosition: nil).map {
                SettingDifference("policy \(pair.0.name) \($0.setting)", existing: $0.existing, wanted: $0.wanted)
            }
        }
    }
}

extension ServerState {
    /// A metric's or method's system name among a product's and its backends' (`#ID` when unknown).
    func metricName(id: Int, product: String) -> String {
        guard let state = self.product(product) else { return "#\(id)" }
        if let name = state.metricIDs.first(where: { $0.value == id })?.key { return name }
        for usage in state.backendUsages {
            if let backend = backend(id: usage.backendID), let name = backend.metricIDs.first(where: { $0.value == id })?.key {
                return "\(backend.backend.systemName).\(name)"
            }
        }
        return "#\(id)"
    }
}
