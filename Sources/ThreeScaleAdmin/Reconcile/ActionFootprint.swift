/// What one action reads and changes on the server, named as the plan names things,
/// so the applier can tell which actions must wait for which.
struct ActionFootprint: Sendable, Equatable {
    /// One thing on the server an action can read or change.
    enum Key: Sendable, Hashable {
        case backend(String)
        case product(String)
        case metric(MetricOwnerName, String)
        /// The ordered list of an owner's mapping rules.
        case rules(MetricOwnerName)
        case usages(String)
        case proxy(String)
        case policies(String)
        case plan(product: String, plan: String)
        case limits(product: String, plan: String)
        case doc(String)
        /// The product's latest staging (and production) gateway config.
        case deployed(String)
        case account(String)
        case user(org: String, username: String)
        case application(org: String, name: String)
    }

    /// Must exist or be settled before the action runs.
    var needs: Set<Key> = []
    /// Created, changed or deleted by the action.
    var changes: Set<Key> = []
    /// The gateway config the action changes (a product, or a backend its products use):
    /// a deploy of that product waits for it.
    var config: MetricOwnerName?

    /// Whether `later`, planned after this action in a later stage, must wait for it.
    func conflicts(with later: ActionFootprint) -> Bool {
        !changes.isDisjoint(with: later.needs) || !changes.isDisjoint(with: later.changes) || !needs.isDisjoint(with: later.changes)
    }
}

extension MetricOwnerName {
    var key: ActionFootprint.Key {
        switch self {
        case .backend(let name): return .backend(name)
        case .product(let name): return .product(name)
        }
    }
}

extension Action {
    var footprint: ActionFootprint {
        var footprint = operation.footprint
        // These deletes wait for the deploy and promote whose configs drop their rules.
        if stage == .metricDeletesAfterDeploy, case .product(let product)? = footprint.config {
            footprint.needs.insert(.deployed(product))
        }
        return footprint
    }

    /// The product a deploy or promote publishes.
    var publishedProduct: String? {
        switch operation {
        case .deployStaging(let product), .promoteToProduction(let product): return product
        default: return nil
        }
    }

    /// A mapping-rule write whose place in the owner's list depends on every rule write
    /// before it: 3scale renumbers the rules at and below an insert or a move.
    var ruleChainOwner: MetricOwnerName? {
        switch operation {
        case .createMappingRule(let owner, let rule) where rule.position != nil: return owner
        case .updateMappingRule(let owner, _, _, _), .orderMappingRules(let owner, _): return owner
        default: return nil
        }
    }

    /// Whose mapping rules this action writes (created together or in a chain).
    var ruleWriteOwner: MetricOwnerName? {
        switch operation {
        case .createMappingRule(let owner, _): return owner
        default: return ruleChainOwner
        }
    }

    /// The owner of a rule created together with the owner's other new rules, at the
    /// bottom: they are sent once all their metrics exist, so they go out in plan order.
    var createdTogetherOwner: MetricOwnerName? {
        if case .createMappingRule(let owner, let rule) = operation, rule.position == nil { return owner }
        return nil
    }
}

extension Operation {
    var footprint: ActionFootprint {
        typealias Footprint = ActionFootprint
        switch self {
        case .createBackend(let name, _), .updateBackend(let name, _):
            return Footprint(changes: [.backend(name)], config: .backend(name))
        case .createProduct(let name, _), .updateProduct(let name, _):
            return Footprint(changes: [.product(name)], config: .product(name))
        case .createBackendUsage(let product, let backend, _), .updateBackendUsage(let product, _, let backend, _),
            .deleteBackendUsage(let product, _, let backend):
            return Footprint(needs: [.product(product), .backend(backend)], changes: [.usages(product)], config: .product(product))
        case .updateProxy(let product, _):
            return Footprint(needs: [.product(product)], changes: [.proxy(product)], config: .product(product))
        case .createMetric(let owner, let name, _), .updateMetric(let owner, let name, _, _),
            .createMethod(let owner, let name, _), .updateMethod(let owner, let name, _, _):
            return Footprint(needs: [owner.key], changes: [.metric(owner, name)], config: owner)
        case .deleteMetric(let owner, let name, _), .deleteMethod(let owner, let name, _):
            // After every rule write of the owner: 3scale refuses to delete what a rule counts.
            return Footprint(needs: [owner.key, .rules(owner)], changes: [.metric(owner, name)], config: owner)
        case .createMappingRule(let owner, let rule), .updateMappingRule(let owner, _, let rule, _):
            return Footprint(needs: [owner.key, .metric(owner, rule.metric)], changes: [.rules(owner)], config: owner)
        case .orderMappingRules(let owner, _):
            return Footprint(needs: [owner.key], changes: [.rules(owner)], config: owner)
        case .deleteMappingRule(let owner, let id, _, _):
            // porta's default `GET /` (no id yet) sits below every rule the plan places,
            // so removing it moves none of them: it need not wait for, or hold up, the others.
            return Footprint(needs: [owner.key], changes: id == nil ? [] : [.rules(owner)], config: owner)
        case .createPlan(let product, let plan, _), .updatePlan(let product, let plan, _, _), .deletePlan(let product, let plan, _):
            return Footprint(needs: [.product(product)], changes: [.plan(product: product, plan: plan)], config: .product(product))
        case .createLimit(let product, let plan, let metric, _, _), .createPricingRule(let product, let plan, let metric, _, _, _):
            let owner = metric.backend.map(MetricOwnerName.backend) ?? .product(product)
            return Footprint(
                needs: [.product(product), .plan(product: product, plan: plan), .metric(owner, metric.systemName)],
                changes: [.limits(product: product, plan: plan)], config: .product(product))
        case .deleteLimit(let product, let plan, _, _, _, _, _), .deletePricingRule(let product, let plan, _, _, _):
            return Footprint(
                needs: [.product(product), .plan(product: product, plan: plan)], changes: [.limits(product: product, plan: plan)],
                config: .product(product))
        case .updatePolicies(let product, _):
            return Footprint(needs: [.product(product)], changes: [.policies(product)], config: .product(product))
        case .createActiveDoc(let name, let product, _), .updateActiveDoc(let name, _, let product, _):
            return Footprint(
                needs: product.map { [.product($0)] } ?? [], changes: [.doc(name)], config: product.map(MetricOwnerName.product))
        case .deployStaging(let product), .promoteToProduction(let product):
            return Footprint(needs: [.product(product), .deployed(product)], changes: [.deployed(product)])
        case .signup(let org, _, _, _):
            return Footprint(changes: [.account(org)])
        case .createUser(let org, let username, _, _), .changeUser(let org, let username, _, _):
            return Footprint(needs: [.account(org)], changes: [.user(org: org, username: username)])
        case .createApplication(let org, let product, let plan, let name, _):
            return Footprint(
                needs: [.account(org), .product(product), .plan(product: product, plan: plan)],
                changes: [.application(org: org, name: name)])
        case .updateApplication(let org, let id, _):
            return Footprint(needs: [.account(org)], changes: [.application(org: org, name: "#\(id)")])
        case .changeApplication(let org, let product, let name, let id, let fields):
            var needs: Set<Footprint.Key> = [.account(org), .product(product)]
            if let plan = fields.first(where: { $0.name == "plan" })?.value { needs.insert(.plan(product: product, plan: plan)) }
            var changes: Set<Footprint.Key> = [.application(org: org, name: name)]
            if let id { changes.insert(.application(org: org, name: "#\(id)")) }
            return Footprint(needs: needs, changes: changes)
        }
    }
}
