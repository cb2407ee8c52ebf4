/// Metrics, methods and mapping rules: the same models under a product or a backend.
extension Transaction {
    func metrics(of owner: OwnerKind, _ ownerID: Int) -> [Metric] {
        state.metrics.filter { $0.owner == owner && $0.ownerID == ownerID }.sorted { $0.id < $1.id }
    }

    func hitsMetric(of owner: OwnerKind, _ ownerID: Int) -> Metric? {
        let name = owner == .service ? "hits" : "hits.\(ownerID)"
        return state.metrics.first { $0.owner == owner && $0.ownerID == ownerID && $0.systemName == name }
    }

    /// Backend metric system names carry a `.<backend id>` suffix (porta `metric_extension.rb`).
    private func storedSystemName(_ name: String, owner: OwnerKind, ownerID: Int) -> String {
        owner == .backend ? "\(name).\(ownerID)" : name
    }

    @discardableResult
    mutating func createMetric(
        owner: OwnerKind, ownerID: Int, parent: Metric?, params: Params
    ) throws(AdminAPIFailure) -> Metric {
        var errors: [String: [String]] = [:]
        let friendlyName = try params.text("friendly_name")
        let unit: String?
        if let parent { unit = parent.unit } else { unit = try params.text("unit") }
        if friendlyName == nil { errors["friendly_name", default: []].append("can't be blank") }
        if unit == nil { errors["unit", default: []].append("can't be blank") }
        let siblings = metrics(of: owner, ownerID)
        if let friendlyName, siblings.contains(where: { $0.friendlyName == friendlyName }) {
            errors["friendly_name", default: []].append("has already been taken")
        }
        var requested = try params.text("system_name")
        if requested == nil, owner == .service { requested = try params.text("name") }
        let baseName = requested ?? Validation.systemName(from: friendlyName ?? "", model: "metric")
        let systemName = storedSystemName(baseName, owner: owner, ownerID: ownerID)
        if siblings.contains(where: { $0.systemName == systemName }) {
            errors["system_name", default: []].append("has already been taken")
        }
        if !errors.isEmpty { throw .invalid(errors) }
        let metric = Metric(
            id: state.newID("metrics"), owner: owner, ownerID: ownerID, systemName: systemName,
            friendlyName: friendlyName ?? "", unit: unit ?? "", description: try params.string("description"),
            parentID: parent?.id, createdAt: now, updatedAt: now
        )
        state.metrics.append(metric)
        return metric
    }

    /// The default `hits` metric every product and backend gets on create.
    mutating func createHits(owner: OwnerKind, ownerID: Int) {
        state.metrics.append(Metric(
            id: state.newID("metrics"), owner: owner, ownerID: ownerID,
            systemName: storedSystemName("hits", owner: owner, ownerID: ownerID),
            friendlyName: "Hits", unit: "hit", description: "Number of API hits", parentID: nil,
            createdAt: now, updatedAt: now
        ))
    }

    mutating func updateMetric(_ id: Int, params: Params) throws(AdminAPIFailure) -> Metric {
        guard let index = state.metrics.firstIndex(where: { $0.id == id }) else { throw .notFound }
        var metric = state.metrics[index]
        if let friendlyName = try params.string("friendly_name") {
            guard !friendlyName.isEmpty else { throw .invalid("friendly_name", "can't be blank") }
            if metrics(of: metric.owner, metric.ownerID).contains(where: { $0.id != id && $0.friendlyName == friendlyName }) {
                throw .invalid("friendly_name", "has already been taken")
            }
            metric.friendlyName = friendlyName
        }
        if metric.parentID == nil, let unit = try params.string("unit") {
            guard !unit.isEmpty else { throw .invalid("unit", "can't be blank") }
            metric.unit = unit
        }
        if params.has("description") { metric.description = try params.string("description") }
        metric.updatedAt = now
        state.metrics[index] = metric
        return metric
    }

    /// Refused for hits and for metrics the latest gateway configs use (porta `metric.rb#destroyable?`);
    /// otherwise removes the metric, its methods, and what refers to them.
    mutating func deleteMetric(_ metric: Metric) throws(AdminAPIFailure) {
        if metric.systemName == "hits" || (metric.owner == .backend && metric.systemName == "hits.\(metric.ownerID)") {
            throw .deleteRefused(["base": ["The Hits metric cannot be deleted"]])
        }
        let removed = Set([metric.id] + state.metrics.filter { $0.parentID == metric.id }.map(\.id))
        let latestConfigs = Dictionary(grouping: state.proxyConfigs) { "\($0.serviceID)/\($0.environment)" }
            .values.compactMap { $0.max { $0.version < $1.version } }
        if latestConfigs.contains(where: { $0.gateway.rules.contains { removed.contains($0.metricID) } }) {
            let kind = metric.parentID == nil ? "Metric" : "Method"
            throw .deleteRefused(["base": ["\(kind) is used by the latest gateway configuration and cannot be deleted"]])
        }
        state.metrics.removeAll { removed.contains($0.id) }
        for id in state.mappingRules.filter({ removed.contains($0.metricID) }).map(\.id) {
            // Each removal moves the rules below it, so the next one is read afresh.
            if let rule = state.mappingRules.first(where: { $0.id == id }) { removeRule(rule) }
        }
        state.limits.removeAll { removed.contains($0.metricID) }
        state.pricingRules.removeAll { removed.contains($0.metricID) }
    }

    // MARK: Mapping rules

    func mappingRules(of owner: OwnerKind, _ ownerID: Int) -> [MappingRule] {
        state.mappingRules.filter { $0.owner == owner && $0.ownerID == ownerID }
            .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    mutating func createMappingRule(owner: OwnerKind, ownerID: Int, params: Params) throws(AdminAPIFailure) -> MappingRule {
        var rule = MappingRule(
            id: 0, owner: owner, ownerID: ownerID, metricID: 0, pattern: "", httpMethod: "", delta: 0,
            position: (mappingRules(of: owner, ownerID).map(\.position).max() ?? 0).addingSaturated(1), last: false,
            createdAt: now, updatedAt: now
        )
        let requested = try applyRuleFields(&rule, params: params, creating: true)
        rule.id = state.newID("proxy_rules")
        state.mappingRules.append(rule)
        if let requested { moveRule(rule.id, to: requested) }
        return state.mappingRules.first { $0.id == rule.id } ?? rule
    }

    mutating func updateMappingRule(_ id: Int, owner: OwnerKind, ownerID: Int, params: Params) throws(AdminAPIFailure) -> MappingRule {
        guard let index = state.mappingRules.firstIndex(where: { $0.id == id && $0.owner == owner && $0.ownerID == ownerID })
        else { throw .notFound }
        var rule = state.mappingRules[index]
        let requested = try applyRuleFields(&rule, params: params, creating: false)
        rule.updatedAt = now
        state.mappingRules[index] = rule
        if let requested { moveRule(id, to: requested) }
        return state.mappingRules.first { $0.id == id } ?? rule
    }

    /// Sets the fields a request gives; returns the requested position, checked with the rest.
    private func applyRuleFields(_ rule: inout MappingRule, params: Params, creating: Bool) throws(AdminAPIFailure) -> Int? {
        var errors: [String: [String]] = [:]
        if creating || params.has("http_method") {
            let method = try params.string("http_method") ?? ""
            if method.isEmpty { errors["http_method", default: []].append("can't be blank") }
            else if !Validation.httpMethods.contains(method) {
                errors["http_method", default: []].append("is not included in the list")
            }
            rule.httpMethod = method
        }
        if creating || params.has("pattern") {
            let pattern = try params.string("pattern") ?? ""
            let problems = Validation.patternErrors(pattern)
            if !problems.isEmpty { errors["pattern", default: []] += problems }
            rule.pattern = pattern
        }
        if creating || params.has("delta") {
            if let delta = try errors.collect({ () throws(AdminAPIFailure) in try params.int("delta", .delta) }) {
                rule.delta = delta
            } else if errors["delta"] == nil {
                errors["delta", default: []].append("can't be blank")
            }
        }
        let position = try errors.collect { () throws(AdminAPIFailure) in try params.int("position", .position) }
        if creating || params.has("metric_id") {
            if let metricID = try params.reference("metric_id") {
                _ = try metric(metricID, owner: rule.owner, ownerID: rule.ownerID)
                rule.metricID = metricID
            } else {
                errors["metric_id", default: []].append("can't be blank")
            }
        }
        if let last = try params.bool("last") { rule.last = last }
        if !errors.isEmpty { throw .invalid(errors) }
        return position
    }

    mutating func deleteMappingRule(_ id: Int, owner: OwnerKind, ownerID: Int) throws(AdminAPIFailure) {
        guard let rule = mappingRules(of: owner, ownerID).first(where: { $0.id == id }) else { throw .notFound }
        removeRule(rule)
    }

    /// acts_as_list on destroy: the owner's rules below move up one.
    private mutating func removeRule(_ rule: MappingRule) {
        state.mappingRules.removeAll { $0.id == rule.id }
        for index in state.mappingRules.indices {
            let other = state.mappingRules[index]
            if other.owner == rule.owner, other.ownerID == rule.ownerID, other.position > rule.position {
                state.mappingRules[index].position -= 1
            }
        }
    }

    /// acts_as_list `insert_at`: the rule takes `position`, others shift.
    private mutating func moveRule(_ id: Int, to requested: Int) {
        guard let rule = state.mappingRules.first(where: { $0.id == id }) else { return }
        var ordered = mappingRules(of: rule.owner, rule.ownerID).filter { $0.id != id }
        let target = requested <= 1 ? 0 : min(requested - 1, ordered.count)
        ordered.insert(rule, at: target)
        for (offset, item) in ordered.enumerated() {
            if let index = state.mappingRules.firstIndex(where: { $0.id == item.id }) {
                state.mappingRules[index].position = offset + 1
            }
        }
    }
}
