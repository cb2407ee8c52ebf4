/// How a command names a mapping rule: by id, or by its HTTP method and pattern
/// (`GET /v1/models`), the way people read them.
public enum MappingRuleSelector: Sendable, Equatable, CustomStringConvertible {
    case id(Int)
    case route(httpMethod: String, pattern: String)

    /// The method in any case; the pattern exactly as stored.
    public func matches(_ rule: MappingRule) -> Bool {
        switch self {
        case .id(let id): return rule.id == id
        case .route(let method, let pattern): return rule.httpMethod == method.uppercased() && rule.pattern == pattern
        }
    }

    public var description: String {
        switch self {
        case .id(let id): return "#\(id)"
        case .route(let method, let pattern): return "\(method.uppercased()) \(pattern)"
        }
    }
}

/// A product's mapping rules with the metrics they count.
public struct ProductRules: Sendable, Equatable {
    public let rules: [MappingRule]
    public let catalog: MetricCatalog

    /// The system name of the metric or method a rule counts.
    public func metricName(of rule: MappingRule) -> String { catalog.name(of: rule.metricID) }
}

extension AdminClient {
    public func mappingRules(ofProduct product: ObjectRef) async throws(AdminError) -> ProductRules {
        let catalog = try await metricCatalog(ofProduct: product)
        return ProductRules(rules: try await mappingRules(of: catalog.owner), catalog: catalog)
    }

    /// Adds a rule counting `metric` (a metric or method, by name or id) of the product.
    public func addMappingRule(
        toProduct product: ObjectRef, httpMethod: String, pattern: String, metric: String, delta: Int = 1, last: Bool = false
    ) async throws(AdminError) -> MappingRule {
        let catalog = try await metricCatalog(ofProduct: product)
        let target = try catalog.metric(metric)
        return try await createMappingRule(of: catalog.owner, NewMappingRule(
            httpMethod: httpMethod.uppercased(), pattern: pattern, metricID: target.id, delta: delta, last: last ? true : nil))
    }

    /// The product's first rule that `selector` matches.
    public func mappingRule(ofProduct product: ObjectRef, matching selector: MappingRuleSelector) async throws(AdminError)
        -> MappingRule
    {
        let rules = try await mappingRules(of: .product(id: try await productID(product)))
        guard let rule = rules.first(where: selector.matches) else {
            throw .noMatch(kind: "mapping rule", name: selector.description, owner: "product \(product)",
                choices: rules.map { MappingRuleSelector.route(httpMethod: $0.httpMethod, pattern: $0.pattern).description })
        }
        return rule
    }

    /// Removes the rule `selector` matches; returns it.
    @discardableResult
    public func removeMappingRule(fromProduct product: ObjectRef, matching selector: MappingRuleSelector)
        async throws(AdminError) -> MappingRule
    {
        let rule = try await mappingRule(ofProduct: product, matching: selector)
        try await deleteMappingRule(of: .product(id: try await productID(product)), id: rule.id)
        return rule
    }
}
