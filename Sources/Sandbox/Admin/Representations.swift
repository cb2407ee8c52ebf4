import Untrusted

/// JSON representations as porta's representers render them: `{"<singular>": {…}}`,
/// nil attributes omitted unless porta renders them as null.
extension Transaction {
    func backendJSON(_ backend: Backend) -> JSONValue {
        ["backend_api": [
            "id": .int(backend.id), "name": .string(backend.name), "system_name": .string(backend.systemName),
            "description": .string(backend.description), "private_endpoint": .string(backend.privateEndpoint),
            "account_id": .int(state.providerAccountID),
            "created_at": .string(backend.createdAt), "updated_at": .string(backend.updatedAt),
            "links": [
                link("metrics", "/admin/api/backend_apis/\(backend.id)/metrics"),
                link("mapping_rules", "/admin/api/backend_apis/\(backend.id)/mapping_rules"),
            ],
        ]]
    }

    /// Metrics and methods share one model; methods have a parent.
    func metricJSON(_ metric: Metric) -> JSONValue {
        let ownerPath = metric.owner == .service
            ? "/admin/api/services/\(metric.ownerID)" : "/admin/api/backend_apis/\(metric.ownerID)"
        var object: [String: JSONValue] = [
            "id": .int(metric.id), "system_name": .string(metric.systemName),
            "friendly_name": .string(metric.friendlyName),
            "created_at": .string(metric.createdAt), "updated_at": .string(metric.updatedAt),
        ]
        if let description = metric.description { object["description"] = .string(description) }
        if let parentID = metric.parentID {
            object["parent_id"] = .int(parentID)
            object["links"] = [
                link("parent", "\(ownerPath)/metrics/\(parentID)"),
                link("self", "\(ownerPath)/metrics/\(parentID)/methods/\(metric.id)"),
            ]
            if metric.owner == .service { object["name"] = .string(metric.systemName) }
            return ["method": .object(object)]
        }
        object["unit"] = .string(metric.unit)
        if metric.owner == .service { object["name"] = .string(metric.systemName) }
        object["links"] = [
            link(metric.owner == .service ? "service" : "backend_api", ownerPath),
            link("self", "\(ownerPath)/metrics/\(metric.id)"),
        ]
        return ["metric": .object(object)]
    }

    func mappingRuleJSON(_ rule: MappingRule) -> JSONValue {
        let links: JSONValue = rule.owner == .service
            ? [
                link("self", "/admin/api/services/\(rule.ownerID)/proxy/mapping_rules/\(rule.id)"),
                link("service", "/admin/api/services/\(rule.ownerID)"),
                link("proxy", "/admin/api/services/\(rule.ownerID)/proxy"),
            ]
            : [
                link("self", "/admin/api/backend_apis/\(rule.ownerID)/mapping_rules/\(rule.id)"),
                link("backend_api", "/admin/api/backend_apis/\(rule.ownerID)"),
            ]
        return ["mapping_rule": [
            "id": .int(rule.id), "metric_id": .int(rule.metricID), "pattern": .string(rule.pattern),
            "http_method": .string(rule.httpMethod), "delta": .int(rule.delta), "position": .int(rule.position),
            "last": .bool(rule.last), "created_at": .string(rule.createdAt), "updated_at": .string(rule.updatedAt),
            "links": links,
        ]]
    }

    func serviceJSON(_ service: Service) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .int(service.id), "name": .string(service.name), "state": .string(service.state),
            "system_name": .string(service.systemName), "backend_version": .string(service.backendVersion),
            "deployment_option": .string(service.deploymentOption),
            "annotations": .object([:]),
            "created_at": .string(service.createdAt), "updated_at": .string(service.updatedAt),
            "links": [
                link("metrics", "/admin/api/services/\(service.id)/metrics"),
                link("self", "/admin/api/services/\(service.id)"),
                link("service_plans", "/admin/api/services/\(service.id)/service_plans"),
                link("application_plans", "/admin/api/services/\(service.id)/application_plans"),
                link("features", "/admin/api/services/\(service.id)/features"),
            ],
        ]
        if let description = service.description { object["description"] = .string(description) }
        if let email = service.supportEmail { object["support_email"] = .string(email) }
        for (key, value) in service.settings { object[key] = value }
        return ["service": .object(object)]
    }

    func proxyJSON(_ service: Service) -> JSONValue {
        let proxy = service.proxy
        var object: [String: JSONValue] = [
            "service_id": .int(service.id), "endpoint": .string(proxy.endpoint),
            "sandbox_endpoint": .string(proxy.sandboxEndpoint),
            "api_backend": .optional(firstBackendEndpoint(service.id)),
            "credentials_location": .string(proxy.credentialsLocation),
            "auth_app_key": .string(proxy.authAppKey), "auth_app_id": .string(proxy.authAppID),
            "auth_user_key": .string(proxy.authUserKey),
            "error_auth_failed": .string(proxy.errorAuthFailed), "error_auth_missing": .string(proxy.errorAuthMissing),
            "error_status_auth_failed": .int(proxy.errorStatusAuthFailed),
            "error_headers_auth_failed": .string(proxy.errorHeadersAuthFailed),
            "error_status_auth_missing": .int(proxy.errorStatusAuthMissing),
            "error_headers_auth_missing": .string(proxy.errorHeadersAuthMissing),
            "error_no_match": .string(proxy.errorNoMatch), "error_status_no_match": .int(proxy.errorStatusNoMatch),
            "error_headers_no_match": .string(proxy.errorHeadersNoMatch),
            "error_limits_exceeded": .string(proxy.errorLimitsExceeded),
            "error_status_limits_exceeded": .int(proxy.errorStatusLimitsExceeded),
            "error_headers_limits_exceeded": .string(proxy.errorHeadersLimitsExceeded),
            "secret_token": .string(proxy.secretToken), "api_test_path": .string(proxy.apiTestPath),
            "policies_config": policiesJSON(proxy.policies),
            "deployment_option": .string(service.deploymentOption), "lock_version": .int(proxy.lockVersion),
            "created_at": .string(proxy.createdAt), "updated_at": .string(proxy.updatedAt),
            "links": [
                link("mapping_rules", "/admin/api/services/\(service.id)/proxy/mapping_rules"),
                link("self", "/admin/api/services/\(service.id)/proxy"),
                link("service", "/admin/api/services/\(service.id)"),
            ],
        ]
        if let deployedAt = proxy.deployedAt { object["deployed_at"] = .string(deployedAt) }
        if let rewrite = proxy.hostnameRewrite { object["hostname_rewrite"] = .string(rewrite) }
        if let login = proxy.oauthLoginURL { object["oauth_login_url"] = .string(login) }
        return ["proxy": .object(object)]
    }

    func policiesJSON(_ policies: [Policy]) -> JSONValue {
        .array(policies.map { policy in
            var object: [String: JSONValue] = [
                "name": .string(policy.name), "version": .string(policy.version), "configuration": policy.configuration,
            ]
            if let enabled = policy.enabled { object["enabled"] = .bool(enabled) }
            return .object(object)
        })
    }

    func firstBackendEndpoint(_ serviceID: Int) -> String? {
        guard let usage = state.backendUsages.filter({ $0.serviceID == serviceID }).min(by: { $0.id < $1.id }) else {
            return nil
        }
        return state.backends.first { $0.id == usage.backendID }?.privateEndpoint
    }

    func backendUsageJSON(_ usage: BackendUsage) -> JSONValue {
        ["backend_usage": [
            "id": .int(usage.id), "path": .string(usage.path), "service_id": .int(usage.serviceID),
            "backend_id": .int(usage.backendID),
            "links": [
                link("service", "/admin/api/services/\(usage.serviceID)"),
                link("backend_api", "/admin/api/backend_apis/\(usage.backendID)"),
            ],
        ]]
    }

    func proxyConfigJSON(_ config: ProxyConfig) -> JSONValue {
        ["proxy_config": [
            "id": .int(config.id), "version": .int(config.version), "environment": .string(config.environment),
            "content": config.content,
        ]]
    }

    func applicationPlanJSON(_ plan: ApplicationPlan) -> JSONValue {
        let isDefault = state.services.first { $0.id == plan.serviceID }?.defaultApplicationPlanID == plan.id
        return ["application_plan": [
            "id": .int(plan.id), "name": .string(plan.name), "state": .string(plan.state),
            "setup_fee": .double(plan.setupFee), "cost_per_month": .double(plan.costPerMonth),
            "trial_period_days": .int(plan.trialPeriodDays), "cancellation_period": .int(0),
            "approval_required": .bool(plan.approvalRequired), "default": .bool(isDefault), "custom": false,
            "system_name": .string(plan.systemName),
            "created_at": .string(plan.createdAt), "updated_at": .string(plan.updatedAt),
            "links": [
                link("service", "/admin/api/services/\(plan.serviceID)"),
                link("self", "/admin/api/services/\(plan.serviceID)/application_plans/\(plan.id)"),
            ],
        ]]
    }

    func servicePlanJSON(_ plan: ServicePlan) -> JSONValue {
        let isDefault = state.services.first { $0.id == plan.serviceID }?.defaultServicePlanID == plan.id
        return ["service_plan": [
            "id": .int(plan.id), "name": .string(plan.name), "state": .string(plan.state),
            "system_name": .string(plan.systemName),
            "setup_fee": .double(0), "cost_per_month": .double(0), "trial_period_days": .int(0),
            "cancellation_period": .int(0), "approval_required": .bool(plan.approvalRequired),
            "default": .bool(isDefault),
            "created_at": .string(plan.createdAt), "updated_at": .string(plan.updatedAt),
            "links": [
                link("service", "/admin/api/services/\(plan.serviceID)"),
                link("self", "/admin/api/services/\(plan.serviceID)/service_plans/\(plan.id)"),
            ],
        ]]
    }

    /// porta's `PlanRepresenter` alone: no system name, no links.
    func accountPlanJSON(_ plan: AccountPlan) -> JSONValue {
        let provider = state.accounts.first { $0.id == state.providerAccountID }
        return ["account_plan": [
            "id": .int(plan.id), "name": .string(plan.name), "state": .string(plan.state),
            "setup_fee": .double(0), "cost_per_month": .double(0), "trial_period_days": .int(0),
            "cancellation_period": .int(0), "approval_required": .bool(plan.approvalRequired),
            "default": .bool(provider?.defaultAccountPlanID == plan.id),
            "created_at": .string(plan.createdAt), "updated_at": .string(plan.updatedAt),
        ]]
    }

    func limitJSON(_ limit: UsageLimit) -> JSONValue {
        ["limit": [
            "id": .int(limit.id), "period": .string(limit.period), "value": .int(limit.value),
            "metric_id": .int(limit.metricID), "plan_id": .int(limit.planID),
            "created_at": .string(limit.createdAt), "updated_at": .string(limit.updatedAt),
            "links": [
                link("metric", "/admin/api/application_plans/\(limit.planID)/metrics/\(limit.metricID)"),
                link("self", "/admin/api/application_plans/\(limit.planID)/metrics/\(limit.metricID)/limits/\(limit.id)"),
                link("plan", "/admin/api/application_plans/\(limit.planID)"),
            ],
        ]]
    }

    func pricingRuleJSON(_ rule: PricingRule) -> JSONValue {
        ["pricing_rule": [
            "id": .int(rule.id), "metric_id": .int(rule.metricID), "cost_per_unit": .string(rule.costPerUnit),
            "min": .int(rule.min), "max": rule.max.map(JSONValue.int) ?? .null,
            "created_at": .string(rule.createdAt), "updated_at": .string(rule.updatedAt),
            "links": [
                link("metric", "/admin/api/application_plans/\(rule.planID)/metrics/\(rule.metricID)"),
                link("plan", "/admin/api/application_plans/\(rule.planID)"),
            ],
        ]]
    }

    func subscriptionJSON(_ subscription: StoredServiceSubscription) -> JSONValue {
        ["service_subscription": [
            "id": .int(subscription.id), "plan_id": .int(subscription.planID),
            "user_account_id": .int(subscription.accountID),
            "created_at": .string(subscription.createdAt), "updated_at": .string(subscription.updatedAt),
            "state": .string(subscription.state), "paid_until": .null, "trial_period_expires_at": .null,
            "setup_fee": .double(0), "type": "ServiceContract", "variable_cost_paid_until": .null,
            "tenant_id": .int(state.providerAccountID), "service_id": .int(subscription.serviceID),
        ]]
    }

    func activeDocJSON(_ doc: ActiveDoc) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .int(doc.id), "system_name": .string(doc.systemName), "name": .string(doc.name),
            "published": .bool(doc.published), "skip_swagger_validations": .bool(doc.skipSwaggerValidations),
            "body": .string(doc.body), "created_at": .string(doc.createdAt), "updated_at": .string(doc.updatedAt),
        ]
        if let description = doc.description { object["description"] = .string(description) }
        if let serviceID = doc.serviceID { object["service_id"] = .int(serviceID) }
        return ["api_doc": .object(object)]
    }

    func accountJSON(_ account: Account) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .int(account.id), "created_at": .string(account.createdAt), "updated_at": .string(account.updatedAt),
            "credit_card_stored": false, "monthly_billing_enabled": true, "monthly_charging_enabled": true,
            "state": .string(account.state), "annotations": .object([:]), "org_name": .string(account.orgName),
            "links": [
                link("self", "/admin/api/accounts/\(account.id)"),
                link("users", "/admin/api/accounts/\(account.id)/users"),
            ],
        ]
        if account.isProvider {
            object["site_access_code"] = .string(account.siteAccessCode ?? "")
            object["admin_domain"] = .string(String(baseURL.split(separator: "/").last ?? ""))
            object["domain"] = object["admin_domain"]
        }
        return ["account": .object(object)]
    }

    func userJSON(_ user: User) -> JSONValue {
        ["user": [
            "id": .int(user.id), "state": .string(user.state), "role": .string(user.role),
            "created_at": .string(user.createdAt), "updated_at": .string(user.updatedAt),
            "username": .string(user.username), "email": .string(user.email),
            "links": [
                link("account", "/admin/api/accounts/\(user.accountID)"),
                link("self", "/admin/api/accounts/\(user.accountID)/users/\(user.id)"),
            ],
        ]]
    }

    func applicationJSON(_ app: Application) -> JSONValue {
        let service = state.services.first { $0.id == app.serviceID }
        let plan = state.applicationPlans.first { $0.id == app.planID }
        let account = state.accounts.first { $0.id == app.accountID }
        var object: [String: JSONValue] = [
            "id": .int(app.id), "state": .string(app.state), "enabled": .bool(app.state == "live"),
            "end_user_required": false,
            "created_at": .string(app.createdAt), "updated_at": .string(app.updatedAt),
            "service_id": .int(app.serviceID), "service_name": .optional(service?.name),
            "plan_id": .int(app.planID), "plan_name": .optional(plan?.name),
            "account_id": .int(app.accountID), "org_name": .optional(account?.orgName),
            "first_traffic_at": .optional(app.firstTrafficAt), "first_daily_traffic_at": .null,
            "user_key": .string(app.userKey), "provider_verification_key": .string(app.providerVerificationKey),
            "links": [
                link("self", "/admin/api/accounts/\(app.accountID)/applications/\(app.id)"),
                link("service", "/admin/api/services/\(app.serviceID)"),
                link("account", "/admin/api/accounts/\(app.accountID)"),
                link("plan", "/admin/api/services/\(app.serviceID)/application_plans/\(app.planID)"),
                link("keys", "/admin/api/accounts/\(app.accountID)/applications/\(app.id)/keys"),
                link("referrer_filters", "/admin/api/accounts/\(app.accountID)/applications/\(app.id)/referrer_filters"),
            ],
        ]
        if let name = app.name { object["name"] = .string(name) }
        if let description = app.description { object["description"] = .string(description) }
        return ["application": .object(object)]
    }
}

/// Collections: `{"<plural>": [item, …]}` plus porta's pagination metadata when the
/// collection is larger than a page.
struct Page: Equatable, Sendable {
    /// At least 1.
    let page: Int
    /// 1 to 500.
    let perPage: Int

    static let defaultPerPage = 500

    /// Out-of-range values, and values that are not numbers, are replaced by the default,
    /// not clamped (porta `pagination.rb`).
    init(_ params: Params) {
        self.page = (try? params.int("page", .page)) ?? 1
        self.perPage = (try? params.int("per_page", .perPage)) ?? Self.defaultPerPage
    }

    /// The items a page shows, for any page number: `(page - 1) * perPage` past the end
    /// (or beyond `Int`) is an empty page, not an overflow.
    func window(count: Int) -> Range<Int> {
        let (skipped, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        let start = overflow ? count : min(max(skipped, 0), count)
        return start..<(start + min(perPage, count - start))
    }

    /// The pure path from a query string to a page window, for tests and the fuzz harness:
    /// a malformed query is the 400 the admin API gives; any numbers give a window.
    static func window(query: Substring, count: Int) -> Result<Range<Int>, AdminAPIFailure> {
        do throws(FormDecoding.Malformed) {
            return .success(Page(Params(try FormDecoding.parse(query))).window(count: max(count, 0)))
        } catch {
            return .failure(.malformedBody(error.reason))
        }
    }

    func render(_ key: String, _ items: [JSONValue], metadata: Bool = true) -> JSONValue {
        var object: [String: JSONValue] = [key: .array(slice(items))]
        if metadata, items.count > perPage {
            object["metadata"] = [
                "per_page": .int(perPage), "total_entries": .int(items.count),
                "total_pages": .int((items.count + perPage - 1) / perPage), "current_page": .int(page),
            ]
        }
        return .object(object)
    }

    func slice(_ items: [JSONValue]) -> [JSONValue] {
        Array(items[window(count: items.count)])
    }
}
