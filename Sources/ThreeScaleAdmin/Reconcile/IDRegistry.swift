/// Resolves the system names in a plan to ids while it is applied, including objects
/// created earlier in the same apply. Backends, products, plans and accounts go
/// through the client's `NameCache`; metrics are listed once per owner here.
actor IDRegistry {
    private let client: AdminClient
    private var metrics: [MetricOwnerName: [String: Int]] = [:]

    init(client: AdminClient) {
        self.client = client
    }

    func owner(_ name: MetricOwnerName) async throws(AdminError) -> MetricOwner {
        switch name {
        case .backend(let system): return .backend(id: try await client.backendID(.name(system)))
        case .product(let system): return .product(id: try await client.productID(.name(system)))
        }
    }

    /// A metric or method id by system name; re-lists once when the name is unknown
    /// (it may have been created since the last listing).
    func metricID(_ owner: MetricOwnerName, _ systemName: String) async throws(AdminError) -> Int {
        if let id = metrics[owner]?[systemName] { return id }
        try await load(owner)
        if let id = metrics[owner]?[systemName] { return id }
        throw .unknownName(kind: "metric or method of \(owner)", name: systemName)
    }

    func remember(_ owner: MetricOwnerName, _ systemName: String, id: Int) {
        metrics[owner, default: [:]][systemName] = id
    }

    func forget(_ owner: MetricOwnerName, _ systemName: String) {
        metrics[owner]?[systemName] = nil
    }

    /// A limit's metric: the product's own or a backend's.
    func metricID(product: String, ref: MetricMethodRefSpec) async throws(AdminError) -> Int {
        if let backend = ref.backend { return try await metricID(.backend(backend), ref.systemName) }
        return try await metricID(.product(product), ref.systemName)
    }

    private func load(_ name: MetricOwnerName) async throws(AdminError) {
        let owner = try await self.owner(name)
        let all = try await client.metrics(of: owner)
        var table: [String: Int] = [:]
        for metric in all { table[owner.sanitize(metric.systemName)] = metric.id }
        metrics[name] = table
    }
}
