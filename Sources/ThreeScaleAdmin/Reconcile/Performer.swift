/// Turns one planned operation into admin API calls, resolving names to ids.
/// Deleting something already gone counts as done, so a re-run after a partial
/// apply does not trip over its own earlier work.
struct Performer {
    let client: AdminClient
    let registry: IDRegistry
    let resources: ResourceSet
    /// The plan runs one action and one call at a time, in plan order.
    let oneAtATime: Bool
    /// Owners whose metric ids later actions need: listed as soon as they are created.
    var prefetched: Set<MetricOwnerName> = []

    func perform(_ operation: Operation) async throws(AdminError) {
        switch operation {
        case .createBackend(let name, let fields):
            _ = try await client.createBackend(form: form(fields))
            await prefetch(.backend(name))
        case .updateBackend(let name, let fields):
            _ = try await client.updateBackend(id: try await client.backendID(.name(name)), form: form(fields))
        case .createProduct(let name, let fields):
            _ = try await client.createProduct(form: form(fields))
            await prefetch(.product(name))
        case .updateProduct(let name, let fields):
            _ = try await client.updateProduct(id: try await client.productID(.name(name)), form: form(fields))
        case .createBackendUsage(let product, let backend, let path):
            _ = try await client.createBackendUsage(
                productID: try await client.productID(.name(product)), backendID: try await client.backendID(.name(backend)),
                path: path)
        case .updateBackendUsage(let product, let id, _, let path):
            _ = try await client.updateBackendUsage(productID: try await client.productID(.name(product)), id: id, path: path)
        case .deleteBackendUsage(let product, let id, _):
            try await ignoringNotFound { () async throws in
                try await client.deleteBackendUsage(productID: try await client.productID(.name(product)), id: id)
            }
        case .updateProxy(let product, let fields):
            _ = try await client.updateProxy(productID: try await client.productID(.name(product)), form: form(fields))
        case .createMetric(let owner, let name, let fields):
            let metric = try await client.createMetric(of: try await registry.owner(owner), form: form(fields))
            await registry.remember(owner, name, id: metric.id)
        case .updateMetric(let owner, let name, let id, let fields):
            let metricID = try await resolved(id, owner, name)
            _ = try await client.updateMetric(of: try await registry.owner(owner), id: metricID, form: form(fields))
        case .deleteMetric(let owner, let name, let id):
            try await ignoringNotFound { () async throws in
                try await client.deleteMetric(of: try await registry.owner(owner), id: id)
            }
            await registry.forget(owner, name)
        case .createMethod(let owner, let name, let fields):
            let resolvedOwner = try await registry.owner(owner)
            let hits = try await registry.metricID(owner, "hits")
            let method = try await client.createMethod(of: resolvedOwner, hitsID: hits, form: form(fields))
            await registry.remember(owner, name, id: method.id)
        case .updateMethod(let owner, let name, let id, let fields):
            let methodID = try await resolved(id, owner, name)
            let hits = try await registry.metricID(owner, "hits")
            _ = try await client.updateMethod(of: try await registry.owner(owner), hitsID: hits, id: methodID, form: form(fields))
        case .deleteMethod(let owner, let name, let id):
            let hits = try await registry.metricID(owner, "hits")
            try await ignoringNotFound { () async throws in
                try await client.deleteMethod(of: try await registry.owner(owner), hitsID: hits, id: id)
            }
            await registry.forget(owner, name)
        case .createMappingRule(let owner, let rule):
            _ = try await client.createMappingRule(of: try await registry.owner(owner), try await newRule(owner, rule))
        case .updateMappingRule(let owner, let id, let rule, _):
            let resolvedOwner = try await registry.owner(owner)
            var ruleID = id
            if id <= 0 {
                // porta's default rule of a product created in this apply.
                guard let found = try await client.mappingRules(of: resolvedOwner).first(where: {
                    $0.httpMethod == rule.httpMethod && $0.pattern == rule.pattern
                }) else { throw .notFound(what: "Mapping rule \(rule.httpMethod) \(rule.pattern) of \(owner)") }
                ruleID = found.id
            }
            _ = try await client.updateMappingRule(of: resolvedOwner, id: ruleID, MappingRuleChanges(try await newRule(owner, rule)))
        case .deleteMappingRule(let owner, let id, let method, let pattern):
            let resolvedOwner = try await registry.owner(owner)
            var ruleID = id
            if ruleID == nil {
                ruleID = try await client.mappingRules(of: resolvedOwner).first { $0.httpMethod == method && $0.pattern == pattern }?.id
            }
            guard let ruleID else { return }  // porta did not create a default rule: nothing to delete
            try await ignoringNotFound { () async throws in
                try await client.deleteMappingRule(of: resolvedOwner, id: ruleID)
            }
        case .orderMappingRules(let owner, let keys):
            // One call at a time, the rules went to the bottom one after another, in order.
            guard !oneAtATime else { return }
            try await order(keys, of: try await registry.owner(owner), named: owner)
        case .createPlan(let product, _, let fields):
            _ = try await client.createApplicationPlan(productID: try await client.productID(.name(product)), form: form(fields))
        case .updatePlan(let product, _, let id, let fields):
            _ = try await client.updateApplicationPlan(productID: try await client.productID(.name(product)), id: id, form: form(fields))
        case .deletePlan(let product, _, let id):
            try await ignoringNotFound { () async throws in
                try await client.deleteApplicationPlan(productID: try await client.productID(.name(product)), id: id)
            }
        case .createLimit(let product, let plan, let metric, let period, let value):
            let planID = try await client.applicationPlanID(productID: try await client.productID(.name(product)), .name(plan))
            let metricID = try await registry.metricID(product: product, ref: metric)
            _ = try await client.createLimit(planID: planID, metricID: metricID, period: period, value: value)
        case .deleteLimit(_, _, let planID, let metricID, let id, _, _):
            try await ignoringNotFound { () async throws in
                try await client.deleteLimit(planID: planID, metricID: metricID, id: id)
            }
        case .createPricingRule(let product, let plan, let metric, let min, let max, let cost):
            let planID = try await client.applicationPlanID(productID: try await client.productID(.name(product)), .name(plan))
            let metricID = try await registry.metricID(product: product, ref: metric)
            _ = try await client.createPricingRule(planID: planID, metricID: metricID, min: min, max: max, costPerUnit: cost)
        case .deletePricingRule(_, _, let planID, let metricID, let id):
            try await ignoringNotFound { () async throws in
                try await client.deletePricingRule(planID: planID, metricID: metricID, id: id)
            }
        case .updatePolicies(let product, let policies):
            _ = try await client.updatePolicies(productID: try await client.productID(.name(product)), policies)
        case .createActiveDoc(_, let product, let fields):
            var body = form(fields)
            if let product { body.append("service_id", String(try await client.productID(.name(product)))) }
            _ = try await client.createActiveDoc(form: body)
        case .updateActiveDoc(_, let id, let product, let fields):
            var body = form(fields)
            if let product { body.append("service_id", String(try await client.productID(.name(product)))) }
            _ = try await client.updateActiveDoc(id: id, form: body)
        case .deployStaging(let product):
            _ = try await client.deployProxy(productID: try await client.productID(.name(product)))
        case .promoteToProduction(let product):
            try await promote(product)
        case .signup(let org, let username, let email, let secret):
            let account = try await client.signup(orgName: org, username: username, email: email, password: try password(secret))
            await client.names.remember(org, id: account.id, in: "account")
        case .createUser(let org, let username, let email, let secret):
            let accountID = try await client.accountID(orgName: org)
            let user = try await client.createUser(accountID: accountID, username: username, email: email, password: try password(secret))
            // Users created by an admin start pending; activate them so they can log in.
            if user.state == "pending" { _ = try await client.changeUser(accountID: accountID, userID: user.id, to: "activate") }
        case .createApplication(let org, let product, let plan, let name, let description):
            let accountID = try await client.accountID(orgName: org)
            let planID = try await client.applicationPlanID(productID: try await client.productID(.name(product)), .name(plan))
            _ = try await client.createApplication(
                accountID: accountID, NewApplication(planID: planID, name: name, description: description))
        case .updateApplication(let org, let id, let fields):
            _ = try await client.updateApplication(accountID: try await client.accountID(orgName: org), id: id, form: form(fields))
        case .changeUser(let org, let username, let id, let fields):
            try await changeUser(org: org, username: username, id: id, fields: fields)
        case .changeApplication(let org, let product, let name, let id, let fields):
            try await changeApplication(org: org, product: product, name: name, id: id, fields: fields)
        }
    }

    /// The role first, then the state from what the user is now (a pending user is
    /// activated before a suspend, as the operator does).
    private func changeUser(org: String, username: String, id: Int?, fields: [FieldChange]) async throws(AdminError) {
        let accountID = try await client.accountID(orgName: org)
        guard let user = try await client.users(accountID: accountID).first(where: { id == nil ? $0.username == username : $0.id == id })
        else { throw .notFound(what: "User \(username) of account \(org)") }
        if let role = fields.first(where: { $0.name == "role" })?.value {
            _ = try await client.changeUser(accountID: accountID, userID: user.id, to: role)
        }
        guard let wanted = fields.first(where: { $0.name == "state" })?.value else { return }
        var state = user.state
        if state == "pending" {
            state = try await client.changeUser(accountID: accountID, userID: user.id, to: "activate").state
        }
        if wanted == "suspended" && state == "active" {
            _ = try await client.changeUser(accountID: accountID, userID: user.id, to: "suspend")
        } else if wanted == "active" && state == "suspended" {
            _ = try await client.changeUser(accountID: accountID, userID: user.id, to: "unsuspend")
        }
    }

    /// The plan first, then suspend or resume from the state the application is in now.
    private func changeApplication(org: String, product: String, name: String, id: Int?, fields: [FieldChange])
        async throws(AdminError)
    {
        let accountID = try await client.accountID(orgName: org)
        let productID = try await client.productID(.name(product))
        guard let app = try await client.applications(accountID: accountID).first(where: {
            id == nil ? $0.name == name && $0.serviceID == productID : $0.id == id
        }) else { throw .notFound(what: "Application \(name) of account \(org)") }
        if let plan = fields.first(where: { $0.name == "plan" })?.value {
            let planID = try await client.applicationPlanID(productID: productID, .name(plan))
            _ = try await client.changeApplicationPlan(accountID: accountID, id: app.id, planID: planID)
        }
        guard let wanted = fields.first(where: { $0.name == "state" })?.value else { return }
        if wanted == "suspended" && app.state == "live" {
            _ = try await client.suspendApplication(accountID: accountID, id: app.id)
        } else if wanted == "live" && app.state == "suspended" {
            _ = try await client.resumeApplication(accountID: accountID, id: app.id)
        }
    }

    /// Promotes the latest staging config unless production already has it: a
    /// repeated promote is a no-op rather than porta's 422.
    private func promote(_ product: String) async throws(AdminError) {
        let productID = try await client.productID(.name(product))
        let latest = try await client.latestConfigs(productID: productID)
        guard let staging = latest.staging else {
            throw .notFound(what: "A staging config of product \(product) (deploy it first)")
        }
        if latest.production?.version == staging.version { return }
        _ = try await client.promoteProxyConfig(productID: productID, version: staging.version)
    }

    /// Leaves the rules as they are when 3scale holds them in `keys`' order (a rule of
    /// someone else's may sit among them). Otherwise keeps the longest run already in
    /// order and moves each other rule right after the one before it in `keys`, computing
    /// positions as acts_as_list shifts them. When a race of 3scale's own left two rules
    /// on one position, moves them all to positions 1, 2, … one by one instead.
    private func order(_ keys: [MappingRuleKey], of owner: MetricOwner, named name: MetricOwnerName) async throws(AdminError) {
        var list = try await RuleList(client.mappingRules(of: owner), keys: keys, owner: name)
        if list.isInOrder { return }
        if list.hasDistinctPositions {
            // acts_as_list's shifts are then exactly what `moves` computes.
            for (index, move) in list.moves() {
                _ = try await client.updateMappingRule(of: owner, id: list.ours[index].id, MappingRuleChanges(position: move))
            }
            return
        }
        for (index, rule) in list.ours.enumerated() {
            _ = try await client.updateMappingRule(of: owner, id: rule.id, MappingRuleChanges(position: index + 1))
        }
    }

    private func prefetch(_ owner: MetricOwnerName) async {
        if !oneAtATime && prefetched.contains(owner) { await registry.prefetch(owner) }
    }

    private func resolved(_ id: Int?, _ owner: MetricOwnerName, _ name: String) async throws(AdminError) -> Int {
        if let id, id > 0 { return id }
        return try await registry.metricID(owner, name)
    }

    private func newRule(_ owner: MetricOwnerName, _ rule: RuleFields) async throws(AdminError) -> NewMappingRule {
        NewMappingRule(
            httpMethod: rule.httpMethod, pattern: rule.pattern, metricID: try await registry.metricID(owner, rule.metric),
            delta: rule.delta, last: rule.last, position: rule.position)
    }

    private func password(_ secret: String) throws(AdminError) -> String {
        guard let value = resources.secretValue(name: secret, key: "password") else {
            throw .validationFailed(operation: "Reading the password", errors: [
                .init(field: "password", message: "Secret \(secret) with key password is not in \(resources.file)")
            ])
        }
        return value
    }

    private func form(_ fields: [FieldChange]) -> FormBody {
        FormBody(fields.map { (name: $0.name, value: $0.value) })
    }

    private func ignoringNotFound(_ body: () async throws -> Void) async throws(AdminError) {
        do {
            try await body()
        } catch let error as AdminError {
            if case .notFound = error { return }
            throw error
        } catch {
            throw AdminError(error)
        }
    }
}
