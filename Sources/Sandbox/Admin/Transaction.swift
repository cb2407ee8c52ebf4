import Untrusted

/// One admin request's view of the state: handlers mutate a copy, which the store
/// commits only when the handler succeeds (a failed request changes nothing).
struct Transaction: Sendable {
    var state: SandboxState
    /// Listener changes to apply once the change is committed.
    var effects: [GatewayEffect] = []
    let now: String
    let baseURL: String
    /// Staging and production URLs bound in advance for a product being created.
    let reservedEndpoints: (staging: String, production: String)?

    func link(_ rel: String, _ path: String) -> JSONValue {
        ["rel": .string(rel), "href": .string(baseURL + path)]
    }
}

enum GatewayEffect: Sendable, Equatable {
    /// The reserved listener pair now serves this product.
    case assignReserved(serviceID: Int)
    case close(serviceID: Int)
}

extension Transaction {
    func service(_ id: Int) throws(AdminAPIFailure) -> Service {
        guard let service = state.services.first(where: { $0.id == id }) else { throw .notFound }
        return service
    }

    func serviceIndex(_ id: Int) throws(AdminAPIFailure) -> Int {
        guard let index = state.services.firstIndex(where: { $0.id == id }) else { throw .notFound }
        return index
    }

    func backend(_ id: Int) throws(AdminAPIFailure) -> Backend {
        guard let backend = state.backends.first(where: { $0.id == id }) else { throw .notFound }
        return backend
    }

    func account(_ id: Int) throws(AdminAPIFailure) -> Account {
        guard let account = state.accounts.first(where: { $0.id == id && !$0.isProvider }) else { throw .notFound }
        return account
    }

    func metric(_ id: Int, owner: OwnerKind, ownerID: Int) throws(AdminAPIFailure) -> Metric {
        guard let metric = state.metrics.first(where: { $0.id == id && $0.owner == owner && $0.ownerID == ownerID })
        else { throw .notFound }
        return metric
    }

    func applicationPlan(_ id: Int) throws(AdminAPIFailure) -> ApplicationPlan {
        guard let plan = state.applicationPlans.first(where: { $0.id == id }) else { throw .notFound }
        return plan
    }

    /// Metrics a plan's limits may use: the product's and those of its backends.
    func planMetric(_ metricID: Int, plan: ApplicationPlan) throws(AdminAPIFailure) -> Metric {
        let backendIDs = Set(state.backendUsages.filter { $0.serviceID == plan.serviceID }.map(\.backendID))
        guard let metric = state.metrics.first(where: {
            $0.id == metricID
                && (($0.owner == .service && $0.ownerID == plan.serviceID)
                    || ($0.owner == .backend && backendIDs.contains($0.ownerID)))
        }) else { throw .notFound }
        return metric
    }
}
