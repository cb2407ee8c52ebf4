/// `/admin/api/backend_apis…` (porta `backend_apis_controller.rb` and nested controllers).
enum BackendRoutes {
    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/backend_apis.json", ["page", "per_page"]) { txn, input throws(AdminAPIFailure) in
            let items = txn.state.backends.sorted { $0.id < $1.id }.map(txn.backendJSON)
            return .ok(Page(input.flat).render("backend_apis", items))
        },
        AdminRoute(.post, "/admin/api/backend_apis.json", ["name", "private_endpoint", "system_name", "description"]) {
            txn, input throws(AdminAPIFailure) in
            let params = try input.wrapped("backend_api")
            var errors: [String: [String]] = [:]
            let name = try params.text("name")
            if name == nil { errors["name"] = ["can't be blank"] }
            let endpoint = try checkedEndpoint(params, required: true, errors: &errors)
            let systemName = try params.text("system_name") ?? Validation.systemName(from: name ?? "", model: "backend_api")
            if !Validation.isValidSystemName(systemName) { errors["system_name", default: []].append("is invalid") }
            if txn.state.backends.contains(where: { $0.systemName == systemName }) {
                errors["system_name", default: []].append("has already been taken")
            }
            if !errors.isEmpty { throw .invalid(errors) }
            let backend = txn.addBackend(name: name ?? "", systemName: systemName,
                                         description: try params.string("description") ?? "", privateEndpoint: endpoint ?? "")
            return .created(txn.backendJSON(backend))
        },
        AdminRoute(.get, "/admin/api/backend_apis/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.backendJSON(try txn.backend(try input.id("id"))))
        },
        AdminRoute(.put, "/admin/api/backend_apis/{id}.json", ["name", "private_endpoint", "description"]) {
            txn, input throws(AdminAPIFailure) in
            var backend = try txn.backend(try input.id("id"))
            let params = try input.wrapped("backend_api")
            var errors: [String: [String]] = [:]
            if params.has("name") {
                if let name = try params.text("name") { backend.name = name } else { errors["name"] = ["can't be blank"] }
            }
            if params.has("private_endpoint"), let endpoint = try checkedEndpoint(params, required: true, errors: &errors) {
                backend.privateEndpoint = endpoint
            }
            if params.has("description") { backend.description = try params.string("description") ?? "" }
            if !errors.isEmpty { throw .invalid(errors) }
            backend.updatedAt = txn.now
            let id = backend.id
            txn.state.backends = txn.state.backends.map { $0.id == id ? backend : $0 }
            return .ok(txn.backendJSON(backend))
        },
        AdminRoute(.delete, "/admin/api/backend_apis/{id}.json") { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("id"))
            if txn.state.backendUsages.contains(where: { $0.backendID == backend.id }) {
                throw .deleteRefused(["base": ["cannot be deleted because it is used by at least one Product"]])
            }
            let metricIDs = Set(txn.metrics(of: .backend, backend.id).map(\.id))
            txn.state.backends.removeAll { $0.id == backend.id }
            txn.state.metrics.removeAll { metricIDs.contains($0.id) }
            txn.state.mappingRules.removeAll { $0.owner == .backend && $0.ownerID == backend.id }
            txn.state.limits.removeAll { metricIDs.contains($0.metricID) }
            txn.state.pricingRules.removeAll { metricIDs.contains($0.metricID) }
            return .deleted
        },
    ] + metricRoutes + mappingRuleRoutes

    static func checkedEndpoint(_ params: Params, required: Bool, errors: inout [String: [String]]) throws(AdminAPIFailure) -> String? {
        guard let raw = try params.text("private_endpoint") else {
            if required { errors["private_endpoint", default: []].append("can't be blank") }
            return nil
        }
        guard let endpoint = Validation.endpoint(raw) else {
            errors["private_endpoint", default: []].append("Invalid URL format")
            return nil
        }
        return endpoint
    }

    static let metricRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/backend_apis/{backend_api_id}/metrics.json", ["page", "per_page"]) {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            return .ok(Page(input.flat).render("metrics", txn.metrics(of: .backend, backend.id).map(txn.metricJSON)))
        },
        AdminRoute(.post, "/admin/api/backend_apis/{backend_api_id}/metrics.json",
                   ["friendly_name", "unit", "system_name", "description"]) { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let metric = try txn.createMetric(owner: .backend, ownerID: backend.id, parent: nil,
                                              params: try input.wrapped("metric", required: false))
            return .created(txn.metricJSON(metric))
        },
        AdminRoute(.get, "/admin/api/backend_apis/{backend_api_id}/metrics/{id}.json") { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let metric = try txn.metric(try input.id("id"), owner: .backend, ownerID: backend.id)
            return .ok(txn.metricJSON(metric))
        },
        AdminRoute(.put, "/admin/api/backend_apis/{backend_api_id}/metrics/{id}.json", ["friendly_name", "unit", "description"]) {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let metric = try txn.metric(try input.id("id"), owner: .backend, ownerID: backend.id)
            return .ok(txn.metricJSON(try txn.updateMetric(metric.id, params: try input.wrapped("metric"))))
        },
        AdminRoute(.delete, "/admin/api/backend_apis/{backend_api_id}/metrics/{id}.json") { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            try txn.deleteMetric(try txn.metric(try input.id("id"), owner: .backend, ownerID: backend.id))
            return .deleted
        },
        AdminRoute(.get, "/admin/api/backend_apis/{backend_api_id}/metrics/{metric_id}/methods.json", ["page", "per_page"]) {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let parent = try txn.metric(try input.id("metric_id"), owner: .backend, ownerID: backend.id)
            let methods = txn.metrics(of: .backend, backend.id).filter { $0.parentID == parent.id }
            return .ok(Page(input.flat).render("methods", methods.map(txn.metricJSON)))
        },
        AdminRoute(.post, "/admin/api/backend_apis/{backend_api_id}/metrics/{metric_id}/methods.json",
                   ["friendly_name", "system_name", "description"]) { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let parent = try txn.metric(try input.id("metric_id"), owner: .backend, ownerID: backend.id)
            return .created(txn.metricJSON(try createMethod(&txn, parent: parent, input: input)))
        },
        AdminRoute(.get, "/admin/api/backend_apis/{backend_api_id}/metrics/{metric_id}/methods/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            return .ok(txn.metricJSON(try method(txn, owner: .backend, ownerID: backend.id, input: input)))
        },
        AdminRoute(.put, "/admin/api/backend_apis/{backend_api_id}/metrics/{metric_id}/methods/{id}.json",
                   ["friendly_name", "description"]) { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let found = try method(txn, owner: .backend, ownerID: backend.id, input: input)
            return .ok(txn.metricJSON(try txn.updateMetric(found.id, params: try input.wrapped("metric"))))
        },
        AdminRoute(.delete, "/admin/api/backend_apis/{backend_api_id}/metrics/{metric_id}/methods/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            try txn.deleteMetric(try method(txn, owner: .backend, ownerID: backend.id, input: input))
            return .deleted
        },
    ]

    /// Methods only live under hits (porta `metric.rb#only_hits_has_children`).
    static func createMethod(_ txn: inout Transaction, parent: Metric, input: AdminInput) throws(AdminAPIFailure) -> Metric {
        guard parent.parentID == nil, parent.id == txn.hitsMetric(of: parent.owner, parent.ownerID)?.id else {
            throw .invalid("parent_id", "You can only create methods under 'hits'")
        }
        return try txn.createMetric(owner: parent.owner, ownerID: parent.ownerID, parent: parent,
                                    params: try input.wrapped("metric", required: false))
    }

    static func method(_ txn: Transaction, owner: OwnerKind, ownerID: Int, input: AdminInput) throws(AdminAPIFailure) -> Metric {
        let parent = try txn.metric(try input.id("metric_id"), owner: owner, ownerID: ownerID)
        let method = try txn.metric(try input.id("id"), owner: owner, ownerID: ownerID)
        guard method.parentID == parent.id else { throw .notFound }
        return method
    }

    static let ruleFields = ["http_method", "pattern", "delta", "metric_id", "position", "last"]

    static let mappingRuleRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/backend_apis/{backend_api_id}/mapping_rules.json", ["page", "per_page"]) {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let rules = txn.mappingRules(of: .backend, backend.id).map(txn.mappingRuleJSON)
            return .ok(Page(input.flat).render("mapping_rules", rules, metadata: false))
        },
        AdminRoute(.post, "/admin/api/backend_apis/{backend_api_id}/mapping_rules.json", ruleFields) {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let rule = try txn.createMappingRule(owner: .backend, ownerID: backend.id, params: try input.wrapped("mapping_rule"))
            return .created(txn.mappingRuleJSON(rule))
        },
        AdminRoute(.get, "/admin/api/backend_apis/{backend_api_id}/mapping_rules/{id}.json") { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let id = try input.id("id")
            guard let rule = txn.mappingRules(of: .backend, backend.id).first(where: { $0.id == id }) else { throw .notFound }
            return .ok(txn.mappingRuleJSON(rule))
        },
        AdminRoute(.put, "/admin/api/backend_apis/{backend_api_id}/mapping_rules/{id}.json", ruleFields) {
            txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let rule = try txn.updateMappingRule(try input.id("id"), owner: .backend, ownerID: backend.id,
                                                 params: try input.wrapped("mapping_rule"))
            return .ok(txn.mappingRuleJSON(rule))
        },
        AdminRoute(.delete, "/admin/api/backend_apis/{backend_api_id}/mapping_rules/{id}.json") { txn, input throws(AdminAPIFailure) in
            let backend = try txn.backend(try input.id("backend_api_id"))
            let id = try input.id("id")
            try txn.deleteMappingRule(id, owner: .backend, ownerID: backend.id)
            return .deleted
        },
    ]
}

extension Transaction {
    /// A backend with its hits metric, as porta creates every one.
    mutating func addBackend(name: String, systemName: String, description: String, privateEndpoint: String) -> Backend {
        let backend = Backend(id: state.newID("backend_apis"), name: name, systemName: systemName, description: description,
                              privateEndpoint: privateEndpoint, createdAt: now, updatedAt: now)
        state.backends.append(backend)
        createHits(owner: .backend, ownerID: backend.id)
        return backend
    }
}
