/// Service subscriptions: a developer account's access to a product.
public enum SubscriptionOutcome: Sendable, Equatable {
    case subscribed(ServicePlan)
    case alreadySubscribed
}

extension AdminClient {
    /// Subscribes an account to a product on the named service plan, else the product's
    /// default, else `Default`, else its only one. Already subscribed is no error.
    public func subscribe(account: ObjectRef, product: ObjectRef, servicePlan: String?) async throws(AdminError)
        -> SubscriptionOutcome
    {
        let accountID = try await accountID(account)
        let productID = try await productID(product)
        let plans = try await servicePlans(productID: productID)
        let chosen = try Self.servicePlan(servicePlan, in: plans, owner: "product \(product)")
        let current = try await serviceSubscriptions(accountID: accountID)
        if current.contains(where: { $0.planID == chosen.id || $0.serviceID == productID }) { return .alreadySubscribed }
        _ = try await subscribe(accountID: accountID, servicePlanID: chosen.id)
        return .subscribed(chosen)
    }

    public func unsubscribe(account: ObjectRef, product: ObjectRef) async throws(AdminError) {
        let accountID = try await accountID(account)
        let productID = try await productID(product)
        let planIDs = Set(try await servicePlans(productID: productID).map(\.id))
        guard let subscription = try await serviceSubscriptions(accountID: accountID).first(where: {
            $0.serviceID == productID || planIDs.contains($0.planID)
        }) else { throw .notSubscribed(account: account.description, product: product.description) }
        try await unsubscribe(accountID: accountID, subscriptionID: subscription.id)
    }

    static func servicePlan(_ name: String?, in plans: [ServicePlan], owner: String) throws(AdminError) -> ServicePlan {
        if let name {
            guard let found = plans.first(where: { $0.name == name || $0.systemName == name || String($0.id) == name }) else {
                throw .noMatch(kind: "service plan", name: name, owner: owner, choices: plans.map(\.name))
            }
            return found
        }
        guard let chosen = plans.first(where: { $0.isDefault == true }) ?? plans.first(where: { $0.name == "Default" })
            ?? (plans.count == 1 ? plans.first : nil)
        else { throw .noDefault(kind: "service plan", owner: owner, choices: plans.map(\.name)) }
        return chosen
    }
}
