/// An application over its life: suspended and resumed, moved to another plan
/// (porta `buyers_applications_controller.rb`).
extension AdminClient {
    /// A live application stops being authorised at the gateway; porta refuses (422) any other state.
    public func suspendApplication(accountID: Int, id: Int) async throws(AdminError) -> Application {
        try await object(
            Call(method: .PUT, path: "/admin/api/accounts/\(accountID)/applications/\(id)/suspend.json",
                operation: "Suspending application #\(id)", what: "Application #\(id) of account #\(accountID)"),
            key: "application")
    }

    /// A suspended application is live again; porta refuses (422) any other state.
    public func resumeApplication(accountID: Int, id: Int) async throws(AdminError) -> Application {
        try await object(
            Call(method: .PUT, path: "/admin/api/accounts/\(accountID)/applications/\(id)/resume.json",
                operation: "Resuming application #\(id)", what: "Application #\(id) of account #\(accountID)"),
            key: "application")
    }

    /// Moves an application to another plan of its product; porta answers the plan.
    public func changeApplicationPlan(accountID: Int, id: Int, planID: Int) async throws(AdminError) -> ApplicationPlan {
        try await object(
            Call(method: .PUT, path: "/admin/api/accounts/\(accountID)/applications/\(id)/change_plan.json",
                form: ["plan_id": String(planID)],
                operation: "Changing the plan of application #\(id)",
                what: "Application #\(id) of account #\(accountID) or application plan #\(planID)"),
            key: "application_plan")
    }
}
