/// One field a create or update sends: porta's parameter name, the new value, and
/// the value 3scale has now (nil for creates), so a plan can show what changes.
public struct FieldChange: Sendable, Codable, Equatable {
    public var name: String
    public var value: String
    public var previous: String?

    public init(_ name: String, _ value: String, previous: String? = nil) {
        self.name = name
        self.value = value
        self.previous = previous
    }

    var summary: String {
        let shown = Self.short(name, value)
        guard let previous else { return "\(name)=\(shown)" }
        return "\(name): \(Self.short(name, previous)) → \(shown)"
    }

    /// Documents and long values are summarised, not dumped.
    static func short(_ name: String, _ value: String) -> String {
        if name == "body" { return "(\(value.utf8.count) bytes)" }
        return value.count > 120 ? "'\(value.prefix(117))…'" : "'\(value)'"
    }
}

/// Whose metrics, methods and mapping rules: by system name, because the object may
/// only be created during the same apply.
public enum MetricOwnerName: Sendable, Codable, Hashable, CustomStringConvertible {
    case backend(String)
    case product(String)

    public var description: String {
        switch self {
        case .backend(let name): return "backend \(name)"
        case .product(let name): return "product \(name)"
        }
    }
}

/// A mapping rule as sent; the metric by system name, resolved to an id on apply.
public struct RuleFields: Sendable, Codable, Equatable {
    public var httpMethod: String
    public var pattern: String
    public var metric: String
    public var delta: Int
    public var last: Bool
    /// Sent only when the rule must move (or is created) at this 1-based position; a
    /// create without one goes to the bottom, one of an owner's rules created together.
    public var position: Int?
}

/// A mapping rule by what it matches: its method and pattern.
public struct MappingRuleKey: Sendable, Codable, Equatable, CustomStringConvertible {
    public var httpMethod: String
    public var pattern: String

    public var description: String { "\(httpMethod) \(pattern)" }
}

/// The exact call an action makes. Objects created in the same apply are referred to
/// by system name; existing ones by id, with the system name where ids may be unknown.
public enum Operation: Sendable, Codable, Equatable {
    case createBackend(systemName: String, fields: [FieldChange])
    case updateBackend(systemName: String, fields: [FieldChange])
    case createProduct(systemName: String, fields: [FieldChange])
    case updateProduct(systemName: String, fields: [FieldChange])
    case createBackendUsage(product: String, backend: String, path: String)
    case updateBackendUsage(product: String, usageID: Int, backend: String, path: String)
    case deleteBackendUsage(product: String, usageID: Int, backend: String)
    case updateProxy(product: String, fields: [FieldChange])
    case createMetric(owner: MetricOwnerName, systemName: String, fields: [FieldChange])
    case updateMetric(owner: MetricOwnerName, systemName: String, id: Int?, fields: [FieldChange])
    case deleteMetric(owner: MetricOwnerName, systemName: String, id: Int)
    case createMethod(owner: MetricOwnerName, systemName: String, fields: [FieldChange])
    case updateMethod(owner: MetricOwnerName, systemName: String, id: Int?, fields: [FieldChange])
    case deleteMethod(owner: MetricOwnerName, systemName: String, id: Int)
    case createMappingRule(owner: MetricOwnerName, rule: RuleFields)
    case updateMappingRule(owner: MetricOwnerName, id: Int, rule: RuleFields, changes: [FieldChange])
    /// `id` is nil for a rule porta creates by itself with a new product (`GET /`).
    case deleteMappingRule(owner: MetricOwnerName, id: Int?, httpMethod: String, pattern: String)
    /// After an owner's new rules were created together (each at the bottom, in the order
    /// 3scale took them): moves them into `rules`' order, only if they are not in it.
    case orderMappingRules(owner: MetricOwnerName, rules: [MappingRuleKey])
    case createPlan(product: String, systemName: String, fields: [FieldChange])
    case updatePlan(product: String, systemName: String, id: Int, fields: [FieldChange])
    case deletePlan(product: String, systemName: String, id: Int)
    case createLimit(product: String, plan: String, metric: MetricMethodRefSpec, period: String, value: Int)
    case deleteLimit(product: String, plan: String, planID: Int, metricID: Int, id: Int, period: String, value: Int)
    case createPricingRule(product: String, plan: String, metric: MetricMethodRefSpec, min: Int, max: Int, costPerUnit: String)
    case deletePricingRule(product: String, plan: String, planID: Int, metricID: Int, id: Int)
    case updatePolicies(product: String, policies: [PolicyConfig])
    case createActiveDoc(systemName: String, product: String?, fields: [FieldChange])
    case updateActiveDoc(systemName: String, id: Int, product: String?, fields: [FieldChange])
    case deployStaging(product: String)
    /// Promotes the latest staging version unless production already has it.
    case promoteToProduction(product: String)
    /// The password is read from the file's Secret at apply time, never kept in a plan.
    case signup(orgName: String, username: String, email: String, passwordSecret: String)
    case createUser(orgName: String, username: String, email: String, passwordSecret: String)
    case createApplication(orgName: String, product: String, plan: String, name: String, description: String)
    case updateApplication(orgName: String, id: Int, fields: [FieldChange])
    /// `role` (admin, member) and `state` (active, suspended) of a user; `id` is nil for
    /// one created in the same apply.
    case changeUser(orgName: String, username: String, id: Int?, fields: [FieldChange])
    /// `plan` (a plan's system name) and `state` (live, suspended) of an application;
    /// `id` is nil for one created in the same apply.
    case changeApplication(orgName: String, product: String, name: String, id: Int?, fields: [FieldChange])
}

/// The order of work. Later stages need what earlier ones create (a product before
/// its methods, methods before the rules that count them); `ActionGraph` says which
/// actions really wait for which.
public enum Stage: Int, Sendable, Codable, Comparable, CaseIterable {
    case backends
    case backendMetrics
    case backendRuleDeletes
    case backendRules
    case backendMetricDeletes
    case products
    case backendUsages
    case proxy
    case productMetrics
    case productRuleDeletes
    case productRules
    case productMetricDeletes
    case plans
    case limitDeletes
    case limitCreates
    case policies
    case activeDocs
    case accounts
    case users
    case userChanges
    case applications
    case applicationChanges
    case deploy
    case promote
    /// A product's metric and method deletes when the same plan deploys the config
    /// without their rules: 3scale refuses them while the latest config uses them.
    case metricDeletesAfterDeploy

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

}

/// One step of a plan, with a sentence for humans and the exact call for the applier.
public struct Action: Sendable, Codable, Equatable, CustomStringConvertible {
    public var stage: Stage
    public var summary: String
    public var operation: Operation

    public init(stage: Stage, summary: String, operation: Operation) {
        self.stage = stage
        self.summary = summary
        self.operation = operation
    }

    public var description: String { summary }
}

/// What an apply would do. Empty when 3scale already matches the file.
public struct Plan: Sendable, Codable, Equatable {
    public var actions: [Action]

    public init(actions: [Action]) {
        self.actions = actions.enumerated().sorted { ($0.element.stage, $0.offset) < ($1.element.stage, $1.offset) }
            .map(\.element)
    }

    public var isEmpty: Bool { actions.isEmpty }

    /// One line per action, in order.
    public var lines: [String] { actions.map(\.summary) }
}
