/// Metrics, methods and mapping rules: the same algorithm for backends and products.
extension PlanBuilder {
    mutating func children(
        owner: MetricOwnerName, stages: (metrics: Stage, ruleDeletes: Stage, rules: Stage, metricDeletes: Stage),
        desiredMetrics: [String: MetricSpec], desiredMethods: [String: MethodSpec], desiredRules: [MappingRuleSpec],
        metrics: [Metric], methods: [Metric], rules: [MappingRule]
    ) {
        let methodNames = Set(methods.map(\.systemName))
        // The metrics endpoint lists methods too; "metrics" are the rest.
        let plainMetrics = metrics.filter { !methodNames.contains($0.systemName) && $0.parentID == nil }
        let currentMethods = Dictionary(methods.map { ($0.systemName, $0) }, uniquingKeysWith: { first, _ in first })
        let currentMetrics = Dictionary(plainMetrics.map { ($0.systemName, $0) }, uniquingKeysWith: { first, _ in first })

        for (name, method) in desiredMethods.sorted(by: { $0.key < $1.key }) {
            if let now = currentMethods[name] {
                var fields: [FieldChange] = []
                compare(&fields, "friendly_name", method.friendlyName, now.friendlyName)
                compare(&fields, "description", method.description ?? "", now.description ?? "")
                if !fields.isEmpty {
                    add(stages.metrics, "update method \(name) of \(owner): \(fields.summary)",
                        .updateMethod(owner: owner, systemName: name, id: now.id > 0 ? now.id : nil, fields: fields))
                }
            } else {
                var fields = [FieldChange("friendly_name", method.friendlyName), FieldChange("system_name", name)]
                if let description = method.description, !description.isEmpty { fields.append(FieldChange("description", description)) }
                add(stages.metrics, "create method \(name) (\(method.friendlyName)) in \(owner)",
                    .createMethod(owner: owner, systemName: name, fields: fields))
            }
        }
        for (name, metric) in desiredMetrics.sorted(by: { $0.key < $1.key }) {
            if let now = currentMetrics[name] {
                var fields: [FieldChange] = []
                compare(&fields, "friendly_name", metric.friendlyName, now.friendlyName)
                compare(&fields, "unit", metric.unit, now.unit ?? "")
                compare(&fields, "description", metric.description ?? "", now.description ?? "")
                if !fields.isEmpty {
                    add(stages.metrics, "update metric \(name) of \(owner): \(fields.summary)",
                        .updateMetric(owner: owner, systemName: name, id: now.id > 0 ? now.id : nil, fields: fields))
                }
            } else {
                var fields = [FieldChange("friendly_name", metric.friendlyName), FieldChange("unit", metric.unit), FieldChange("system_name", name)]
                if let description = metric.description, !description.isEmpty { fields.append(FieldChange("description", description)) }
                add(stages.metrics, "create metric \(name) (\(metric.friendlyName)) in \(owner)",
                    .createMetric(owner: owner, systemName: name, fields: fields))
            }
        }
        // Deletes come after the rules are settled: 3scale refuses to delete a method
        // that the rules of the latest gateway config use, and drops rules with it.
        for method in methods.sorted(by: { $0.systemName < $1.systemName }) where desiredMethods[method.systemName] == nil {
            add(stages.metricDeletes, "delete method \(method.systemName) of \(owner)",
                .deleteMethod(owner: owner, systemName: method.systemName, id: method.id))
        }
        for metric in plainMetrics.sorted(by: { $0.systemName < $1.systemName })
        where desiredMetrics[metric.systemName] == nil && metric.systemName != "hits" {
            add(stages.metricDeletes, "delete metric \(metric.systemName) of \(owner)",
                .deleteMetric(owner: owner, systemName: metric.systemName, id: metric.id))
        }
        let names = Dictionary((metrics + methods).map { ($0.id, $0.systemName) }, uniquingKeysWith: { first, _ in first })
        mappingRules(owner: owner, stages: (stages.ruleDeletes, stages.rules), desired: desiredRules, current: rules, metricNames: names)
    }

    /// Rules are matched by method and pattern (not by position, unlike the
    /// operator), so removing one rule deletes just that rule. The rest are placed
    /// in order: a new rule is created at its position, a rule out of order is moved;
    /// 3scale shifts the rules below, so those steps run one by one. When none of the
    /// owner's rules is kept (a new product), the new rules are created together, each
    /// at the bottom, then moved only if 3scale did not take them in the order sent.
    mutating func mappingRules(
        owner: MetricOwnerName, stages: (deletes: Stage, ordered: Stage), desired: [MappingRuleSpec], current: [MappingRule],
        metricNames: [Int: String]
    ) {
        let existing = current.sorted { ($0.position ?? Int.max, $0.id) < ($1.position ?? Int.max, $1.id) }
        var unmatched = Array(existing.indices)
        var match: [Int: MappingRule] = [:]  // desired index → current rule
        for (index, rule) in desired.enumerated() {
            if let slot = unmatched.firstIndex(where: { existing[$0].httpMethod == rule.httpMethod && existing[$0].pattern == rule.pattern }) {
                match[index] = existing[unmatched[slot]]
                unmatched.remove(at: slot)
            }
        }
        for slot in unmatched {
            let rule = existing[slot]
            add(stages.deletes, "delete mapping rule \(rule.httpMethod) \(rule.pattern) of \(owner)",
                .deleteMappingRule(owner: owner, id: rule.id > 0 ? rule.id : nil, httpMethod: rule.httpMethod, pattern: rule.pattern))
        }
        // The list as 3scale will hold it after the deletes (ids of kept rules, Int.min for new ones).
        var list = existing.filter { rule in match.values.contains { $0.id == rule.id && $0.pattern == rule.pattern && $0.httpMethod == rule.httpMethod } }.map(\.id)
        let together = list.isEmpty && desired.count > 1
        for (index, rule) in desired.enumerated() {
            let position = index + 1
            var fields = RuleFields(
                httpMethod: rule.httpMethod, pattern: rule.pattern, metric: rule.metricMethodRef, delta: rule.increment,
                last: rule.last ?? false, position: together ? nil : position)
            guard let now = match[index] else {
                list.insert(Int.min, at: min(index, list.count))
                add(stages.ordered, "create mapping rule \(rule.httpMethod) \(rule.pattern) → \(rule.metricMethodRef) in \(owner) at position \(position)",
                    .createMappingRule(owner: owner, rule: fields))
                continue
            }
            var changes: [FieldChange] = []
            let currentMetric = metricNames[now.metricID] ?? "#\(now.metricID)"
            compare(&changes, "metric", rule.metricMethodRef, currentMetric)
            compare(&changes, "delta", String(rule.increment), String(now.delta))
            compare(&changes, "last", String(rule.last ?? false), String(now.last ?? false))
            if let from = list.firstIndex(of: now.id), from != index {
                list.remove(at: from)
                list.insert(now.id, at: min(index, list.count))
                changes.append(FieldChange("position", String(position), previous: String(from + 1)))
            } else {
                fields.position = nil
            }
            if !changes.isEmpty {
                add(stages.ordered, "update mapping rule \(rule.httpMethod) \(rule.pattern) of \(owner): \(changes.summary)",
                    .updateMappingRule(owner: owner, id: now.id, rule: fields, changes: changes))
            }
        }
        if together {
            add(stages.ordered, "check that the \(desired.count) new mapping rules of \(owner) are in the file's order (moved only if not)",
                .orderMappingRules(owner: owner, rules: desired.map { MappingRuleKey(httpMethod: $0.httpMethod, pattern: $0.pattern) }))
        }
    }
}
