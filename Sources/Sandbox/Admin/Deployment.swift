import Untrusted

/// Proxy-config versions: what "deploy" writes and "promote" copies
/// (porta `proxy_deployment_service.rb`, `proxy_config.rb`, `apicast/*_source.rb`).
extension Transaction {
    /// The gateway view of a product as it stands now.
    func gatewayConfig(for service: Service) -> GatewayConfig {
        let proxy = service.proxy
        let metricNames = Dictionary(state.metrics.map { ($0.id, $0.systemName) }, uniquingKeysWith: { first, _ in first })
        var rules = mappingRules(of: .service, service.id).map {
            GatewayConfig.Rule(
                httpMethod: $0.httpMethod, pattern: $0.pattern, metricID: $0.metricID,
                metricSystemName: metricNames[$0.metricID] ?? "", delta: $0.delta, last: $0.last
            )
        }
        let usages = state.backendUsages.filter { $0.serviceID == service.id }.sorted { $0.id < $1.id }
        var routes: [GatewayConfig.Route] = []
        for usage in usages {
            guard let backend = state.backends.first(where: { $0.id == usage.backendID }) else { continue }
            routes.append(.init(path: usage.path, privateEndpoint: backend.privateEndpoint))
            // Backend rules are prefixed with the usage path (porta `proxy_rule_decorator.rb`).
            let prefix = usage.path == "/" ? "" : usage.path
            rules += mappingRules(of: .backend, backend.id).map {
                GatewayConfig.Rule(
                    httpMethod: $0.httpMethod, pattern: prefix + $0.pattern, metricID: $0.metricID,
                    metricSystemName: metricNames[$0.metricID] ?? "", delta: $0.delta, last: $0.last
                )
            }
        }
        return GatewayConfig(
            serviceID: service.id,
            credentialsLocation: proxy.credentialsLocation,
            authUserKey: proxy.authUserKey,
            authMissing: .init(status: proxy.errorStatusAuthMissing, body: proxy.errorAuthMissing,
                               contentType: proxy.errorHeadersAuthMissing),
            authFailed: .init(status: proxy.errorStatusAuthFailed, body: proxy.errorAuthFailed,
                              contentType: proxy.errorHeadersAuthFailed),
            noMatch: .init(status: proxy.errorStatusNoMatch, body: proxy.errorNoMatch,
                           contentType: proxy.errorHeadersNoMatch),
            limitsExceeded: .init(status: proxy.errorStatusLimitsExceeded, body: proxy.errorLimitsExceeded,
                                  contentType: proxy.errorHeadersLimitsExceeded),
            secretToken: proxy.secretToken,
            policyChain: proxy.policies.filter { $0.enabled == true },
            rules: rules,
            routes: routes
        )
    }

    /// The `content` object porta serialises: the product with its proxy, policy chain and rules.
    func configContent(for service: Service, gateway: GatewayConfig) -> JSONValue {
        guard case .object(var product) = serviceJSON(service)["service"] ?? .null,
              case .object(var proxy) = proxyJSON(service)["proxy"] ?? .null
        else { return .null }
        product.removeValue(forKey: "links")
        proxy.removeValue(forKey: "links")
        proxy.removeValue(forKey: "policies_config")
        let apiBackend = firstBackendEndpoint(service.id)
        proxy["api_backend"] = .optional(apiBackend)
        proxy["hosts"] = .array([service.proxy.endpoint, service.proxy.sandboxEndpoint].compactMap {
            Validation.host(of: $0).map(JSONValue.string)
        })
        proxy["policy_chain"] = policiesJSON(gateway.policyChain.map {
            Policy(name: $0.name, version: $0.version, configuration: $0.configuration, enabled: nil)
        })
        proxy["proxy_rules"] = .array(gateway.rules.map { rule in
            [
                "http_method": .string(rule.httpMethod), "pattern": .string(rule.pattern),
                "metric_id": .int(rule.metricID), "metric_system_name": .string(rule.metricSystemName),
                "delta": .int(rule.delta), "last": .bool(rule.last),
            ]
        })
        product["proxy"] = .object(proxy)
        product["backend_authentication_type"] = "service_token"
        product["proxiable?"] = true
        return .object(product)
    }

    /// Writes a new sandbox version unless the latest one already has this content.
    mutating func deployToStaging(_ serviceID: Int) throws(AdminAPIFailure) {
        let index = try serviceIndex(serviceID)
        let service = state.services[index]
        let gateway = gatewayConfig(for: service)
        let existing = state.proxyConfigs.filter { $0.serviceID == serviceID && $0.environment == "sandbox" }
        if let latest = existing.max(by: { $0.version < $1.version }), latest.gateway == gateway { return }
        state.proxyConfigs.append(ProxyConfig(
            id: state.newID("proxy_configs"), serviceID: serviceID,
            version: (existing.map(\.version).max() ?? 0) + 1, environment: "sandbox",
            gateway: gateway, content: configContent(for: service, gateway: gateway), createdAt: now
        ))
        state.services[index].proxy.deployedAt = now
    }

    /// `staging` is accepted as an alias of `sandbox` in paths.
    static func environment(_ raw: String?) throws(AdminAPIFailure) -> String {
        switch raw {
        case "sandbox", "staging": return "sandbox"
        case "production": return "production"
        default: throw .message(400, "invalid environment")
        }
    }
}
