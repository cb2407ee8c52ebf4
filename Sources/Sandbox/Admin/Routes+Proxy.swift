import Foundation
import Untrusted

/// Backend usages, proxy settings, policy chain, deploy and proxy-config versions
/// (porta `backend_usages_controller.rb`, `proxies_controller.rb`, `proxy/policies_controller.rb`,
/// `proxy/configs_controller.rb`).
enum ProxyRoutes {
    static let proxyFields = [
        "endpoint", "sandbox_endpoint", "api_backend", "credentials_location", "auth_user_key", "auth_app_id",
        "auth_app_key", "error_auth_failed", "error_auth_missing", "error_no_match", "error_limits_exceeded",
        "error_status_auth_failed", "error_status_auth_missing", "error_status_no_match",
        "error_status_limits_exceeded", "error_headers_auth_failed", "error_headers_auth_missing",
        "error_headers_limits_exceeded",
    ]
    /// In porta's permit-list, missing from the spec's PATCH parameters.
    static let undocumentedProxyFields = ["error_headers_no_match"]

    static let proxyUpdate: AdminRoute.Handler = { txn, input throws(AdminAPIFailure) in
        let index = try txn.serviceIndex(try input.id("service_id"))
        let params = try input.wrapped("proxy")
        var proxy = txn.state.services[index].proxy
        var errors: [String: [String]] = [:]
        for key in ["endpoint", "sandbox_endpoint"] where params.has(key) {
            guard let raw = try params.text(key), let url = Validation.endpoint(raw) else {
                errors[key, default: []].append("is invalid")
                continue
            }
            if key == "endpoint" { proxy.endpoint = url } else { proxy.sandboxEndpoint = url }
        }
        if let location = try params.string("credentials_location") {
            if ["headers", "query", "authorization"].contains(location) { proxy.credentialsLocation = location }
            else { errors["credentials_location", default: []].append("is not included in the list") }
        }
        let keyNames: [(String, WritableKeyPath<Proxy, String>)] = [
            ("auth_user_key", \.authUserKey), ("auth_app_id", \.authAppID), ("auth_app_key", \.authAppKey),
        ]
        for (key, path) in keyNames {
            guard let value = try params.string(key) else { continue }
            if !value.isEmpty, value.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }) {
                proxy[keyPath: path] = value
            } else {
                errors[key, default: []].append("is invalid")
            }
        }
        let texts: [(String, WritableKeyPath<Proxy, String>)] = [
            ("error_auth_failed", \.errorAuthFailed), ("error_auth_missing", \.errorAuthMissing),
            ("error_no_match", \.errorNoMatch), ("error_limits_exceeded", \.errorLimitsExceeded),
            ("error_headers_auth_failed", \.errorHeadersAuthFailed), ("error_headers_auth_missing", \.errorHeadersAuthMissing),
            ("error_headers_no_match", \.errorHeadersNoMatch), ("error_headers_limits_exceeded", \.errorHeadersLimitsExceeded),
        ]
        for (key, path) in texts {
            if let value = try params.string(key) { proxy[keyPath: path] = value }
        }
        let statuses: [(String, WritableKeyPath<Proxy, Int>)] = [
            ("error_status_auth_failed", \.errorStatusAuthFailed), ("error_status_auth_missing", \.errorStatusAuthMissing),
            ("error_status_no_match", \.errorStatusNoMatch), ("error_status_limits_exceeded", \.errorStatusLimitsExceeded),
        ]
        for (key, path) in statuses where params.has(key) {
            if let status = try errors.collect({ () throws(AdminAPIFailure) in try params.int(key, .errorStatus) }) {
                proxy[keyPath: path] = status
            } else if errors[key] == nil {
                errors[key, default: []].append("must be between 200 and 599")
            }
        }
        if params.has("api_backend") {
            // A compatibility field: it writes the first backend's private endpoint.
            let raw = try params.text("api_backend")
            let endpoint = raw.flatMap(Validation.endpoint)
            if endpoint == nil { errors["api_backend", default: []].append("is invalid") }
            let serviceID = txn.state.services[index].id
            if let endpoint,
               let usage = txn.state.backendUsages.filter({ $0.serviceID == serviceID }).min(by: { $0.id < $1.id }),
               let backendIndex = txn.state.backends.firstIndex(where: { $0.id == usage.backendID }) {
                txn.state.backends[backendIndex].privateEndpoint = endpoint
            }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        proxy.lockVersion += 1
        proxy.updatedAt = txn.now
        txn.state.services[index].proxy = proxy
        // A successful update deploys to staging (porta `proxies_controller.rb#update`).
        try txn.deployToStaging(txn.state.services[index].id)
        return .ok(txn.proxyJSON(txn.state.services[index]))
    }

    static let all: [AdminRoute] = backendUsageRoutes + [
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.proxyJSON(try txn.service(try input.id("service_id"))))
        },
        AdminRoute(.patch, "/admin/api/services/{service_id}/proxy.json", proxyFields,
                   undocumented: undocumentedProxyFields, handler: proxyUpdate),
        AdminRoute(.put, "/admin/api/services/{service_id}/proxy.json", proxyFields,
                   undocumented: undocumentedProxyFields, specMethod: .patch, handler: proxyUpdate),
        AdminRoute(.post, "/admin/api/services/{service_id}/proxy/deploy.json") { txn, input throws(AdminAPIFailure) in
            let id = try input.id("service_id")
            try txn.deployToStaging(id)
            return .created(txn.proxyJSON(try txn.service(id)))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy/policies.json") { txn, input throws(AdminAPIFailure) in
            .ok(["policies_config": txn.policiesJSON(try txn.service(try input.id("service_id")).proxy.policies)])
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/proxy/policies.json", ["policies_config"]) {
            txn, input throws(AdminAPIFailure) in
            let index = try txn.serviceIndex(try input.id("service_id"))
            let raw: JSONValue
            if let direct = input.merged["policies_config"] {
                raw = direct
            } else if case .object(let proxy)? = input.merged["proxy"], let nested = proxy["policies_config"] {
                raw = nested
            } else {
                throw .parameterMissing("policies_config")
            }
            var policies = try parsePolicies(raw)
            if !policies.contains(where: { $0.name == "apicast" }) { policies.append(.apicast) }
            txn.state.services[index].proxy.policies = policies
            txn.state.services[index].proxy.updatedAt = txn.now
            try txn.deployToStaging(txn.state.services[index].id)
            return .ok(["policies_config": txn.policiesJSON(policies)])
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy/configs/{environment}.json") { txn, input throws(AdminAPIFailure) in
            let configs = try configs(txn, input)
            return .ok(["proxy_configs": .array(configs.map(txn.proxyConfigJSON))])
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy/configs/{environment}/latest.json") {
            txn, input throws(AdminAPIFailure) in
            guard let latest = try configs(txn, input).last else { throw .notFound }
            return .ok(txn.proxyConfigJSON(latest))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/proxy/configs/{environment}/{version}.json") {
            txn, input throws(AdminAPIFailure) in
            let version = try input.id("version")
            guard let config = try configs(txn, input).first(where: { $0.version == version }) else { throw .notFound }
            return .ok(txn.proxyConfigJSON(config))
        },
        AdminRoute(.post, "/admin/api/services/{service_id}/proxy/configs/{environment}/{version}/promote.json", ["to"]) {
            txn, input throws(AdminAPIFailure) in
            let version = try input.id("version")
            guard let config = try configs(txn, input).first(where: { $0.version == version }) else { throw .notFound }
            guard let destination = try input.flat.string("to") else { throw .parameterMissing("to") }
            guard ["sandbox", "production"].contains(destination) else {
                throw .invalid("environment", "is not included in the list")
            }
            if txn.state.proxyConfigs.contains(where: {
                $0.serviceID == config.serviceID && $0.environment == destination && $0.version == config.version
            }) {
                throw .invalid("version", "has already been taken")
            }
            var copy = config
            copy.id = txn.state.newID("proxy_configs")
            copy.environment = destination
            copy.createdAt = txn.now
            txn.state.proxyConfigs.append(copy)
            return .created(txn.proxyConfigJSON(copy))
        },
    ]

    static func configs(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> [ProxyConfig] {
        let service = try txn.service(try input.id("service_id"))
        let environment = try Transaction.environment(input.path["environment"])
        return txn.state.proxyConfigs.filter { $0.serviceID == service.id && $0.environment == environment }
            .sorted { $0.id < $1.id }
    }

    /// `policies_config` as a JSON string (form bodies) or an array (JSON bodies); each
    /// policy needs `name`, `version` and an object `configuration` (porta `Proxy::PolicyConfig`).
    static func parsePolicies(_ raw: JSONValue) throws(AdminAPIFailure) -> [Policy] {
        var value = raw
        if case .string(let text) = raw {
            guard let parsed = try? JSONValue.parseRequest(Data(text.utf8)) else {
                throw .invalid("policies_config", "is invalid")
            }
            value = parsed
        }
        guard case .array(let items) = value else { throw .invalid("policies_config", "is invalid") }
        var policies: [Policy] = []
        var echoed: [JSONValue] = []
        var failed = false
        for item in items {
            guard case .object(let object) = item else {
                failed = true
                echoed.append(["errors": ["base": ["is invalid"]]])
                continue
            }
            var errors: [String: JSONValue] = [:]
            let name = object["name"]?.stringValue ?? ""
            let version = object["version"]?.stringValue ?? ""
            if name.isEmpty { errors["name"] = ["can't be blank"] }
            if version.isEmpty { errors["version"] = ["can't be blank"] }
            let configuration = object["configuration"]
            if configuration?.objectValue == nil { errors["configuration"] = ["can't be blank"] }
            var enabled: Bool?
            switch object["enabled"] {
            case .bool(let flag)?: enabled = flag
            case .string(let text)?: enabled = text == "true" || text == "1"
            default: enabled = nil
            }
            var shown: [String: JSONValue] = ["name": .string(name)]
            if !errors.isEmpty {
                failed = true
                shown["errors"] = .object(errors)
            } else {
                policies.append(Policy(name: name, version: version, configuration: configuration ?? [:], enabled: enabled))
                shown["version"] = .string(version)
                shown["configuration"] = configuration ?? [:]
            }
            echoed.append(.object(shown))
        }
        if failed { throw .unprocessable(["policies_config": .array(echoed)]) }
        return policies
    }

    static let backendUsageRoutes: [AdminRoute] = [
        // Paginated in porta's controller, though the spec lists no paging parameters here.
        AdminRoute(.get, "/admin/api/services/{service_id}/backend_usages.json", undocumented: ["page", "per_page"]) {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let usages = txn.state.backendUsages.filter { $0.serviceID == service.id }.sorted { $0.id < $1.id }
            // A bare array, not wrapped (porta `backend_api_configs_representer.rb`).
            return .ok(.array(Page(input.flat).slice(usages.map(txn.backendUsageJSON))))
        },
        AdminRoute(.post, "/admin/api/services/{service_id}/backend_usages.json", ["backend_api_id", "path"]) {
            txn, input throws(AdminAPIFailure) in
            let service = try txn.service(try input.id("service_id"))
            let params = try input.wrapped("backend_api_config")
            guard let backendID = try params.reference("backend_api_id") else { throw .invalid("backend_api_id", "can't be blank") }
            let backend = try txn.backend(backendID)
            let path = try checkedPath(params, txn: txn, serviceID: service.id, excluding: nil)
            if txn.state.backendUsages.contains(where: { $0.serviceID == service.id && $0.backendID == backend.id }) {
                throw .invalid("backend_api_id", "has already been taken")
            }
            let usage = BackendUsage(id: txn.state.newID("backend_api_configs"), serviceID: service.id,
                                     backendID: backend.id, path: path)
            txn.state.backendUsages.append(usage)
            return .created(txn.backendUsageJSON(usage))
        },
        AdminRoute(.get, "/admin/api/services/{service_id}/backend_usages/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.backendUsageJSON(try usage(txn, input)))
        },
        AdminRoute(.put, "/admin/api/services/{service_id}/backend_usages/{id}.json", ["path"]) { txn, input throws(AdminAPIFailure) in
            var found = try usage(txn, input)
            let params = try input.wrapped("backend_api_config")
            if params.has("path") {
                found.path = try checkedPath(params, txn: txn, serviceID: found.serviceID, excluding: found.id)
            }
            let updated = found
            txn.state.backendUsages = txn.state.backendUsages.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.backendUsageJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/services/{service_id}/backend_usages/{id}.json") { txn, input throws(AdminAPIFailure) in
            let found = try usage(txn, input)
            txn.state.backendUsages.removeAll { $0.id == found.id }
            // The product's limits on that backend's metrics go with it.
            let metricIDs = Set(txn.metrics(of: .backend, found.backendID).map(\.id))
            let planIDs = Set(txn.state.applicationPlans.filter { $0.serviceID == found.serviceID }.map(\.id))
            txn.state.limits.removeAll { planIDs.contains($0.planID) && metricIDs.contains($0.metricID) }
            return .deleted
        },
    ]

    static func usage(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> BackendUsage {
        let service = try txn.service(try input.id("service_id"))
        let id = try input.id("id")
        guard let usage = txn.state.backendUsages.first(where: { $0.id == id && $0.serviceID == service.id }) else {
            throw .notFound
        }
        return usage
    }

    /// Leading slash added, empty means `/`, unique per product ignoring case (porta `config_path.rb`).
    static func checkedPath(_ params: Params, txn: Transaction, serviceID: Int, excluding: Int?) throws(AdminAPIFailure) -> String {
        let raw = try params.string("path") ?? ""
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let path = trimmed.hasPrefix("/") ? trimmed : "/" + trimmed
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let validSegment: (Substring) -> Bool = { segment in
            !segment.isEmpty && segment.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "-_.~%".unicodeScalars.contains($0)
            }
        }
        if path != "/" && (!segments.allSatisfy(validSegment) || path.count > 255) {
            throw .invalid("path", "must be a path separated by \"/\". E.g. \"\" or \"my/path\"")
        }
        if txn.state.backendUsages.contains(where: {
            $0.serviceID == serviceID && $0.id != excluding && $0.path.lowercased() == path.lowercased()
        }) {
            throw .invalid("path", "This path is already taken. Specify a different path.")
        }
        return path
    }
}
