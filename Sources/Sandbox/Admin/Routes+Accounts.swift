/// Developer accounts, their users, signup and the provider account
/// (porta `accounts_controller.rb`, `signups_controller.rb`, `buyers_users_controller.rb`, `providers_controller.rb`).
enum AccountRoutes {
    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/accounts.json", ["state", "page", "per_page"]) { txn, input throws(AdminAPIFailure) in
            let state = try input.flat.text("state")
            let accounts = txn.state.accounts.filter { !$0.isProvider && (state == nil || $0.state == state) }
            return .ok(Page(input.flat).render("accounts", accounts.sorted { $0.id < $1.id }.map(txn.accountJSON)))
        },
        AdminRoute(.get, "/admin/api/accounts/find.json", ["username", "user_id", "email"]) { txn, input throws(AdminAPIFailure) in
            let params = input.flat
            let buyers = Set(txn.state.accounts.filter { !$0.isProvider }.map(\.id))
            let users = txn.state.users.filter { buyers.contains($0.accountID) }
            let user: User?
            if let username = try params.text("username") {
                user = users.first { $0.username == username }
            } else if let userID = try params.reference("user_id") {
                user = users.first { $0.id == userID }
            } else if let email = try params.text("email") {
                user = users.first { $0.email == email }
            } else {
                user = nil
            }
            guard let user else { throw .notFound }
            return .ok(txn.accountJSON(try txn.account(user.accountID)))
        },
        AdminRoute(.get, "/admin/api/accounts/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.accountJSON(try txn.account(try input.id("id"))))
        },
        AdminRoute(.put, "/admin/api/accounts/{id}.json", ["org_name"]) { txn, input throws(AdminAPIFailure) in
            var account = try txn.account(try input.id("id"))
            if input.flat.has("org_name") {
                guard let name = try input.flat.text("org_name") else { throw .invalid("org_name", "can't be blank") }
                account.orgName = name
            }
            account.updatedAt = txn.now
            let updated = account
            txn.state.accounts = txn.state.accounts.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.accountJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/accounts/{id}.json") { txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("id"))
            txn.state.accounts.removeAll { $0.id == account.id }
            txn.state.users.removeAll { $0.accountID == account.id }
            txn.state.subscriptions.removeAll { $0.accountID == account.id }
            txn.state.applications.removeAll { $0.accountID == account.id }
            return .deleted
        },
        AdminRoute(.post, "/admin/api/signup.json",
                   ["org_name", "username", "email", "password", "service_plan_id", "application_plan_id"]) {
            txn, input throws(AdminAPIFailure) in
            let params = input.flat
            var errors: [String: [String]] = [:]
            let orgName = try params.text("org_name")
            if orgName == nil { errors["org_name"] = ["can't be blank"] }
            let username = try params.text("username")
            if username == nil { errors["username"] = ["can't be blank"] }
            if let username, txn.state.users.contains(where: { $0.username == username }) {
                errors["username"] = ["has already been taken"]
            }
            let email = try params.text("email") ?? ""
            if !email.isEmpty, txn.state.users.contains(where: { $0.email == email }) {
                errors["email"] = ["has already been taken"]
            }
            let servicePlanID = try params.reference("service_plan_id")
            let applicationPlanID = try params.reference("application_plan_id")
            if let servicePlanID, !txn.state.servicePlans.contains(where: { $0.id == servicePlanID }) { throw .notFound }
            if let applicationPlanID { _ = try txn.applicationPlan(applicationPlanID) }
            if !errors.isEmpty { throw .invalid(errors) }
            let account = Account(id: txn.state.newID("accounts"), orgName: orgName ?? "", state: "approved",
                                  isProvider: false, siteAccessCode: nil, createdAt: txn.now, updatedAt: txn.now)
            txn.state.accounts.append(account)
            txn.state.users.append(User(id: txn.state.newID("users"), accountID: account.id, username: username ?? "",
                                        email: email, role: "admin", state: "active", createdAt: txn.now, updatedAt: txn.now))
            if let servicePlanID { _ = try SubscriptionRoutes.subscribe(&txn, accountID: account.id, planID: servicePlanID) }
            if let applicationPlanID {
                _ = try ApplicationRoutes.create(&txn, accountID: account.id, params: Params([
                    "plan_id": .string(String(applicationPlanID)), "name": "API signup", "description": "API signup",
                ]))
            }
            return .created(txn.accountJSON(account))
        },
        AdminRoute(.get, "/admin/api/provider.json") { txn, _ throws(AdminAPIFailure) in
            guard let provider = txn.state.accounts.first(where: { $0.isProvider }) else { throw .notFound }
            return .ok(txn.accountJSON(provider))
        },
        AdminRoute(.put, "/admin/api/provider.json", ["site_access_code"]) { txn, input throws(AdminAPIFailure) in
            guard let index = txn.state.accounts.firstIndex(where: { $0.isProvider }) else { throw .notFound }
            let params = try input.wrapped("account", required: false)
            if params.has("site_access_code") {
                // An empty code opens the developer portal to everyone (the lab's first step).
                txn.state.accounts[index].siteAccessCode = try params.string("site_access_code") ?? ""
            }
            txn.state.accounts[index].updatedAt = txn.now
            return .ok(txn.accountJSON(txn.state.accounts[index]))
        },
    ] + userRoutes

    static let userRoutes: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/accounts/{account_id}/users.json", ["state", "role"]) { txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("account_id"))
            let state = try input.flat.text("state")
            let role = try input.flat.text("role")
            let users = txn.state.users.filter {
                $0.accountID == account.id && (state == nil || $0.state == state) && (role == nil || $0.role == role)
            }
            return .ok(["users": .array(users.sorted { $0.id < $1.id }.map(txn.userJSON))])
        },
        AdminRoute(.post, "/admin/api/accounts/{account_id}/users.json", ["username", "email", "password"]) {
            txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("account_id"))
            let params = input.flat
            var errors: [String: [String]] = [:]
            let username = try params.text("username")
            let email = try params.text("email")
            if username == nil { errors["username"] = ["can't be blank"] }
            if email == nil { errors["email"] = ["can't be blank"] }
            if let username, txn.state.users.contains(where: { $0.username == username }) {
                errors["username", default: []].append("has already been taken")
            }
            if let email, txn.state.users.contains(where: { $0.email == email }) {
                errors["email", default: []].append("has already been taken")
            }
            if !errors.isEmpty { throw .invalid(errors) }
            let user = User(id: txn.state.newID("users"), accountID: account.id, username: username ?? "", email: email ?? "",
                            role: "member", state: "pending", createdAt: txn.now, updatedAt: txn.now)
            txn.state.users.append(user)
            return .created(txn.userJSON(user))
        },
        AdminRoute(.get, "/admin/api/accounts/{account_id}/users/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.userJSON(try user(txn, input)))
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/users/{id}.json", ["username", "email", "password"]) {
            txn, input throws(AdminAPIFailure) in
            var found = try user(txn, input)
            let params = input.flat
            if params.has("username") {
                guard let username = try params.text("username") else { throw .invalid("username", "can't be blank") }
                if txn.state.users.contains(where: { $0.id != found.id && $0.username == username }) {
                    throw .invalid("username", "has already been taken")
                }
                found.username = username
            }
            if params.has("email") {
                guard let email = try params.text("email") else { throw .invalid("email", "can't be blank") }
                found.email = email
            }
            found.updatedAt = txn.now
            let updated = found
            txn.state.users = txn.state.users.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.userJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/accounts/{account_id}/users/{id}.json") { txn, input throws(AdminAPIFailure) in
            let found = try user(txn, input)
            if txn.state.users.filter({ $0.accountID == found.accountID && $0.role == "admin" }).count == 1, found.role == "admin" {
                throw .deleteRefused(["base": ["The last admin of an account cannot be deleted"]])
            }
            txn.state.users.removeAll { $0.id == found.id }
            return .deleted
        },
    ]

    static func user(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> User {
        let account = try txn.account(try input.id("account_id"))
        let id = try input.id("id")
        guard let user = txn.state.users.first(where: { $0.id == id && $0.accountID == account.id }) else { throw .notFound }
        return user
    }
}
