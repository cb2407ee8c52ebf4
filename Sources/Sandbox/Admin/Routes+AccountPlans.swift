/// `/admin/api/account_plans…`: the tenant's plans for developer accounts (list, create,
/// read) and which one is the default (porta `account_plans_controller.rb`).
enum AccountPlanRoutes {
    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/account_plans.json") { txn, _ throws(AdminAPIFailure) in
            .ok(["plans": .array((txn.state.accountPlans ?? []).sorted { $0.id < $1.id }.map(txn.accountPlanJSON))])
        },
        AdminRoute(.post, "/admin/api/account_plans.json", ["name", "approval_required", "system_name", "state_event"]) {
            txn, input throws(AdminAPIFailure) in
            let params = try input.wrapped("account_plan")
            var errors: [String: [String]] = [:]
            let name = try params.text("name")
            if name == nil { errors["name"] = ["can't be blank"] }
            let systemName = try params.text("system_name") ?? Validation.systemName(from: name ?? "", model: "plan")
            if txn.state.accountPlans?.contains(where: { $0.systemName == systemName }) == true {
                errors["system_name", default: []].append("has already been taken")
            }
            var state = "hidden"
            if let event = try params.text("state_event") {
                // porta answers this one without the usual "is " (test_create_invalid_params_json).
                if let next = PlanRoutes.planStates[event] { state = next } else { errors["state_event"] = ["invalid"] }
            }
            if !errors.isEmpty { throw .invalid(errors) }
            let plan = AccountPlan(id: txn.state.newID("plans"), name: name ?? "", systemName: systemName, state: state,
                                   approvalRequired: try params.bool("approval_required") ?? false,
                                   createdAt: txn.now, updatedAt: txn.now)
            txn.state.accountPlans = (txn.state.accountPlans ?? []) + [plan]
            return .created(txn.accountPlanJSON(plan))
        },
        AdminRoute(.get, "/admin/api/account_plans/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.accountPlanJSON(try plan(txn, input)))
        },
        // Any plan may become the default, hidden ones too (porta test "hidden plan cannot be mark as default").
        AdminRoute(.put, "/admin/api/account_plans/{id}/default.json") { txn, input throws(AdminAPIFailure) in
            let found = try plan(txn, input)
            guard let index = txn.state.accounts.firstIndex(where: { $0.id == txn.state.providerAccountID }) else {
                throw .notFound
            }
            txn.state.accounts[index].defaultAccountPlanID = found.id
            return .ok(txn.accountPlanJSON(found))
        },
    ]

    static func plan(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> AccountPlan {
        let id = try input.id("id")
        guard let plan = txn.state.accountPlans?.first(where: { $0.id == id }) else { throw .notFound }
        return plan
    }
}
