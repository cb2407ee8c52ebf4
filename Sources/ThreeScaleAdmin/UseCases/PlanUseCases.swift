/// How often a limit resets.
public enum LimitPeriod: String, Sendable, CaseIterable, Codable {
    case minute, hour, day, week, month, year, eternity
}

/// A product's application plans and their limits, by the names people type.
extension AdminClient {
    public func applicationPlans(ofProduct product: ObjectRef) async throws(AdminError) -> [ApplicationPlan] {
        try await applicationPlans(productID: try await productID(product))
    }

    /// A plan by id, system name or display name ("Standard Plan").
    public func applicationPlan(ofProduct product: ObjectRef, matching plan: String) async throws(AdminError)
        -> ApplicationPlan
    {
        try Self.plan(plan, in: try await applicationPlans(ofProduct: product), owner: "product \(product)")
    }

    public func addApplicationPlan(toProduct product: ObjectRef, _ plan: NewApplicationPlan) async throws(AdminError)
        -> ApplicationPlan
    {
        try await createApplicationPlan(productID: try await productID(product), plan)
    }

    /// Removes a plan (by id, system name or display name); returns it.
    @discardableResult
    public func removeApplicationPlan(fromProduct product: ObjectRef, _ plan: String) async throws(AdminError)
        -> ApplicationPlan
    {
        let found = try await applicationPlan(ofProduct: product, matching: plan)
        try await deleteApplicationPlan(productID: try await productID(product), id: found.id)
        return found
    }

    /// Limits a plan's calls of a metric or method per period, replacing the limit it
    /// had for that period.
    @discardableResult
    public func setLimit(
        product: ObjectRef, plan: String, metric: String, period: LimitPeriod, value: Int
    ) async throws(AdminError) -> UsageLimit {
        let catalog = try await metricCatalog(ofProduct: product)
        let target = try catalog.metric(metric)
        let planID = try await applicationPlan(ofProduct: product, matching: plan).id
        if let existing = try await limits(planID: planID).first(where: { $0.metricID == target.id && $0.period == period.rawValue }) {
            try await deleteLimit(planID: planID, metricID: target.id, id: existing.id)
        }
        return try await createLimit(planID: planID, metricID: target.id, period: period.rawValue, value: value)
    }

    /// The plan a new application goes on: the named one, else the only published
    /// plan, else the only plan.
    func planForNewApplication(productID: Int, named plan: String?, owner: String) async throws(AdminError)
        -> ApplicationPlan
    {
        try Self.planForNewApplication(in: try await applicationPlans(productID: productID), named: plan, owner: owner)
    }

    static func planForNewApplication(in plans: [ApplicationPlan], named plan: String?, owner: String) throws(AdminError)
        -> ApplicationPlan
    {
        if let plan { return try Self.plan(plan, in: plans, owner: owner) }
        let published = plans.filter(\.isPublished)
        guard let only = published.count == 1 ? published.first : (plans.count == 1 ? plans.first : nil) else {
            throw .noDefault(kind: "application plan", owner: owner, choices: plans.map(\.name))
        }
        return only
    }

    static func plan(_ ref: String, in plans: [ApplicationPlan], owner: String) throws(AdminError) -> ApplicationPlan {
        guard let found = plans.first(where: { String($0.id) == ref || $0.systemName == ref || $0.name == ref }) else {
            throw .noMatch(kind: "application plan", name: ref, owner: owner, choices: plans.map(\.name))
        }
        return found
    }
}
