import Untrusted

/// ActiveDocs, accounts, users, applications and promotion.
extension PlanBuilder {
    /// Whether a product with this system name will exist after the apply.
    func productExists(_ systemName: String) -> Bool {
        set.products.contains { $0.spec.effectiveSystemName == systemName } || state.product(systemName) != nil
    }

    /// A Product CR name (file) or, failing that, a product system name (3scale).
    func productSystemName(crName: String) -> String? {
        if let resource = set.product(named: crName) { return resource.spec.effectiveSystemName }
        return state.product(crName) != nil ? crName : nil
    }

    // MARK: ActiveDoc

    mutating func activeDoc(_ resource: ActiveDocResource, body: String?) {
        let spec = resource.spec
        let name = spec.effectiveSystemName
        guard let body else {
            fail(.activeDoc(resource), field: "spec.activeDocOpenAPIRef", "the document was not loaded")
            return
        }
        if let product = spec.productSystemName, !productExists(product) {
            fail(.activeDoc(resource), field: "spec.productSystemName",
                "product \(product) exists neither in the file nor in 3scale")
            return
        }
        let productID = spec.productSystemName.flatMap { state.product($0)?.service.id }
        guard let current = state.activeDocs.first(where: { $0.systemName == name }) else {
            var fields = [FieldChange("name", spec.name), FieldChange("system_name", name), FieldChange("body", body)]
            if let description = spec.description { fields.append(FieldChange("description", description)) }
            if let published = spec.published { fields.append(FieldChange("published", String(published))) }
            if let skip = spec.skipSwaggerValidations { fields.append(FieldChange("skip_swagger_validations", String(skip))) }
            add(.activeDocs, "create API doc \(name)\(spec.productSystemName.map { " for product \($0)" } ?? "")",
                .createActiveDoc(systemName: name, product: spec.productSystemName, fields: fields))
            return
        }
        var fields: [FieldChange] = []
        compare(&fields, "name", spec.name, current.name)
        if let description = spec.description { compare(&fields, "description", description, current.description ?? "") }
        if let published = spec.published { compare(&fields, "published", String(published), String(current.published ?? false)) }
        if let skip = spec.skipSwaggerValidations {
            compare(&fields, "skip_swagger_validations", String(skip), String(current.skipSwaggerValidations ?? false))
        }
        // Compared as parsed documents: key order and whitespace are no change.
        let same = JSONValue.parse(body).map { $0 == JSONValue.parse(current.body ?? "") } ?? (body == current.body)
        if !same { fields.append(FieldChange("body", body, previous: current.body)) }
        let productChanged = spec.productSystemName != nil && (productID == nil || productID != current.serviceID)
        if !fields.isEmpty || productChanged {
            var summary = fields.summary
            if productChanged { summary += (summary.isEmpty ? "" : ", ") + "product → \(spec.productSystemName ?? "")" }
            add(.activeDocs, "update API doc \(name): \(summary)",
                .updateActiveDoc(systemName: name, id: current.id, product: productChanged ? spec.productSystemName : nil, fields: fields))
        }
    }

    // MARK: Accounts, users, applications

    /// The organization name a DeveloperAccount CR name stands for: from the file, or
    /// the name itself taken as an existing account's org name.
    func orgName(accountCR: String) -> String {
        set.developerAccount(named: accountCR)?.spec.orgName ?? accountCR
    }

    mutating func accountsAndApplications() {
        var signedUp: Set<String> = []  // "org/username" of the users a signup creates
        for account in set.developerAccounts {
            let org = account.spec.orgName
            guard state.account(orgName: org) == nil else { continue }
            let admins = set.developerUsers.filter {
                $0.spec.developerAccountRef.name == account.metadata.name && $0.spec.role == "admin"
            }
            guard let admin = admins.first, let secret = admin.spec.passwordCredentialsRef.name else {
                fail(.developerAccount(account), field: "spec.orgName",
                    "account \(org) does not exist yet; 3scale's signup needs a DeveloperUser with role admin for it in the same file")
                continue
            }
            // The admin user is made by the signup, not by a separate create.
            signedUp.insert("\(org)/\(admin.spec.username)")
            guard set.secretValue(name: secret, key: "password") != nil else {
                fail(.developerUser(admin), field: "spec.passwordCredentialsRef.name",
                    "Secret \(secret) with key password is not in the file; maas reads Secrets from the same file")
                continue
            }
            add(.accounts, "sign up account \(org) with admin user \(admin.spec.username)",
                .signup(orgName: org, username: admin.spec.username, email: admin.spec.email, passwordSecret: secret))
            userChanges(admin, org: org, current: nil, assumed: (role: "admin", state: "active"))
        }
        for user in set.developerUsers {
            let accountCR = user.spec.developerAccountRef.name ?? ""
            let org = orgName(accountCR: accountCR)
            if signedUp.contains("\(org)/\(user.spec.username)") { continue }
            let account = state.account(orgName: org)
            if account == nil && set.developerAccount(named: accountCR) == nil {
                fail(.developerUser(user), field: "spec.developerAccountRef.name",
                    "account \(accountCR) exists neither in the file nor in 3scale")
                continue
            }
            if let current = account?.users.first(where: { $0.username == user.spec.username }) {
                userChanges(user, org: org, current: current, assumed: nil)
                continue
            }
            if set.secretValue(name: user.spec.passwordCredentialsRef.name ?? "", key: "password") == nil {
                fail(.developerUser(user), field: "spec.passwordCredentialsRef.name",
                    "Secret \(user.spec.passwordCredentialsRef.name ?? "") with key password is not in the file")
                continue
            }
            add(.users, "create user \(user.spec.username) in account \(org)",
                .createUser(orgName: org, username: user.spec.username, email: user.spec.email,
                    passwordSecret: user.spec.passwordCredentialsRef.name ?? ""))
            // A created user is a member, activated by the create.
            userChanges(user, org: org, current: nil, assumed: (role: "member", state: "active"))
        }
        for application in set.applications { self.application(application) }
    }

    mutating func application(_ resource: ApplicationResource) {
        let spec = resource.spec
        let accountCR = spec.accountCR.name ?? ""
        let org = orgName(accountCR: accountCR)
        let account = state.account(orgName: org)
        if account == nil && set.developerAccount(named: accountCR) == nil {
            fail(.application(resource), field: "spec.accountCR.name", "account \(accountCR) exists neither in the file nor in 3scale")
            return
        }
        let productCR = spec.productCR.name ?? ""
        guard let product = productSystemName(crName: productCR) else {
            fail(.application(resource), field: "spec.productCR.name", "product \(productCR) exists neither in the file nor in 3scale")
            return
        }
        let filePlans = set.product(named: productCR)?.spec.applicationPlans
        let remotePlans = state.product(product)?.plans.compactMap(\.plan.systemName) ?? []
        if filePlans?[spec.applicationPlanName] == nil && (filePlans != nil || !remotePlans.contains(spec.applicationPlanName)) {
            fail(.application(resource), field: "spec.applicationPlanName",
                "product \(product) has no application plan \(spec.applicationPlanName)")
            return
        }
        let productID = state.product(product)?.service.id
        // Identity is the name within the account (the CRD: "identifies the application uniquely within the account").
        if let current = account?.applications.first(where: { $0.name == spec.name && (productID == nil || $0.serviceID == productID) }) {
            var fields: [FieldChange] = []
            compare(&fields, "description", spec.description, current.description ?? "")
            if !fields.isEmpty {
                add(.applications, "update application \(spec.name) of account \(org): \(fields.summary)",
                    .updateApplication(orgName: org, id: current.id, fields: fields))
            }
            let plans = state.product(product)?.plans.map(\.plan) ?? []
            let currentPlan = plans.first { $0.id == current.planID }.map { $0.systemName ?? "#\($0.id)" }
            applicationChanges(resource, org: org, product: product, id: current.id, plan: currentPlan, state: current.state)
            return
        }
        add(.applications, "create application \(spec.name) for account \(org) on plan \(spec.applicationPlanName) of product \(product)",
            .createApplication(orgName: org, product: product, plan: spec.applicationPlanName, name: spec.name, description: spec.description))
        // A plan that needs approval makes the application pending, which 3scale cannot suspend.
        let approval = set.product(named: productCR)?.spec.applicationPlans?[spec.applicationPlanName]?.appsRequireApproval
            ?? state.product(product)?.plans.first { $0.plan.systemName == spec.applicationPlanName }?.plan.approvalRequired
        applicationChanges(resource, org: org, product: product, id: nil, plan: spec.applicationPlanName,
            state: approval == true ? "pending" : "live")
    }

    /// The operator's user sync: the role (default member) and `suspended` (default false)
    /// enforced; a pending user is activated. `assumed` is what a user created in this
    /// apply will be. What a server does not report is left as it is.
    mutating func userChanges(_ user: DeveloperUserResource, org: String, current: User?, assumed: (role: String, state: String)?) {
        let role = current == nil ? assumed?.role : current?.role
        let state = current == nil ? assumed?.state : current?.state
        var fields: [FieldChange] = []
        if let role { compare(&fields, "role", user.spec.role ?? "member", role) }
        let wanted = user.spec.suspended == true ? "suspended" : "active"
        if let state, ["pending", "active", "suspended"].contains(state) { compare(&fields, "state", wanted, state) }
        guard !fields.isEmpty else { return }
        add(.userChanges, "update user \(user.spec.username) of account \(org): \(fields.summary)",
            .changeUser(orgName: org, username: user.spec.username, id: current?.id, fields: fields))
    }

    /// The operator's application sync: the plan, and `suspend` (default false) enforced on
    /// a live or suspended application (a pending one is left to its approval).
    mutating func applicationChanges(
        _ resource: ApplicationResource, org: String, product: String, id: Int?, plan: String?, state: String?
    ) {
        let spec = resource.spec
        var fields: [FieldChange] = []
        if let plan { compare(&fields, "plan", spec.applicationPlanName, plan) }
        let suspend = spec.suspend ?? false
        if suspend && state == "live" { fields.append(FieldChange("state", "suspended", previous: "live")) }
        if !suspend && state == "suspended" { fields.append(FieldChange("state", "live", previous: "suspended")) }
        guard !fields.isEmpty else { return }
        add(.applicationChanges, "update application \(spec.name) of account \(org): \(fields.summary)",
            .changeApplication(orgName: org, product: product, name: spec.name, id: id, fields: fields))
    }

    // MARK: ProxyConfigPromote

    mutating func promote(_ resource: ProxyConfigPromoteResource) {
        let crName = resource.spec.productCRName
        guard let product = productSystemName(crName: crName) else {
            fail(.proxyConfigPromote(resource), field: "spec.productCRName",
                "product \(crName) exists neither in the file (as a Product's metadata.name) nor in 3scale (as a system name)")
            return
        }
        let current = state.product(product)
        let changed = actions.contains { touches($0.operation, product: product, current: current) }
        let production = resource.spec.production ?? false
        if changed || current?.stagingVersion == nil {
            add(.deploy, "deploy product \(product) to staging", .deployStaging(product: product))
        }
        let promotes = production && (changed || current?.stagingVersion == nil || current?.productionVersion != current?.stagingVersion)
        if promotes {
            add(.promote, "promote the latest staging config of product \(product) to production", .promoteToProduction(product: product))
        }
        // 3scale refuses to delete a method that the latest staging or production config
        // still counts; once both are replaced by configs without its rules, it can go.
        if changed && (promotes || current?.productionVersion == nil) {
            for index in actions.indices where actions[index].stage == .productMetricDeletes {
                switch actions[index].operation {
                case .deleteMethod(.product(product), _, _), .deleteMetric(.product(product), _, _):
                    actions[index].stage = .metricDeletesAfterDeploy
                default:
                    break
                }
            }
        }
    }

    /// Whether an action changes what the product's gateway config holds: the product
    /// itself or a backend it uses.
    func touches(_ operation: Operation, product: String, current: ProductState?) -> Bool {
        let backends = Set(set.products.first { $0.spec.effectiveSystemName == product }?.spec.backendUsages?.keys.map { $0 } ?? [])
            .union(current?.backendUsages.compactMap { state.backend(id: $0.backendID)?.backend.systemName } ?? [])
        switch operation {
        case .createProduct(let name, _), .updateProduct(let name, _): return name == product
        case .createBackend(let name, _), .updateBackend(let name, _): return backends.contains(name)
        case .createBackendUsage(let name, _, _), .updateBackendUsage(let name, _, _, _), .deleteBackendUsage(let name, _, _),
            .updateProxy(let name, _), .updatePolicies(let name, _):
            return name == product
        case .createMetric(let owner, _, _), .updateMetric(let owner, _, _, _), .deleteMetric(let owner, _, _),
            .createMethod(let owner, _, _), .updateMethod(let owner, _, _, _), .deleteMethod(let owner, _, _),
            .createMappingRule(let owner, _), .updateMappingRule(let owner, _, _, _), .deleteMappingRule(let owner, _, _, _),
            .orderMappingRules(let owner, _):
            switch owner {
            case .product(let name): return name == product
            case .backend(let name): return backends.contains(name)
            }
        default:
            return false
        }
    }
}
