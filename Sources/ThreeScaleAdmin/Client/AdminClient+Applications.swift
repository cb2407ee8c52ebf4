/// Applications: an account's subscription to an application plan, holding the key.
extension AdminClient {
    public func applications(accountID: Int) async throws(AdminError) -> [Application] {
        try await list(
            Call(method: .GET, path: "/admin/api/accounts/\(accountID)/applications.json",
                operation: "Listing applications of account #\(accountID)", what: "Account #\(accountID)"),
            key: "application", plural: "applications", paginated: false)
    }

    /// Every application of the tenant, optionally of one product.
    public func allApplications(productID: Int? = nil) async throws(AdminError) -> [Application] {
        var call = Call(
            method: .GET, path: "/admin/api/applications.json", operation: "Listing applications",
            what: "The application list")
        if let productID { call.query.append(("service_id", String(productID))) }
        return try await list(call, key: "application", plural: "applications", paginated: true)
    }

    public func application(accountID: Int, id: Int) async throws(AdminError) -> Application {
        try await object(
            Call(method: .GET, path: "/admin/api/accounts/\(accountID)/applications/\(id).json",
                operation: "Reading application #\(id)", what: "Application #\(id) of account #\(accountID)"),
            key: "application")
    }

    /// The application holding this user key, or nil.
    public func findApplication(userKey: String) async throws(AdminError) -> Application? {
        do {
            return try await object(
                Call(method: .GET, path: "/admin/api/applications/find.json", query: [("user_key", userKey)],
                    operation: "Finding an application by key", what: "The application"), key: "application")
        } catch .notFound {
            return nil
        }
    }

    /// Creates an application on an application plan; porta subscribes the account to
    /// the product if needed and generates the user key (returned in `userKey`).
    public func createApplication(accountID: Int, _ application: NewApplication) async throws(AdminError) -> Application {
        let name = application.name
        let planID = application.planID
        return try await create({ () async throws -> Application in
            try await self.object(
                Call(method: .POST, path: "/admin/api/accounts/\(accountID)/applications.json", form: application.form,
                    operation: "Creating application \(name)",
                    what: "Account #\(accountID) or application plan #\(planID)"), key: "application")
        }, lookup: { () async throws -> Application? in
            try await self.applications(accountID: accountID).first { $0.name == name && $0.planID == planID }
        })
    }

    public func updateApplication(accountID: Int, id: Int, _ changes: ApplicationChanges) async throws(AdminError)
        -> Application
    {
        try await updateApplication(accountID: accountID, id: id, form: changes.form)
    }

    func updateApplication(accountID: Int, id: Int, form fields: FormBody) async throws(AdminError) -> Application {
        try await object(
            Call(method: .PUT, path: "/admin/api/accounts/\(accountID)/applications/\(id).json", form: fields,
                operation: "Updating application #\(id)", what: "Application #\(id) of account #\(accountID)"),
            key: "application")
    }

    public func deleteApplication(accountID: Int, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/accounts/\(accountID)/applications/\(id).json",
                operation: "Deleting application #\(id)", what: "Application #\(id) of account #\(accountID)"))
    }
}
