/// Application plans with their limits and pricing rules; service plans and an
/// account's service subscriptions.
extension AdminClient {
    public func applicationPlans(productID: Int) async throws(AdminError) -> [ApplicationPlan] {
        let plans: [ApplicationPlan] = try await list(
            Call(method: .GET, path: "/admin/api/services/\(productID)/application_plans.json",
                operation: "Listing application plans of product #\(productID)", what: "Product #\(productID)"),
            key: "application_plan", plural: "plans", paginated: false)
        await names.store(plans.compactMap { plan in plan.systemName.map { ($0, plan.id) } }, in: "plan:\(productID)")
        return plans
    }

    /// A plan by system name (or id) within a product.
    public func applicationPlanID(productID: Int, _ ref: ObjectRef) async throws(AdminError) -> Int {
        try await resolve(ref, kind: "application plan of product #\(productID)", scope: "plan:\(productID)") {
            () async throws in
            try await self.applicationPlans(productID: productID).compactMap { plan in plan.systemName.map { ($0, plan.id) } }
        }
    }

    public func createApplicationPlan(productID: Int, _ plan: NewApplicationPlan) async throws(AdminError)
        -> ApplicationPlan
    {
        try await createApplicationPlan(productID: productID, form: plan.form)
    }

    /// The form-based write under `createApplicationPlan`, for the reconciler's planned fields.
    func createApplicationPlan(productID: Int, form fields: FormBody) async throws(AdminError) -> ApplicationPlan {
        let systemName = fields.value("system_name")
        let lookup: (() async throws -> ApplicationPlan?)? = systemName.map { name in
            { () async throws -> ApplicationPlan? in
                try await self.applicationPlans(productID: productID).first { $0.systemName == name }
            }
        }
        let created: ApplicationPlan = try await create({ () async throws -> ApplicationPlan in
            try await self.object(
                Call(method: .POST, path: "/admin/api/services/\(productID)/application_plans.json", form: fields,
                    operation: "Creating application plan \(systemName ?? "") in product #\(productID)",
                    what: "Product #\(productID)"), key: "application_plan")
        }, lookup: lookup)
        if let name = created.systemName { await names.remember(name, id: created.id, in: "plan:\(productID)") }
        return created
    }

    public func updateApplicationPlan(productID: Int, id: Int, _ changes: PlanChanges) async throws(AdminError)
        -> ApplicationPlan
    {
        try await updateApplicationPlan(productID: productID, id: id, form: changes.form)
    }

    func updateApplicationPlan(productID: Int, id: Int, form fields: FormBody) async throws(AdminError)
        -> ApplicationPlan
    {
        try await object(
            Call(method: .PUT, path: "/admin/api/services/\(productID)/application_plans/\(id).json", form: fields,
                operation: "Updating application plan #\(id)", what: "Application plan #\(id) of product #\(productID)"),
            key: "application_plan")
    }

    public func deleteApplicationPlan(productID: Int, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/services/\(productID)/application_plans/\(id).json",
                operation: "Deleting application plan #\(id)", what: "Application plan #\(id) of product #\(productID)"))
    }

    // MARK: Limits and pricing rules

    public func limits(planID: Int) async throws(AdminError) -> [UsageLimit] {
        try await list(
            Call(method: .GET, path: "/admin/api/application_plans/\(planID)/limits.json",
                operation: "Listing limits of application plan #\(planID)", what: "Application plan #\(planID)"),
            key: "limit", plural: "limits", paginated: true)
    }

    public func createLimit(planID: Int, metricID: Int, period: String, value: Int) async throws(AdminError) -> UsageLimit {
        try await create({ () async throws -> UsageLimit in
            try await self.object(
                Call(method: .POST, path: "/admin/api/application_plans/\(planID)/metrics/\(metricID)/limits.json",
                    form: ["period": period, "value": String(value)],
                    operation: "Creating a \(period) limit in application plan #\(planID)",
                    what: "Metric #\(metricID) of application plan #\(planID)"), key: "limit")
        }, lookup: { () async throws -> UsageLimit? in
            try await self.limits(planID: planID).first {
                $0.metricID == metricID && $0.period == period && $0.value == value
            }
        })
    }

    public func deleteLimit(planID: Int, metricID: Int, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/application_plans/\(planID)/metrics/\(metricID)/limits/\(id).json",
                operation: "Deleting limit #\(id) of application plan #\(planID)",
                what: "Limit #\(id) of application plan #\(planID)"))
    }

    public func pricingRules(planID: Int) async throws(AdminError) -> [PricingRule] {
        try await list(
            Call(method: .GET, path: "/admin/api/application_plans/\(planID)/pricing_rules.json",
                operation: "Listing pricing rules of application plan #\(planID)", what: "Application plan #\(planID)"),
            key: "pricing_rule", plural: "pricing_rules", paginated: false)
    }

    public func createPricingRule(planID: Int, metricID: Int, min: Int, max: Int?, costPerUnit: String)
        async throws(AdminError) -> PricingRule
    {
        var form: FormBody = ["min": String(min), "cost_per_unit": costPerUnit]
        form.append("max", max)
        return try await create({ () async throws -> PricingRule in
            try await self.object(
                Call(method: .POST,
                    path: "/admin/api/application_plans/\(planID)/metrics/\(metricID)/pricing_rules.json", form: form,
                    operation: "Creating a pricing rule in application plan #\(planID)",
                    what: "Metric #\(metricID) of application plan #\(planID)"), key: "pricing_rule")
        }, lookup: { () async throws -> PricingRule? in
            try await self.pricingRules(planID: planID).first { $0.metricID == metricID && $0.min == min && $0.max == max }
        })
    }

    public func deletePricingRule(planID: Int, metricID: Int, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE,
                path: "/admin/api/application_plans/\(planID)/metrics/\(metricID)/pricing_rules/\(id).json",
                operation: "Deleting pricing rule #\(id) of application plan #\(planID)",
                what: "Pricing rule #\(id) of application plan #\(planID)"))
    }

    // MARK: Service plans and subscriptions

    public func servicePlans(productID: Int) async throws(AdminError) -> [ServicePlan] {
        try await list(
            Call(method: .GET, path: "/admin/api/services/\(productID)/service_plans.json",
                operation: "Listing service plans of product #\(productID)", what: "Product #\(productID)"),
            key: "service_plan", plural: "plans", paginated: false)
    }

    public func serviceSubscriptions(accountID: Int) async throws(AdminError) -> [ServiceSubscription] {
        try await list(
            Call(method: .GET, path: "/admin/api/accounts/\(accountID)/service_subscriptions.json",
                operation: "Listing subscriptions of account #\(accountID)", what: "Account #\(accountID)"),
            key: "service_subscription", plural: "service_subscriptions", paginated: false)
    }

    /// Subscribes an account to a product through one of its service plans.
    public func subscribe(accountID: Int, servicePlanID: Int) async throws(AdminError) -> ServiceSubscription {
        try await object(
            Call(method: .POST, path: "/admin/api/accounts/\(accountID)/service_subscriptions.json",
                form: ["plan_id": String(servicePlanID)],
                operation: "Subscribing account #\(accountID) to service plan #\(servicePlanID)",
                what: "Account #\(accountID) or service plan #\(servicePlanID)"), key: "service_subscription")
    }

    public func unsubscribe(accountID: Int, subscriptionID: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/accounts/\(accountID)/service_subscriptions/\(subscriptionID).json",
                operation: "Unsubscribing account #\(accountID)",
                what: "Subscription #\(subscriptionID) of account #\(accountID)"))
    }
}
