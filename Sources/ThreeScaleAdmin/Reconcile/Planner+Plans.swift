#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Application plans, their limits and pricing rules.
extension PlanBuilder {
    mutating func plans(_ resource: ProductResource, current: ProductState) {
        let product = resource.spec.effectiveSystemName
        let desired = resource.spec.applicationPlans ?? [:]
        let existing = Dictionary(current.plans.compactMap { plan in plan.plan.systemName.map { ($0, plan) } }, uniquingKeysWith: { first, _ in first })
        for plan in current.plans where desired[plan.plan.systemName ?? ""] == nil {
            let name = plan.plan.systemName ?? "#\(plan.plan.id)"
            add(.plans, "delete application plan \(name) of product \(product)",
                .deletePlan(product: product, systemName: name, id: plan.plan.id))
        }
        for (key, spec) in desired.sorted(by: { $0.key < $1.key }) {
            if let now = existing[key] {
                var fields: [FieldChange] = []
                if let name = spec.name { compare(&fields, "name", name, now.plan.name) }
                if let approval = spec.appsRequireApproval {
                    compare(&fields, "approval_required", String(approval), String(now.plan.approvalRequired ?? false))
                }
                if let trial = spec.trialPeriod { compare(&fields, "trial_period_days", String(trial), String(now.plan.trialPeriodDays ?? 0)) }
                if let fee = spec.setupFee, Double(fee) != (now.plan.setupFee ?? 0) {
                    fields.append(FieldChange("setup_fee", fee, previous: now.plan.setupFee.map { Money.format($0) }))
                }
                if let cost = spec.costMonth, Double(cost) != (now.plan.costPerMonth ?? 0) {
                    fields.append(FieldChange("cost_per_month", cost, previous: now.plan.costPerMonth.map { Money.format($0) }))
                }
                // Always reconciled: omitted means hidden.
                let published = spec.published ?? false
                if published != now.plan.isPublished {
                    fields.append(FieldChange("state_event", published ? "publish" : "hide", previous: now.plan.state))
                }
                if !fields.isEmpty {
                    add(.plans, "update application plan \(key) of product \(product): \(fields.summary)",
                        .updatePlan(product: product, systemName: key, id: now.plan.id, fields: fields))
                }
            } else {
                var fields = [FieldChange("name", spec.name ?? key), FieldChange("system_name", key)]
                if let approval = spec.appsRequireApproval { fields.append(FieldChange("approval_required", String(approval))) }
                if let trial = spec.trialPeriod { fields.append(FieldChange("trial_period_days", String(trial))) }
                if let fee = spec.setupFee { fields.append(FieldChange("setup_fee", fee)) }
                if let cost = spec.costMonth { fields.append(FieldChange("cost_per_month", cost)) }
                if spec.published == true { fields.append(FieldChange("state_event", "publish")) }
                add(.plans, "create application plan \(key) (\(spec.name ?? key)) in product \(product)\(spec.published == true ? ", published" : "")",
                    .createPlan(product: product, systemName: key, fields: fields))
            }
            limitsAndPricing(resource, plan: key, spec: spec, current: existing[key], productState: current)
        }
    }

    /// Limits and pricing rules are never updated in place: identity is every field,
    /// so a changed value is a delete plus a create (as the operator does).
    mutating func limitsAndPricing(
        _ resource: ProductResource, plan: String, spec: ApplicationPlanSpec, current: PlanState?, productState: ProductState
    ) {
        let product = resource.spec.effectiveSystemName
        let refs = metricRefs(productState)
        for (index, limit) in (spec.limits ?? []).enumerated() {
            checkBackendRef(resource, limit.metricMethodRef, field: "spec.applicationPlans.\(plan).limits[\(index)].metricMethodRef")
        }
        for (index, rule) in (spec.pricingRules ?? []).enumerated() {
            checkBackendRef(resource, rule.metricMethodRef, field: "spec.applicationPlans.\(plan).pricingRules[\(index)].metricMethodRef")
        }
        var wantedLimits = spec.limits ?? []
        for limit in current?.limits ?? [] {
            let ref = refs[limit.metricID]
            if let slot = wantedLimits.firstIndex(where: { $0.period == limit.period && $0.value == limit.value && $0.metricMethodRef == ref }) {
                wantedLimits.remove(at: slot)
            } else if let planID = current?.plan.id {
                add(.limitDeletes, "delete the \(limit.period) limit \(limit.value) on \(ref?.label ?? "#\(limit.metricID)") from plan \(plan) of product \(product)",
                    .deleteLimit(product: product, plan: plan, planID: planID, metricID: limit.metricID, id: limit.id, period: limit.period, value: limit.value))
            }
        }
        for limit in wantedLimits {
            add(.limitCreates, "limit \(limit.metricMethodRef.label) to \(limit.value) per \(limit.period) in plan \(plan) of product \(product)",
                .createLimit(product: product, plan: plan, metric: limit.metricMethodRef, period: limit.period, value: limit.value))
        }
        var wantedRules = spec.pricingRules ?? []
        for rule in current?.pricingRules ?? [] {
            let ref = refs[rule.metricID]
            if let slot = wantedRules.firstIndex(where: {
                $0.from == rule.min && $0.to == (rule.max ?? Int.max) && Double($0.pricePerUnit) == Double(rule.costPerUnit) && $0.metricMethodRef == ref
            }) {
                wantedRules.remove(at: slot)
            } else if let planID = current?.plan.id {
                add(.limitDeletes, "delete the pricing rule \(rule.min)–\(rule.max.map(String.init) ?? "∞") on \(ref?.label ?? "#\(rule.metricID)") from plan \(plan) of product \(product)",
                    .deletePricingRule(product: product, plan: plan, planID: planID, metricID: rule.metricID, id: rule.id))
            }
        }
        for rule in wantedRules {
            add(.limitCreates, "price \(rule.metricMethodRef.label) \(rule.from)–\(rule.to) at \(rule.pricePerUnit) in plan \(plan) of product \(product)",
                .createPricingRule(product: product, plan: plan, metric: rule.metricMethodRef, min: rule.from, max: rule.to, costPerUnit: rule.pricePerUnit))
        }
    }

    /// Metric id → reference, over the product's metrics and its backends' metrics.
    func metricRefs(_ product: ProductState) -> [Int: MetricMethodRefSpec] {
        var refs: [Int: MetricMethodRefSpec] = [:]
        for (name, id) in product.metricIDs where id > 0 { refs[id] = MetricMethodRefSpec(systemName: name) }
        for usage in product.backendUsages {
            guard let backend = state.backend(id: usage.backendID) else { continue }
            for (name, id) in backend.metricIDs { refs[id] = MetricMethodRefSpec(systemName: name, backend: backend.backend.systemName) }
        }
        return refs
    }

    /// A limit on a backend's metric needs the backend, and the metric in it.
    mutating func checkBackendRef(_ resource: ProductResource, _ ref: MetricMethodRefSpec, field: String) {
        guard let backend = ref.backend, set.backend(systemName: backend) == nil else { return }
        guard let remote = state.backend(backend) else {
            fail(.product(resource), field: field + ".backend", "backend \(backend) exists neither in the file nor in 3scale")
            return
        }
        if remote.metricIDs[ref.systemName] == nil {
            fail(.product(resource), field: field + ".systemName", "backend \(backend) in 3scale has no metric or method \(ref.systemName)")
        }
    }
}

/// Plan prices as the CRD writes them (`^\d+(\.\d{2})?$`).
enum Money {
    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
