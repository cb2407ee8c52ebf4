/// Changes over an object's life that are not plain updates: an application's plan
/// (porta `buyers_applications_controller.rb#change_plan`), a developer user's state and
/// role (`buyers_users_controller.rb`).
enum LifecycleRoutes {
    static let all: [AdminRoute] = [
        AdminRoute(.put, "/admin/api/accounts/{account_id}/applications/{id}/change_plan.json", ["plan_id"]) {
            txn, input throws(AdminAPIFailure) in
            var app = try ApplicationRoutes.application(txn, input)
            // porta finds the plan among all the tenant's application plans (404 otherwise),
            // then the application's `same_service` validation refuses another product's plan.
            guard let planID = try input.flat.reference("plan_id") else { throw .notFound }
            let plan = try txn.applicationPlan(planID)
            guard plan.serviceID == app.serviceID else { throw .invalid("plan", "not allowed in this context") }
            if app.planID != plan.id {
                app.planID = plan.id
                app.updatedAt = txn.now
                let updated = app
                txn.state.applications = txn.state.applications.map { $0.id == updated.id ? updated : $0 }
            }
            // porta answers the plan (`ApplicationPlanRepresenter`), not the application.
            return .ok(txn.applicationPlanJSON(plan))
        },
        userEvent("activate") { txn, user throws(AdminAPIFailure) in
            // `activate! unless user.active?`
            if user.state == "active" { return user }
            guard user.state == "pending" else { throw refused(txn, user, "activate") }
            return changed(user, state: "active")
        },
        userEvent("suspend") { txn, user throws(AdminAPIFailure) in
            // `suspend!`: active → suspended, suspended stays.
            guard user.state == "active" || user.state == "suspended" else { throw refused(txn, user, "suspend") }
            return changed(user, state: "suspended")
        },
        userEvent("unsuspend") { _, user throws(AdminAPIFailure) in
            // `unsuspend` (no bang): a refused event is a validation error on the user.
            guard user.state == "suspended" else { throw .invalid("state", "cannot transition via \"unsuspend\"") }
            return changed(user, state: "active")
        },
        userEvent("admin") { _, user throws(AdminAPIFailure) in
            var copy = user
            copy.role = "admin"
            return copy
        },
        userEvent("member") { _, user throws(AdminAPIFailure) in
            var copy = user
            copy.role = "member"
            return copy
        },
    ]

    /// `PUT …/users/{id}/EVENT.json`: the change, saved, answering the user.
    private static func userEvent(
        _ event: String, _ change: @escaping @Sendable (Transaction, User) throws(AdminAPIFailure) -> User
    ) -> AdminRoute {
        AdminRoute(.put, "/admin/api/accounts/{account_id}/users/{id}/\(event).json") { txn, input throws(AdminAPIFailure) in
            var user = try change(txn, try AccountRoutes.user(txn, input))
            user.updatedAt = txn.now
            let updated = user
            txn.state.users = txn.state.users.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.userJSON(updated))
        }
    }

    private static func changed(_ user: User, state: String) -> User {
        var copy = user
        copy.state = state
        return copy
    }

    private static func refused(_ txn: Transaction, _ user: User, _ event: String) -> AdminAPIFailure {
        .refusedTransition(from: user.state, event: event, object: txn.userJSON(user))
    }
}
