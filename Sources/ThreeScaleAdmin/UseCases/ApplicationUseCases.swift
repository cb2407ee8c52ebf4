/// An application just created, with what its developer needs to call the product.
public struct IssuedApplication: Sendable, Equatable {
    public var application: Application
    public var plan: ApplicationPlan
    public var gateway: ProductGateway
}

/// Applications found by the names people type, across accounts.
extension AdminClient {
    /// The applications of one account, of one product, of both, or of the whole tenant.
    public func applications(account: ObjectRef?, product: ObjectRef?) async throws(AdminError) -> [Application] {
        var productID: Int?
        if let product { productID = try await self.productID(product) }
        guard let account else { return try await allApplications(productID: productID) }
        return try await applications(accountID: try await accountID(account)).filter { productID == nil || $0.serviceID == productID }
    }

    /// An application by id or name, in any account (of one product when given).
    /// A name that several applications share is an error listing their ids.
    public func application(_ ref: String, ofProduct product: ObjectRef? = nil) async throws(AdminError) -> Application {
        let apps = try await applications(account: nil, product: product)
        let matches = apps.filter { String($0.id) == ref || $0.name == ref }
        guard let app = matches.first else {
            throw .noMatch(kind: "application", name: ref, owner: product.map { "product \($0)" } ?? "the tenant",
                choices: apps.compactMap(\.name))
        }
        guard matches.count == 1 else { throw .ambiguous(kind: "application", name: ref, ids: matches.map(\.id).sorted()) }
        return app
    }

    /// Deletes an application found by id or name; returns it. Its key stops working.
    @discardableResult
    public func deleteApplication(_ ref: String) async throws(AdminError) -> Application {
        let app = try await application(ref)
        guard let accountID = app.accountID else {
            throw .refusedAnswer(operation: "Deleting application #\(app.id)", reason: "3scale lists it without an account")
        }
        try await deleteApplication(accountID: accountID, id: app.id)
        return app
    }

    /// Creates an application of `account` on a plan of `product` (the named plan, else
    /// the only published one, else the only one) and says where to call it.
    public func issueApplication(account: ObjectRef, product: ObjectRef, plan: String?, name: String)
        async throws(AdminError) -> IssuedApplication
    {
        let accountID = try await accountID(account)
        let productID = try await productID(product)
        let chosen = try await planForNewApplication(productID: productID, named: plan, owner: "product \(product)")
        return try await issueApplication(accountID: accountID, productID: productID, plan: chosen, name: name)
    }

    func issueApplication(accountID: Int, productID: Int, plan: ApplicationPlan, name: String) async throws(AdminError)
        -> IssuedApplication
    {
        let application = try await createApplication(accountID: accountID, NewApplication(planID: plan.id, name: name))
        return IssuedApplication(
            application: application, plan: plan, gateway: ProductGateway(try await proxy(productID: productID)))
    }
}
