/// Application plans with limits and pricing rules, service plans
/// (porta `application_plans_controller.rb`, `application_plan_*limits_controller.rb`,
/// `*pricing_rules_controller.rb`, `service_plans_controller.rb`).
enum PlanRoutes {
    static let planStates = ["publish": "published", "hide": "hidden"]

    static let all: [AdminRoute] = applicationPlanRoutes + limitRoutes + pricingRoutes + servicePlanRoutes

    static let applicationPlanRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/application_plans.json") { txn, _ throws(AdminAPIFailure) in
            .ok(["plans": .array(txn.state.applicationPlans.sorted { $0.id < $1.id }.map(txn.applicationPlanJSON))])
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/application_plans.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let plans = txn.state.applicationPlans.filter { $0.serviceID == service.id }.sorted { $0.id < $1.id }
            return .ok(["plans": .array(plans.map(txn.applicationPlanJSON))])
        },
        AdminRoute(.post, "/admin/api/services/{service_id}/application_plans.json",
                   ["name", "approval_required", "trial_period_days", "cost_per_month", "setup_fee", "state_event"],
                   undocumented: ["system_name"]) {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let params = try input.wrapped("application_plan")
            guard let name = try params.text("name") else { throw .invalid("name", "can't be blank") }
            let systemName = try params.text("system_name") ?? Validation.systemName(from: name, model: "plan")
            if txn.state.applicationPlans.contains(where: { $0.serviceID == service.id && $0.systemName == systemName }) {
                throw .invalid("system_name", "has already been taken")
            }
            var plan = ApplicationPlan(
                id: txn.state.newID("plans"), serviceID: service.id, name: name, systemName: systemName,
                description: nil, state: "hidden", approvalRequired: false, setupFee: 0, costPerMonth: 0,
                trialPeriodDays: 0, createdAt: txn.now, updatedAt: txn.now
            )
            try apply(params, to: &plan)
            txn.state.applicationPlans.append(plan)
            return .created(txn.applicationPlanJSON(plan))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/application_plans/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.applicationPlanJSON(try plan(txn, input)))
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/application_plans/{id}.json",
                   ["name", "approval_required", "trial_period_days", "cost_per_month", "setup_fee", "state_event"]) {
            txn, input throws(AdminAPIFailure) in
            var found = try plan(txn, input)
            try apply(try input.wrapped("application_plan"), to: &found)
            found.updatedAt = txn.now
            let updated = found
            txn.state.applicationPlans = txn.state.applicationPlans.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.applicationPlanJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/services/{service_id}/application_plans/{id}.json") { txn, input throws(AdminAPIFailure) in
            let found = try plan(txn, input)
            if txn.state.applications.contains(where: { $0.planID == found.id }) {
                throw .deleteRefused(["base": ["This application plan cannot be deleted! At least one application depends on it."]])
            }
            txn.state.applicationPlans.removeAll { $0.id == found.id }
            txn.state.limits.removeAll { $0.planID == found.id }
            txn.state.pricingRules.removeAll { $0.planID == found.id }
            if let index = txn.state.services.firstIndex(where: { $0.defaultApplicationPlanID == found.id }) {
                txn.state.services[index].defaultApplicationPlanID = nil
            }
            return .deleted
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/application_plans/{id}/default.json") { txn, input throws(AdminAPIFailure) in
            let found = try plan(txn, input)
            let index = try txn.serviceIndex(found.serviceID)
            txn.state.services[index].defaultApplicationPlanID = found.id
            return .ok(txn.applicationPlanJSON(found))
        },
    ]

    static func plan(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> ApplicationPlan {
        let service = try txn.service(try input.id("service_id"))
        let plan = try txn.applicationPlan(try input.id("id"))
        guard plan.serviceID == service.id else { throw .notFound }
        return plan
    }

    static func apply(_ params: Params, to plan: inout ApplicationPlan) throws(AdminAPIFailure) {
        var errors: [String: [String]] = [:]
        if params.has("name") {
            if let name = try params.text("name") { plan.name = name } else { errors["name"] = ["can't be blank"] }
        }
        if let approval = try params.bool("approval_required") { plan.approvalRequired = approval }
        let numbers: [(String, WritableKeyPath<ApplicationPlan, Double>)] = [
            ("setup_fee", \.setupFee), ("cost_per_month", \.costPerMonth),
        ]
        for (key, path) in numbers {
            do throws(AdminAPIFailure) {
                if let value = try params.double(key) {
                    if value < 0 { errors[key] = ["must be greater than or equal to 0"] } else { plan[keyPath: path] = value }
                }
            } catch { errors[key] = ["is not a number"] }
        }
        if let days = try errors.collect({ () throws(AdminAPIFailure) in try params.int("trial_period_days", .nonNegativeColumn) }) {
            plan.trialPeriodDays = days
        }
        if let event = try params.text("state_event") {
            guard let state = planStates[event] else { throw .invalid("state_event", "is invalid") }
            plan.state = state
        }
        if !errors.isEmpty { throw .invalid(errors) }
    }

    // MARK: Limits

    static let limitRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/application_plans/{application_plan_id}/limits.json", ["page", "per_page"]) {
            txn, input throws(AdminAPIFailure) in
            let plan = try txn.applicationPlan(try input.id("application_plan_id"))
            let limits = txn.state.limits.filter { $0.planID == plan.id }.sorted { $0.id < $1.id }
            return .ok(Page(input.flat).render("limits", limits.map(txn.limitJSON)))
        },
        AdminRoute(.get, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/limits.json") {
            txn, input throws(AdminAPIFailure) in
            let (plan, metric) = try planAndMetric(txn, input)
            let limits = txn.state.limits.filter { $0.planID == plan.id && $0.metricID == metric.id }.sorted { $0.id < $1.id }
            return .ok(["limits": .array(limits.map(txn.limitJSON))])
        },
        AdminRoute(.post, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/limits.json",
                   ["period", "value"]) { txn, input throws(AdminAPIFailure) in
            let (plan, metric) = try planAndMetric(txn, input)
            var limit = UsageLimit(id: 0, planID: plan.id, metricID: metric.id, period: "", value: 0,
                                   createdAt: txn.now, updatedAt: txn.now)
            try applyLimit(try input.wrapped("usage_limit", required: false), to: &limit, txn: txn, creating: true)
            limit.id = txn.state.newID("usage_limits")
            txn.state.limits.append(limit)
            return .created(txn.limitJSON(limit))
        },
        AdminRoute(.get, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/limits/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            .ok(txn.limitJSON(try limit(txn, input)))
        },
        AdminRoute(.put, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/limits/{id}.json",
                   ["period", "value"]) { txn, input throws(AdminAPIFailure) in
            var found = try limit(txn, input)
            try applyLimit(try input.wrapped("usage_limit", required: false), to: &found, txn: txn, creating: false)
            found.updatedAt = txn.now
            let updated = found
            txn.state.limits = txn.state.limits.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.limitJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/limits/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            let found = try limit(txn, input)
            txn.state.limits.removeAll { $0.id == found.id }
            return .deleted
        },
    ]

    static func planAndMetric(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> (ApplicationPlan, Metric) {
        let plan = try txn.applicationPlan(try input.id("application_plan_id"))
        return (plan, try txn.planMetric(try input.id("metric_id"), plan: plan))
    }

    static func limit(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> UsageLimit {
        let (plan, metric) = try planAndMetric(txn, input)
        let id = try input.id("id")
        guard let limit = txn.state.limits.first(where: { $0.id == id && $0.planID == plan.id && $0.metricID == metric.id })
        else { throw .notFound }
        return limit
    }

    static func applyLimit(_ params: Params, to limit: inout UsageLimit, txn: Transaction, creating: Bool) throws(AdminAPIFailure) {
        if creating || params.has("period") {
            let period = try params.string("period") ?? ""
            guard Validation.limitPeriods.contains(period) else { throw .invalid("period", "is invalid") }
            let current = limit
            if txn.state.limits.contains(where: {
                $0.id != current.id && $0.planID == current.planID && $0.metricID == current.metricID && $0.period == period
            }) {
                throw .invalid("period", "has already been taken")
            }
            limit.period = period
        }
        if creating || params.has("value") {
            // Blank, negative or not a number is stored as 0 (porta `usage_limit.rb#set_value_default_value`,
            // after Rails casts the text); above the column's range is refused.
            switch IntegerReading.read(params.values["value"], in: IntegerRule.nonNegativeColumn.range) {
            case .value(let value): limit.value = value
            case .absent, .notANumber, .below: limit.value = 0
            case .wrongShape: throw .invalid("value", "is invalid")
            case .above: throw .invalid("value", IntegerRule.nonNegativeColumn.aboveMessage)
            }
        }
    }

    // MARK: Pricing rules

    static let pricingRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/application_plans/{application_plan_id}/pricing_rules.json") {
            txn, input throws(AdminAPIFailure) in
            let plan = try txn.applicationPlan(try input.id("application_plan_id"))
            let rules = txn.state.pricingRules.filter { $0.planID == plan.id }.sorted { $0.id < $1.id }
            return .ok(["pricing_rules": .array(rules.map(txn.pricingRuleJSON))])
        },
        AdminRoute(.get, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/pricing_rules.json") {
            txn, input throws(AdminAPIFailure) in
            let (plan, metric) = try planAndMetric(txn, input)
            let rules = txn.state.pricingRules.filter { $0.planID == plan.id && $0.metricID == metric.id }
            return .ok(["pricing_rules": .array(rules.sorted { $0.id < $1.id }.map(txn.pricingRuleJSON))])
        },
        AdminRoute(.post, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/pricing_rules.json",
                   ["min", "max", "cost_per_unit"]) { txn, input throws(AdminAPIFailure) in
            let (plan, metric) = try planAndMetric(txn, input)
            let params = try input.wrapped("pricing_rule")
            var errors: [String: [String]] = [:]
            let minimum = try errors.collect { () throws(AdminAPIFailure) in try params.int("min", .pricingBound) } ?? 1
            let maximum = try errors.collect { () throws(AdminAPIFailure) in try params.int("max", .pricingBound) }
            if let maximum, maximum < minimum { errors["max", default: []].append("must be greater than or equal to min") }
            let cost = try params.string("cost_per_unit") ?? "0"
            if let number = Double(cost), number.isFinite {
                if let dot = cost.firstIndex(of: "."), cost[cost.index(after: dot)...].count > 4 {
                    errors["cost_per_unit"] = ["maximum decimals is 4."]
                }
            } else {
                errors["cost_per_unit"] = ["is not a number"]
            }
            let overlapping = txn.state.pricingRules.contains {
                $0.planID == plan.id && $0.metricID == metric.id
                    && $0.min <= (maximum ?? Int.max) && minimum <= ($0.max ?? Int.max)
            }
            if overlapping { errors["min", default: []].append("overlaps with another pricing rule") }
            if !errors.isEmpty { throw .invalid(errors) }
            let rule = PricingRule(
                id: txn.state.newID("pricing_rules"), planID: plan.id, metricID: metric.id, min: minimum, max: maximum,
                costPerUnit: Double(cost).map { String($0) } ?? cost, createdAt: txn.now, updatedAt: txn.now
            )
            txn.state.pricingRules.append(rule)
            return .created(txn.pricingRuleJSON(rule))
        },
        AdminRoute(.delete, "/admin/api/application_plans/{application_plan_id}/metrics/{metric_id}/pricing_rules/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            let (plan, metric) = try planAndMetric(txn, input)
            let id = try input.id("id")
            guard txn.state.pricingRules.contains(where: { $0.id == id && $0.planID == plan.id && $0.metricID == metric.id })
            else { throw .notFound }
            txn.state.pricingRules.removeAll { $0.id == id }
            return .deleted
        },
    ]

    // MARK: Service plans

    static let servicePlanRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/service_plans.json") { txn, _ throws(AdminAPIFailure) in
            .ok(["plans": .array(txn.state.servicePlans.sorted { $0.id < $1.id }.map(txn.servicePlanJSON))])
        },
        AdminRoute(.get, "/admin/api/services/{id}/service_plans.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("id"))
            let plans = txn.state.servicePlans.filter { $0.serviceID == service.id }.sorted { $0.id < $1.id }
            return .ok(["plans": .array(plans.map(txn.servicePlanJSON))])
        },
        AdminRoute(.post, "/admin/api/services/{id}/service_plans.json", ["name", "system_name", "approval_required", "state_event"]) {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("id"))
            let params = try input.wrapped("service_plan")
            guard let name = try params.text("name") else { throw .invalid("name", "can't be blank") }
            let systemName = try params.text("system_name") ?? Validation.systemName(from: name, model: "plan")
            if txn.state.servicePlans.contains(where: { $0.serviceID == service.id && $0.systemName == systemName }) {
                throw .invalid("system_name", "has already been taken")
            }
            var plan = ServicePlan(id: txn.state.newID("plans"), serviceID: service.id, name: name, systemName: systemName,
                                   state: "hidden", approvalRequired: false, createdAt: txn.now, updatedAt: txn.now)
            try applyServicePlan(params, to: &plan)
            txn.state.servicePlans.append(plan)
            return .created(txn.servicePlanJSON(plan))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/service_plans/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.servicePlanJSON(try servicePlan(txn, input)))
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/service_plans/{id}.json", ["name", "approval_required", "state_event"]) {
            txn, input throws(AdminAPIFailure) in
            var plan = try servicePlan(txn, input)
            try applyServicePlan(try input.wrapped("service_plan"), to: &plan)
            plan.updatedAt = txn.now
            let updated = plan
            txn.state.servicePlans = txn.state.servicePlans.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.servicePlanJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/services/{service_id}/service_plans/{id}.json") { txn, input throws(AdminAPIFailure) in
            let plan = try servicePlan(txn, input)
            if txn.state.subscriptions.contains(where: { $0.planID == plan.id }) {
                throw .deleteRefused(["base": ["This service plan cannot be deleted! At least one service subscription depends on it."]])
            }
            txn.state.servicePlans.removeAll { $0.id == plan.id }
            if let index = txn.state.services.firstIndex(where: { $0.defaultServicePlanID == plan.id }) {
                txn.state.services[index].defaultServicePlanID = nil
            }
            return .deleted
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/service_plans/{id}/default.json") { txn, input throws(AdminAPIFailure) in
            let plan = try servicePlan(txn, input)
            let index = try txn.serviceIndex(plan.serviceID)
            txn.state.services[index].defaultServicePlanID = plan.id
            return .ok(txn.servicePlanJSON(plan))
        },
    ]

    static func servicePlan(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> ServicePlan {
        let service = try txn.service(try input.id("service_id"))
        let id = try input.id("id")
        guard let plan = txn.state.servicePlans.first(where: { $0.id == id && $0.serviceID == service.id }) else {
            throw .notFound
        }
        return plan
    }

    static func applyServicePlan(_ params: Params, to plan: inout ServicePlan) throws(AdminAPIFailure) {
        if params.has("name") {
            guard let name = try params.text("name") else { throw .invalid("name", "can't be blank") }
            plan.name = name
        }
        if let approval = try params.bool("approval_required") { plan.approvalRequired = approval }
        if let event = try params.text("state_event") {
            guard let state = planStates[event] else { throw .invalid("state_event", "is invalid") }
            plan.state = state
        }
    }
}
