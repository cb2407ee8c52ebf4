/// Which actions of a plan must wait for which. An action waits for an earlier one
/// of an earlier stage when they touch the same thing (one changes what the other
/// reads or changes); a mapping-rule write in a chain waits for the earlier rule writes
/// of its owner; rules created together wait for all of their metrics, and their order
/// check for them and the owner's rule deletes; a deploy or promote waits for every
/// change to its product's gateway config. Every edge points back in plan order, so
/// running the plan in order always respects them.
struct ActionGraph: Sendable, Equatable {
    /// For each action, the earlier actions it waits for (ascending).
    let dependencies: [[Int]]
    /// For each action, the later actions that wait for it (ascending).
    let dependants: [[Int]]
    /// For each action, the number of actions on the longest chain it starts: the
    /// applier starts the longest chains first.
    let depth: [Int]

    init(_ plan: Plan, resources: ResourceSet) {
        let actions = plan.actions
        let footprints = actions.map(\.footprint)
        let gateways = Self.gatewayConfigs(plan, resources: resources)
        var together: [MetricOwnerName: Set<ActionFootprint.Key>] = [:]
        for (action, footprint) in zip(actions, footprints) {
            if let owner = action.createdTogetherOwner { together[owner, default: []].formUnion(footprint.needs) }
        }
        var dependencies: [[Int]] = Array(repeating: [], count: actions.count)
        var dependants: [[Int]] = Array(repeating: [], count: actions.count)
        for later in actions.indices {
            for earlier in 0..<later where Self.waits(
                actions[later], footprints[later], on: actions[earlier], footprints[earlier], gateways: gateways,
                together: together)
            {
                dependencies[later].append(earlier)
                dependants[earlier].append(later)
            }
        }
        var depth = Array(repeating: 1, count: actions.count)
        for index in actions.indices.reversed() {
            depth[index] = 1 + (dependants[index].map { depth[$0] }.max() ?? 0)
        }
        self.dependencies = dependencies
        self.dependants = dependants
        self.depth = depth
    }

    private static func waits(
        _ later: Action, _ laterFootprint: ActionFootprint, on earlier: Action, _ earlierFootprint: ActionFootprint,
        gateways: [String: Set<MetricOwnerName>], together: [MetricOwnerName: Set<ActionFootprint.Key>]
    ) -> Bool {
        if let owner = later.ruleChainOwner, owner == earlier.ruleWriteOwner { return true }
        // The order check moves rules by position: every rule of the owner that goes, goes first.
        if case .orderMappingRules(let owner, _) = later.operation, case .deleteMappingRule(owner, _, _, _) = earlier.operation {
            return true
        }
        guard earlier.stage < later.stage else { return false }
        if earlierFootprint.conflicts(with: laterFootprint) { return true }
        if let owner = later.createdTogetherOwner, let needs = together[owner], !earlierFootprint.changes.isDisjoint(with: needs) {
            return true
        }
        if let product = later.publishedProduct, let config = earlierFootprint.config {
            return gateways[product]?.contains(config) ?? false
        }
        return false
    }

    /// The configs a product's deploy publishes: its own and those of the backends it
    /// uses (as the file or the plan says; every backend when the file has no such product).
    private static func gatewayConfigs(_ plan: Plan, resources: ResourceSet) -> [String: Set<MetricOwnerName>] {
        var used: [String: Set<String>] = [:]
        for product in resources.products {
            used[product.spec.effectiveSystemName, default: []].formUnion((product.spec.backendUsages ?? [:]).keys)
        }
        var everyBackend: Set<String> = Set(resources.backends.map(\.spec.effectiveSystemName))
        for action in plan.actions {
            switch action.operation {
            case .createBackendUsage(let product, let backend, _), .updateBackendUsage(let product, _, let backend, _),
                .deleteBackendUsage(let product, _, let backend):
                used[product, default: []].insert(backend)
            case .createBackend(let backend, _), .updateBackend(let backend, _):
                everyBackend.insert(backend)
            case .createMetric(.backend(let backend), _, _), .updateMetric(.backend(let backend), _, _, _),
                .deleteMetric(.backend(let backend), _, _), .createMethod(.backend(let backend), _, _),
                .updateMethod(.backend(let backend), _, _, _), .deleteMethod(.backend(let backend), _, _),
                .createMappingRule(.backend(let backend), _), .updateMappingRule(.backend(let backend), _, _, _),
                .deleteMappingRule(.backend(let backend), _, _, _), .orderMappingRules(.backend(let backend), _):
                everyBackend.insert(backend)
            default:
                break
            }
        }
        let inFile = Set(resources.products.map(\.spec.effectiveSystemName))
        var configs: [String: Set<MetricOwnerName>] = [:]
        for product in Set(plan.actions.compactMap(\.publishedProduct)) {
            let backends = inFile.contains(product) ? used[product] ?? [] : everyBackend.union(used[product] ?? [])
            configs[product] = Set(backends.map(MetricOwnerName.backend)).union([.product(product)])
        }
        return configs
    }
}
