/// What porta gives every new tenant: the "Default" account plan (`Logic::ProviderSignup::SampleData`)
/// and the "API" product on the "API Backend" (`Signup::ProviderAccountManager#create_first_service`,
/// `BackendApiLogic::ServiceExtension`) with its default application plan, "Basic".
/// Clients rely on them: 3scale's Python client waits until a tenant has an account plan
/// and a product before it calls anything.
enum TenantDefaults {
    static let productName = "API"
    /// `BackendApi.default_api_backend`.
    static let backendEndpoint = "https://echo-api.3scale.net:443"
    static let applicationPlanName = "Basic"

    /// porta's signup never published the account plan it makes the default.
    static func addAccountPlan(to state: inout SandboxState, now: String) {
        let plan = AccountPlan(id: state.newID("plans"), name: "Default", systemName: "default", state: "hidden",
                               approvalRequired: false, createdAt: now, updatedAt: now)
        state.accountPlans = (state.accountPlans ?? []) + [plan]
        if let index = state.accounts.firstIndex(where: { $0.id == state.providerAccountID }) {
            state.accounts[index].defaultAccountPlanID = plan.id
        }
    }

    /// A tenant that never had a product gets porta's first one.
    static func needsProduct(_ state: SandboxState) -> Bool {
        state.nextID["services"] == nil && state.services.isEmpty
    }
}

extension Transaction {
    /// The "API" product on the given listeners, its backend "API Backend" (its name,
    /// `<product> Backend`; its system name, the product's) used at `/`, and "Basic", its
    /// published default application plan. Returns the product's id.
    mutating func createDefaultProduct(endpoints: (staging: String, production: String)) throws(AdminAPIFailure) -> Int {
        let name = TenantDefaults.productName
        let systemName = Validation.systemName(from: name, model: "service")
        let service = try addService(name: name, systemName: systemName, description: nil, deploymentOption: "hosted",
                                     backendVersion: "1", endpoints: endpoints)
        let backend = addBackend(name: "\(name) Backend", systemName: systemName, description: "Backend of \(name)",
                                 privateEndpoint: TenantDefaults.backendEndpoint)
        state.backendUsages.append(BackendUsage(id: state.newID("backend_api_configs"), serviceID: service.id,
                                                backendID: backend.id, path: "/"))
        let plan = ApplicationPlan(
            id: state.newID("plans"), serviceID: service.id, name: TenantDefaults.applicationPlanName,
            systemName: Validation.systemName(from: TenantDefaults.applicationPlanName, model: "plan"),
            description: nil, state: "published", approvalRequired: false, setupFee: 0, costPerMonth: 0,
            trialPeriodDays: 0, createdAt: now, updatedAt: now
        )
        state.applicationPlans.append(plan)
        let index = try serviceIndex(service.id)
        state.services[index].defaultApplicationPlanID = plan.id
        return service.id
    }
}
