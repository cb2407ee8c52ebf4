/// A developer account as resources: the account, its users (role and state) and its
/// applications (plan and state), so that applying them back plans nothing.
extension Exporter {
    public static func account(_ account: AccountState, in server: ServerState, namespace: String? = nil) -> [Resource] {
        let org = account.account.orgName ?? "#\(account.account.id)"
        let accountCR = resourceName(org)
        var resources: [Resource] = [
            .developerAccount(DeveloperAccountResource(metadata: ObjectMeta(name: accountCR, namespace: namespace), spec: DeveloperAccountSpec(orgName: org)))
        ]
        for user in account.users.sorted(by: { $0.id < $1.id }) {
            // The password is only read when a user is created; the Secret is the reader's to supply then.
            var spec = DeveloperUserSpec(
                username: user.username, email: user.email ?? "", passwordSecret: resourceName(user.username) + "-password",
                account: accountCR, role: user.role ?? "member")
            spec.suspended = user.state == "suspended"
            resources.append(.developerUser(DeveloperUserResource(
                metadata: ObjectMeta(name: resourceName("\(org)-\(user.username)"), namespace: namespace), spec: spec)))
        }
        for app in account.applications.sorted(by: { $0.id < $1.id }) {
            guard let product = server.products.first(where: { $0.service.id == app.serviceID }),
                  let plan = product.plans.first(where: { $0.plan.id == app.planID })?.plan.systemName
            else { continue }
            let name = app.name ?? "application \(app.id)"
            var spec = ApplicationSpec(
                accountCR: accountCR, productCR: product.service.systemName, applicationPlanName: plan, name: name,
                description: app.description ?? "")
            spec.suspend = app.state == "suspended"
            resources.append(.application(ApplicationResource(
                metadata: ObjectMeta(name: resourceName("\(org)-\(name)"), namespace: namespace), spec: spec)))
        }
        return resources
    }
}
