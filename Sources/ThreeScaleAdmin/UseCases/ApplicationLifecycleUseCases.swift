/// A key replaced: the application with its new key, the key it had, and where its
/// product is called (to find the consumer profiles that held the old key).
public struct RegeneratedKey: Sendable, Equatable {
    public var application: Application
    public var previousKey: String
    public var newKey: String
    public var gateway: ProductGateway
}

/// An application after a suspend or resume; `changed` is false when it already was so.
public struct ApplicationStateChange: Sendable, Equatable {
    public var application: Application
    public var changed: Bool
}

/// An application moved to another plan; `changed` is false when it already was on it.
public struct ApplicationPlanChange: Sendable, Equatable {
    public var application: Application
    public var previous: ApplicationPlan?
    public var plan: ApplicationPlan
    public var changed: Bool
}

/// A new user key as 3scale makes them: 32 lower-case hex digits (128 bits) from the
/// system's cryptographic generator (`SystemRandomNumberGenerator` reads getrandom/arc4random).
public enum UserKey {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[Int(UInt8.random(in: 0...15, using: &generator))] })
    }
}

/// An application's life after its creation, found by id or name.
extension AdminClient {
    /// Gives the application a new user key; the old one is refused at once.
    public func regenerateKey(ofApplication ref: String) async throws(AdminError) -> RegeneratedKey {
        let app = try await application(ref)
        let (accountID, productID) = try owners(of: app, operation: "Regenerating the key of application #\(app.id)")
        guard let previous = app.userKey else {
            throw .refusedAnswer(operation: "Regenerating the key of application #\(app.id)",
                reason: "it has no user key (its product authenticates by app id and app key)")
        }
        let key = UserKey.generate()
        var updated = try await updateApplication(accountID: accountID, id: app.id, ApplicationChanges(userKey: key))
        // A server that answers without the key still took it (or said why not).
        if updated.userKey == nil { updated.userKey = key }
        return RegeneratedKey(
            application: updated, previousKey: previous, newKey: key,
            gateway: ProductGateway(try await proxy(productID: productID)))
    }

    /// Suspends a live application: its key gets the product's auth-failed answer.
    public func suspendApplication(_ ref: String) async throws(AdminError) -> ApplicationStateChange {
        let app = try await application(ref)
        if app.state == "suspended" { return ApplicationStateChange(application: app, changed: false) }
        let (accountID, _) = try owners(of: app, operation: "Suspending application #\(app.id)")
        return ApplicationStateChange(application: try await suspendApplication(accountID: accountID, id: app.id), changed: true)
    }

    /// Resumes a suspended application.
    public func resumeApplication(_ ref: String) async throws(AdminError) -> ApplicationStateChange {
        let app = try await application(ref)
        if app.state == "live" { return ApplicationStateChange(application: app, changed: false) }
        let (accountID, _) = try owners(of: app, operation: "Resuming application #\(app.id)")
        return ApplicationStateChange(application: try await resumeApplication(accountID: accountID, id: app.id), changed: true)
    }

    /// Moves an application to another plan (by id, system name or name) of its product;
    /// the new plan's limits apply from the next call.
    public func changePlan(ofApplication ref: String, to plan: String) async throws(AdminError) -> ApplicationPlanChange {
        let app = try await application(ref)
        let (accountID, productID) = try owners(of: app, operation: "Changing the plan of application #\(app.id)")
        let plans = try await applicationPlans(productID: productID)
        let target = try Self.plan(plan, in: plans, owner: "product \(app.serviceName ?? "#\(productID)")")
        let previous = plans.first { $0.id == app.planID }
        guard target.id != app.planID else {
            return ApplicationPlanChange(application: app, previous: previous, plan: target, changed: false)
        }
        _ = try await changeApplicationPlan(accountID: accountID, id: app.id, planID: target.id)
        let updated = try await application(accountID: accountID, id: app.id)
        return ApplicationPlanChange(application: updated, previous: previous, plan: target, changed: true)
    }

    private func owners(of app: Application, operation: String) throws(AdminError) -> (account: Int, product: Int) {
        guard let accountID = app.accountID, let productID = app.serviceID else {
            throw .refusedAnswer(operation: operation, reason: "3scale lists it without an account or product")
        }
        return (accountID, productID)
    }
}
