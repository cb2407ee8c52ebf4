// What `show` prints about a product or an account, gathered in one call each.

/// A product with its gateway settings, backends, plans and rule count.
public struct ProductOverview: Sendable, Equatable {
    public var product: Service
    public var proxy: Proxy
    public var gateway: ProductGateway
    public var backends: [RoutedBackend]
    public var plans: [ApplicationPlan]
    public var mappingRuleCount: Int

    /// A backend the product routes to: its system name (`#ID` when unlisted) and path.
    public struct RoutedBackend: Sendable, Equatable {
        public var name: String
        public var path: String
    }
}

/// A developer account with its users and the products it is subscribed to.
public struct AccountOverview: Sendable, Equatable {
    public var account: Account
    public var usernames: [String]
    public var subscribedProductIDs: [Int]
}

extension AdminClient {
    public func productOverview(_ ref: ObjectRef) async throws(AdminError) -> ProductOverview {
        let service = try await product(ref)
        let id = service.id
        do {
            async let proxy = self.proxy(productID: id)
            async let usages = backendUsages(productID: id)
            async let plans = applicationPlans(productID: id)
            async let rules = mappingRules(of: .product(id: id))
            let backends = try await listBackends()
            let proxyValue = try await proxy
            return ProductOverview(
                product: service, proxy: proxyValue, gateway: ProductGateway(proxyValue),
                backends: try await usages.map { usage in
                    ProductOverview.RoutedBackend(
                        name: backends.first { $0.id == usage.backendID }?.systemName ?? "#\(usage.backendID)", path: usage.path)
                },
                plans: try await plans, mappingRuleCount: try await rules.count)
        } catch {
            throw AdminError(error)
        }
    }

    public func accountOverview(_ ref: ObjectRef) async throws(AdminError) -> AccountOverview {
        let id = try await accountID(ref)
        do {
            async let account = self.account(id: id)
            async let users = self.users(accountID: id)
            async let subscriptions = serviceSubscriptions(accountID: id)
            return AccountOverview(
                account: try await account, usernames: try await users.map(\.username),
                subscribedProductIDs: try await subscriptions.compactMap(\.serviceID))
        } catch {
            throw AdminError(error)
        }
    }
}
