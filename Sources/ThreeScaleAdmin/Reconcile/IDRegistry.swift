/// Resolves the system names in a plan to ids while it is applied, including objects
/// created earlier in the same apply. Backends, products, plans and accounts go
/// through the client's `NameCache`; metrics are listed once per owner here, and
/// actions that need the same owner's list while it is on its way share that call.
actor IDRegistry {
    private let client: AdminClient
    private var metrics: [MetricOwnerName: [String: Int]] = [:]
    private var listing: [MetricOwnerName: Task<[String: Int], any Error>] = [:]

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

    /// Starts listing a just-created owner's metrics, for the actions that will need
    /// them: its call then goes before theirs, while the others' calls fill the rest.
    func prefetch(_ name: MetricOwnerName) {
        guard metrics[name] == nil, listing[name] == nil else { return }
        listing[name] = startListing(name)
    }

    /// A limit's metric: the product's own or a backend's.
    func metricID(product: String, ref: MetricMethodRefSpec) async throws(AdminError) -> Int {
        if let backend = ref.backend { return try await metricID(.backend(backend), ref.systemName) }
        return try await metricID(.product(product), ref.systemName)
    }

    private func load(_ name: MetricOwnerName) async throws(AdminError) {
        let task: Task<[String: Int], any Error>
        if let running = listing[name] {
            task = running
        } else {
            // Not a child of the first caller's task: its cancellation must not fail the
            // others waiting. It ends with its one call.
            task = startListing(name)
            listing[name] = task
        }
        let table: [String: Int]
        do {
            table = try await task.value
        } catch {
            if listing[name] == task { listing[name] = nil }
            throw AdminError(error)
        }
        if listing[name] == task { listing[name] = nil }
        // Names remembered while the list was on its way are newer than it.
        metrics[name] = table.merging(metrics[name] ?? [:]) { _, remembered in remembered }
    }

    /// The listing as a shared read: the actions waiting on it hold reservations
    /// (`CallLimiter`), which must not hold it back.
    private func startListing(_ name: MetricOwnerName) -> Task<[String: Int], any Error> {
        Task { try await CallLimiter.$sharedRead.withValue(true) { try await self.list(name) } }
    }

    private func list(_ name: MetricOwnerName) async throws(AdminError) -> [String: Int] {
        let owner = try await self.owner(name)
        var table: [String: Int] = [:]
        for metric in try await client.metrics(of: owner) { table[owner.sanitize(metric.systemName)] = metric.id }
        return table
    }
}
