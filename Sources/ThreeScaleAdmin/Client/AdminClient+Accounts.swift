/// Developer accounts, their users, signup, and the provider account itself.
extension AdminClient {
    public func accounts() async throws(AdminError) -> [Account] {
        let accounts: [Account] = try await list(
            Call(method: .GET, path: "/admin/api/accounts.json", operation: "Listing accounts", what: "The account list"),
            key: "account", plural: "accounts", paginated: true)
        await names.store(accounts.compactMap { account in account.orgName.map { ($0, account.id) } }, in: "account")
        return accounts
    }

    public func account(id: Int) async throws(AdminError) -> Account {
        try await object(
            Call(method: .GET, path: "/admin/api/accounts/\(id).json", operation: "Reading account #\(id)",
                what: "Account #\(id)"), key: "account")
    }

    /// The account owning a user with this username (or email), or nil.
    public func findAccount(username: String? = nil, email: String? = nil) async throws(AdminError) -> Account? {
        var query: [(name: String, value: String)] = []
        if let username { query.append(("username", username)) }
        if let email { query.append(("email", email)) }
        do {
            return try await object(
                Call(method: .GET, path: "/admin/api/accounts/find.json", query: query,
                    operation: "Finding an account", what: "The account"), key: "account")
        } catch .notFound {
            return nil
        }
    }

    /// An account by id, organization name, or the username of one of its users
    /// (the lab's `user1`).
    public func accountID(_ ref: ObjectRef) async throws(AdminError) -> Int {
        if case .name(let name) = ref {
            if let id = await names.id(name, in: "account") { return id }
            if let account = try await findAccount(username: name) {
                await names.remember(name, id: account.id, in: "account")
                return account.id
            }
        }
        return try await resolve(ref, kind: "account", scope: "account") { () async throws in
            try await self.accounts().compactMap { account in account.orgName.map { ($0, account.id) } }
        }
    }

    /// Creates a developer account with an admin user.
    public func signup(orgName: String, username: String, email: String?, password: String?) async throws(AdminError)
        -> Account
    {
        var form: FormBody = ["org_name": orgName, "username": username]
        form.append("email", email)
        form.append("password", password)
        return try await create({ () async throws -> Account in
            try await self.object(
                Call(method: .POST, path: "/admin/api/signup.json", form: form,
                    operation: "Signing up account \(orgName)", what: "A default plan"), key: "account")
        }, lookup: { () async throws -> Account? in try await self.findAccount(username: username) })
    }

    public func deleteAccount(id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/accounts/\(id).json", operation: "Deleting account #\(id)",
                what: "Account #\(id)"))
        await names.forget(scope: "account")
    }

    public func users(accountID: Int) async throws(AdminError) -> [User] {
        try await list(
            Call(method: .GET, path: "/admin/api/accounts/\(accountID)/users.json",
                operation: "Listing users of account #\(accountID)", what: "Account #\(accountID)"),
            key: "user", plural: "users", paginated: false)
    }

    public func createUser(accountID: Int, username: String, email: String, password: String?) async throws(AdminError)
        -> User
    {
        var form: FormBody = ["username": username, "email": email]
        form.append("password", password)
        return try await create({ () async throws -> User in
            try await self.object(
                Call(method: .POST, path: "/admin/api/accounts/\(accountID)/users.json", form: form,
                    operation: "Creating user \(username) in account #\(accountID)", what: "Account #\(accountID)"),
                key: "user")
        }, lookup: { () async throws -> User? in
            try await self.users(accountID: accountID).first { $0.username == username }
        })
    }

    /// `activate`, `suspend`, `unsuspend`, `admin` or `member`.
    public func changeUser(accountID: Int, userID: Int, to change: String) async throws(AdminError) -> User {
        try await object(
            Call(method: .PUT, path: "/admin/api/accounts/\(accountID)/users/\(userID)/\(change).json",
                operation: "Changing user #\(userID) (\(change))", what: "User #\(userID) of account #\(accountID)"),
            key: "user")
    }

    // MARK: Provider account

    public func providerAccount() async throws(AdminError) -> Account {
        try await object(
            Call(method: .GET, path: "/admin/api/provider.json", operation: "Reading the provider account",
                what: "The provider account"), key: "account")
    }

    /// Sets the developer portal's access code; "" opens the portal to everyone
    /// (they still log in), which is the lab's first admin step.
    public func updateProviderAccount(siteAccessCode: String) async throws(AdminError) -> Account {
        try await object(
            Call(method: .PUT, path: "/admin/api/provider.json", form: ["site_access_code": siteAccessCode],
                operation: "Updating the developer portal access code", what: "The provider account"), key: "account")
    }
}

extension AdminClient {
    /// An account by organization name only (what Account resources name).
    public func accountID(orgName: String) async throws(AdminError) -> Int {
        try await resolve(.name(orgName), kind: "account", scope: "account") { () async throws in
            try await self.accounts().compactMap { account in account.orgName.map { ($0, account.id) } }
        }
    }
}
