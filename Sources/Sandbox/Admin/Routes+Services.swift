import Untrusted

/// `/admin/api/services…`: products, their metrics, methods and mapping rules
/// (porta `services_controller.rb`, `metrics_controller.rb`, `services/mapping_rules_controller.rb`).
enum ServiceRoutes {
    static let deploymentOptions: Set<String> = [
        "hosted", "self_managed", "service_mesh_istio", "plugin_ruby", "plugin_java", "plugin_python",
        "plugin_nodejs", "plugin_php", "plugin_rest", "plugin_csharp",
    ]
    static let backendVersions: Set<String> = ["1", "2", "oauth", "oidc"]

    /// Product settings porta renders with these defaults on a new product.
    static let defaultSettings: [String: JSONValue] = [
        "intentions_required": false, "buyers_manage_apps": true, "buyers_manage_keys": true,
        "referrer_filters_required": false, "custom_keys_enabled": true, "buyer_key_regenerate_enabled": true,
        "mandatory_app_key": true, "buyer_can_select_plan": false, "buyer_plan_change_permission": "request",
        "notification_settings": .null,
    ]

    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/services.json", ["page", "per_page"]) { txn, input throws(AdminAPIFailure) in
            .ok(Page(input.flat).render("services", txn.state.services.sorted { $0.id < $1.id }.map(txn.serviceJSON)))
        },
        AdminRoute(.post, "/admin/api/services.json",
                   ["name", "system_name", "description", "deployment_option", "backend_version"],
                   reservesGateway: true) { txn, input throws(AdminAPIFailure) in
            let params = try input.wrapped("service")
            guard let endpoints = txn.reservedEndpoints else { throw .forbiddenEmpty }
            var errors: [String: [String]] = [:]
            let name = try params.text("name")
            if name == nil { errors["name"] = ["can't be blank"] }
            let systemName = try params.text("system_name") ?? Validation.systemName(from: name ?? "", model: "service")
            if !Validation.isValidSystemName(systemName) { errors["system_name", default: []].append("is invalid") }
            if txn.state.services.contains(where: { $0.systemName == systemName }) {
                errors["system_name", default: []].append("has already been taken")
            }
            let deployment = try params.text("deployment_option") ?? "hosted"
            if !deploymentOptions.contains(deployment) { errors["deployment_option"] = ["is not included in the list"] }
            let backendVersion = try params.text("backend_version") ?? "1"
            if !backendVersions.contains(backendVersion) { errors["backend_version"] = ["is not included in the list"] }
            if !errors.isEmpty { throw .invalid(errors) }

            let service = try txn.addService(
                name: name ?? "", systemName: systemName, description: try params.string("description"),
                deploymentOption: deployment, backendVersion: backendVersion, endpoints: endpoints
            )
            txn.effects.append(.assignReserved(serviceID: service.id))
            return .created(txn.serviceJSON(service))
        },
        AdminRoute(.get, "/admin/api/services/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.serviceJSON(try txn.service(try input.id("id"))))
        },
        AdminRoute(.put, "/admin/api/services/{id}.json", ["name", "description", "deployment_option", "backend_version"]) {
            txn, input throws(AdminAPIFailure) in
            let index = try txn.serviceIndex(try input.id("id"))
            var service = txn.state.services[index]
            let params = try input.wrapped("service")
            if params.has("name") {
                guard let name = try params.text("name") else { throw .invalid("name", "can't be blank") }
                service.name = name
            }
            if params.has("description") { service.description = try params.string("description") }
            if let deployment = try params.text("deployment_option") {
                guard deploymentOptions.contains(deployment) else {
                    throw .invalid("deployment_option", "is not included in the list")
                }
                service.deploymentOption = deployment
            }
            if let version = try params.text("backend_version") {
                guard backendVersions.contains(version) else { throw .invalid("backend_version", "is not included in the list") }
                service.backendVersion = version
            }
            service.updatedAt = txn.now
            txn.state.services[index] = service
            return .ok(txn.serviceJSON(service))
        },
        AdminRoute(.delete, "/admin/api/services/{id}.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("id"))
            // porta's state machine keeps the last product (`mark_as_deleted ... unless: :default_or_last?`).
            guard txn.state.services.count > 1 else {
                throw .refusedTransition(from: service.state, event: "mark_as_deleted", object: txn.serviceJSON(service))
            }
            removeService(&txn, service.id)
            txn.effects.append(.close(serviceID: service.id))
            return .deleted
        },
    ] + metricRoutes + mappingRuleRoutes

    static func removeService(_ txn: inout Transaction, _ id: Int) {
        let metricIDs = Set(txn.metrics(of: .service, id).map(\.id))
        let planIDs = Set(txn.state.applicationPlans.filter { $0.serviceID == id }.map(\.id))
        txn.state.services.removeAll { $0.id == id }
        txn.state.metrics.removeAll { metricIDs.contains($0.id) }
        txn.state.mappingRules.removeAll { $0.owner == .service && $0.ownerID == id }
        txn.state.backendUsages.removeAll { $0.serviceID == id }
        txn.state.proxyConfigs.removeAll { $0.serviceID == id }
        txn.state.applicationPlans.removeAll { $0.serviceID == id }
        txn.state.servicePlans.removeAll { $0.serviceID == id }
        txn.state.limits.removeAll { planIDs.contains($0.planID) || metricIDs.contains($0.metricID) }
        txn.state.pricingRules.removeAll { planIDs.contains($0.planID) || metricIDs.contains($0.metricID) }
        txn.state.subscriptions.removeAll { $0.serviceID == id }
        txn.state.applications.removeAll { $0.serviceID == id }
        for index in txn.state.activeDocs.indices where txn.state.activeDocs[index].serviceID == id {
            txn.state.activeDocs[index].serviceID = nil
        }
    }

    static let metricRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/services/{service_id}/metrics.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            return .ok(["metrics": .array(txn.metrics(of: .service, service.id).map(txn.metricJSON))])
        },
        AdminRoute(.post, "/admin/api/services/{service_id}/metrics.json",
                   ["friendly_name", "unit", "system_name", "name", "description"]) { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let metric = try txn.createMetric(owner: .service, ownerID: service.id, parent: nil,
                                              params: try input.wrapped("metric", required: false))
            return .created(txn.metricJSON(metric))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/metrics/{id}.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            return .ok(txn.metricJSON(try txn.metric(try input.id("id"), owner: .service, ownerID: service.id)))
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/metrics/{id}.json", ["friendly_name", "unit", "description"]) {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let metric = try txn.metric(try input.id("id"), owner: .service, ownerID: service.id)
            return .ok(txn.metricJSON(try txn.updateMetric(metric.id, params: try input.wrapped("metric"))))
        },
        AdminRoute(.delete, "/admin/api/services/{service_id}/metrics/{id}.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            try txn.deleteMetric(try txn.metric(try input.id("id"), owner: .service, ownerID: service.id))
            return .deleted
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/metrics/{metric_id}/methods.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let parent = try txn.metric(try input.id("metric_id"), owner: .service, ownerID: service.id)
            let methods = txn.metrics(of: .service, service.id).filter { $0.parentID == parent.id }
            return .ok(["methods": .array(methods.map(txn.metricJSON))])
        },
        AdminRoute(.post, "/admin/api/services/{service_id}/metrics/{metric_id}/methods.json",
                   ["friendly_name", "system_name", "description"]) { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let parent = try txn.metric(try input.id("metric_id"), owner: .service, ownerID: service.id)
            return .created(txn.metricJSON(try BackendRoutes.createMethod(&txn, parent: parent, input: input)))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/metrics/{metric_id}/methods/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            return .ok(txn.metricJSON(try BackendRoutes.method(txn, owner: .service, ownerID: service.id, input: input)))
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/metrics/{metric_id}/methods/{id}.json",
                   ["friendly_name", "description"]) { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let method = try BackendRoutes.method(txn, owner: .service, ownerID: service.id, input: input)
            return .ok(txn.metricJSON(try txn.updateMetric(method.id, params: try input.wrapped("metric"))))
        },
        AdminRoute(.delete, "/admin/api/services/{service_id}/metrics/{metric_id}/methods/{id}.json") {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            try txn.deleteMetric(try BackendRoutes.method(txn, owner: .service, ownerID: service.id, input: input))
            return .deleted
        },
    ]

    static let ruleUpdate: AdminRoute.Handler = { txn, input throws(AdminAPIFailure) in
        let service = try txn.service(try input.id("service_id"))
        let rule = try txn.updateMappingRule(try input.id("id"), owner: .service, ownerID: service.id,
                                             params: try input.wrapped("mapping_rule"))
        return .ok(txn.mappingRuleJSON(rule))
    }

    static let mappingRuleRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy/mapping_rules.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            return .ok(["mapping_rules": .array(txn.mappingRules(of: .service, service.id).map(txn.mappingRuleJSON))])
        },
        AdminRoute(.post, "/admin/api/services/{service_id}/proxy/mapping_rules.json", BackendRoutes.ruleFields) {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let rule = try txn.createMappingRule(owner: .service, ownerID: service.id, params: try input.wrapped("mapping_rule"))
            return .created(txn.mappingRuleJSON(rule))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy/mapping_rules/{id}.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let id = try input.id("id")
            guard let rule = txn.mappingRules(of: .service, service.id).first(where: { $0.id == id }) else { throw .notFound }
            return .ok(txn.mappingRuleJSON(rule))
        },
        AdminRoute(.patch, "/admin/api/services/{service_id}/proxy/mapping_rules/{id}.json", BackendRoutes.ruleFields,
                   handler: ruleUpdate),
        AdminRoute(.put, "/admin/api/services/{service_id}/proxy/mapping_rules/{id}.json", BackendRoutes.ruleFields,
                   specMethod: .patch, handler: ruleUpdate),
        AdminRoute(.delete, "/admin/api/services/{service_id}/proxy/mapping_rules/{id}.json") { txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let id = try input.id("id")
            try txn.deleteMappingRule(id, owner: .service, ownerID: service.id)
            return .deleted
        },
    ]
}

extension Transaction {
    /// A product with what porta creates with every one: the hits metric, a "Default"
    /// service plan and the `GET /` mapping rule.
    mutating func addService(
        name: String, systemName: String, description: String?, deploymentOption: String, backendVersion: String,
        endpoints: (staging: String, production: String)
    ) throws(AdminAPIFailure) -> Service {
        let id = state.newID("services")
        let proxy = Proxy(
            endpoint: endpoints.production, sandboxEndpoint: endpoints.staging,
            secretToken: "Shared_secret_sent_from_proxy_to_API_backend_\(Validation.randomHex(8))",
            createdAt: now, updatedAt: now
        )
        var service = Service(
            id: id, name: name, systemName: systemName, description: description,
            state: "incomplete", backendVersion: backendVersion, deploymentOption: deploymentOption,
            supportEmail: nil, settings: ServiceRoutes.defaultSettings, proxy: proxy, createdAt: now, updatedAt: now
        )
        let servicePlan = ServicePlan(
            id: state.newID("plans"), serviceID: id, name: "Default", systemName: "default",
            state: "published", approvalRequired: false, createdAt: now, updatedAt: now
        )
        service.defaultServicePlanID = servicePlan.id
        state.services.append(service)
        state.servicePlans.append(servicePlan)
        createHits(owner: .service, ownerID: id)
        if let hits = hitsMetric(of: .service, id) {
            _ = try createMappingRule(owner: .service, ownerID: id, params: Params([
                "http_method": "GET", "pattern": "/", "delta": "1", "metric_id": .string(String(hits.id)),
            ]))
        }
        return service
    }
}
