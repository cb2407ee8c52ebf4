/// The metrics and methods of a backend or product: what mapping rules and limits
/// count, found by the names people type.
public struct MetricCatalog: Sendable, Equatable {
    public let owner: MetricOwner
    /// How errors name the owner, e.g. "product llama70b".
    public let label: String
    /// `hits`, the parent of every method.
    public let hitsID: Int
    /// Metrics first, then methods, each once.
    public let all: [Metric]
    public let methods: [Metric]

    init(owner: MetricOwner, label: String, hitsID: Int, metrics: [Metric], methods: [Metric]) {
        self.owner = owner
        self.label = label
        self.hitsID = hitsID
        self.methods = methods
        // porta's metric list holds the methods too; keep each id once.
        let listed = Set(metrics.map(\.id))
        self.all = metrics + methods.filter { !listed.contains($0.id) }
    }

    static func hitsID(in metrics: [Metric], owner: MetricOwner, label: String) throws(AdminError) -> Int {
        guard let hits = metrics.first(where: { owner.sanitize($0.systemName) == "hits" }) else {
            throw .noMatch(kind: "metric", name: "hits", owner: label, choices: metrics.map { owner.sanitize($0.systemName) })
        }
        return hits.id
    }

    /// A metric or method by id, by system name as porta stores it, or without a
    /// backend's `.ID` suffix; nil when there is none.
    public func find(_ ref: String) -> Metric? {
        all.first { String($0.id) == ref || $0.systemName == ref || owner.sanitize($0.systemName) == ref }
    }

    /// Like `find`, but a miss is an error that names what there is.
    public func metric(_ ref: String) throws(AdminError) -> Metric {
        guard let metric = find(ref) else {
            throw .noMatch(kind: "metric or method", name: ref, owner: label, choices: all.map { owner.sanitize($0.systemName) })
        }
        return metric
    }

    /// A method (never a plain metric) by id or system name.
    public func method(_ ref: String) throws(AdminError) -> Metric {
        guard let method = methods.first(where: { String($0.id) == ref || owner.sanitize($0.systemName) == ref }) else {
            throw .noMatch(kind: "method", name: ref, owner: label, choices: methods.map { owner.sanitize($0.systemName) })
        }
        return method
    }

    /// The system name of a metric id as a resource names it, or `#ID` when unknown.
    public func name(of id: Int) -> String {
        all.first { $0.id == id }.map { owner.sanitize($0.systemName) } ?? "#\(id)"
    }
}

extension AdminClient {
    /// The metrics and methods of a backend or product.
    public func metricCatalog(of owner: MetricOwner) async throws(AdminError) -> MetricCatalog {
        try await metricCatalog(of: owner, label: owner.label)
    }

    /// A product's metrics and methods, the product by name or id.
    public func metricCatalog(ofProduct product: ObjectRef) async throws(AdminError) -> MetricCatalog {
        try await metricCatalog(of: .product(id: try await productID(product)), label: "product \(product)")
    }

    private func metricCatalog(of owner: MetricOwner, label: String) async throws(AdminError) -> MetricCatalog {
        let metrics = try await metrics(of: owner)
        let hitsID = try MetricCatalog.hitsID(in: metrics, owner: owner, label: label)
        return MetricCatalog(
            owner: owner, label: label, hitsID: hitsID, metrics: metrics, methods: try await methods(of: owner, hitsID: hitsID))
    }
}
