import Foundation
import Untrusted

/// Service subscriptions and applications (porta `service_subscriptions_controller.rb`,
/// `buyers_applications_controller.rb`, `applications_controller.rb`).
enum SubscriptionRoutes {
    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/accounts/{account_id}/service_subscriptions.json") { txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("account_id"))
            let items = txn.state.subscriptions.filter { $0.accountID == account.id }.sorted { $0.id < $1.id }
            return .ok(["service_subscriptions": .array(items.map(txn.subscriptionJSON))])
        },
        AdminRoute(.post, "/admin/api/accounts/{account_id}/service_subscriptions.json", ["plan_id"]) {
            txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("account_id"))
            guard let planID = try input.wrapped("service_subscription").reference("plan_id") else {
                throw .parameterMissing("plan_id")
            }
            return .created(txn.subscriptionJSON(try subscribe(&txn, accountID: account.id, planID: planID)))
        },
        AdminRoute(.get, "/admin/api/accounts/{account_id}/service_subscriptions/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.subscriptionJSON(try subscription(txn, input)))
        },
        AdminRoute(.delete, "/admin/api/accounts/{account_id}/service_subscriptions/{id}.json") { txn, input throws(AdminAPIFailure) in
            let found = try subscription(txn, input)
            let blocking = txn.state.applications.contains {
                $0.accountID == found.accountID && $0.serviceID == found.serviceID && $0.state != "suspended"
            }
            if blocking {
                throw .deleteRefused(["base": ["Service subscription cannot be deleted because there are applications subscribed to the service"]])
            }
            txn.state.applications.removeAll { $0.accountID == found.accountID && $0.serviceID == found.serviceID }
            txn.state.subscriptions.removeAll { $0.id == found.id }
            return .deleted
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/service_subscriptions/{id}/approve.json") { txn, input throws(AdminAPIFailure) in
            var found = try subscription(txn, input)
            guard found.state == "pending" else { throw .invalid("state", "cannot transition via \"accept\"") }
            found.state = "live"
            found.updatedAt = txn.now
            let updated = found
            txn.state.subscriptions = txn.state.subscriptions.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.subscriptionJSON(updated))
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/service_subscriptions/{id}/change_plan.json", ["plan_id"]) {
            txn, input throws(AdminAPIFailure) in
            var found = try subscription(txn, input)
            guard let planID = try input.wrapped("service_subscription").reference("plan_id") else {
                throw .parameterMissing("plan_id")
            }
            guard let plan = txn.state.servicePlans.first(where: { $0.id == planID }) else { throw .notFound }
            guard plan.serviceID == found.serviceID else { throw .invalid("plan", "must belong to the same product") }
            found.planID = plan.id
            found.updatedAt = txn.now
            let updated = found
            txn.state.subscriptions = txn.state.subscriptions.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.servicePlanJSON(plan))
        },
    ]

    static func subscription(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> StoredServiceSubscription {
        let account = try txn.account(try input.id("account_id"))
        let id = try input.id("id")
        guard let found = txn.state.subscriptions.first(where: { $0.id == id && $0.accountID == account.id }) else {
            throw .notFound
        }
        return found
    }

    static func subscribe(_ txn: inout Transaction, accountID: Int, planID: Int) throws(AdminAPIFailure) -> StoredServiceSubscription {
        guard let plan = txn.state.servicePlans.first(where: { $0.id == planID }) else { throw .notFound }
        if txn.state.subscriptions.contains(where: { $0.accountID == accountID && $0.serviceID == plan.serviceID }) {
            throw .invalid("base", "already subscribed to this service")
        }
        let subscription = StoredServiceSubscription(
            id: txn.state.newID("cinstances"), accountID: accountID, planID: plan.id, serviceID: plan.serviceID,
            state: plan.approvalRequired ? "pending" : "live", createdAt: txn.now, updatedAt: txn.now
        )
        txn.state.subscriptions.append(subscription)
        return subscription
    }
}

enum ApplicationRoutes {
    static let createFields = ["plan_id", "name", "description", "user_key"]
    static let updateFields = ["name", "description", "user_key"]

    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/accounts/{account_id}/applications.json") { txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("account_id"))
            let apps = txn.state.applications.filter { $0.accountID == account.id }.sorted { $0.id < $1.id }
            return .ok(["applications": .array(apps.map(txn.applicationJSON))])
        },
        AdminRoute(.post, "/admin/api/accounts/{account_id}/applications.json", createFields) { txn, input throws(AdminAPIFailure) in
            let account = try txn.account(try input.id("account_id"))
            return .created(txn.applicationJSON(try create(&txn, accountID: account.id, params: input.flat)))
        },
        AdminRoute(.get, "/admin/api/accounts/{account_id}/applications/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.applicationJSON(try application(txn, input)))
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/applications/{id}.json", updateFields) { txn, input throws(AdminAPIFailure) in
            var app = try application(txn, input)
            let params = input.flat
            if params.has("name") { app.name = try params.string("name") }
            if params.has("description") { app.description = try params.string("description") }
            if params.has("user_key") {
                app.userKey = try checkedUserKey(try params.string("user_key") ?? "", txn: txn, excluding: app.id)
            }
            app.updatedAt = txn.now
            let updated = app
            txn.state.applications = txn.state.applications.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.applicationJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/accounts/{account_id}/applications/{id}.json") { txn, input throws(AdminAPIFailure) in
            let app = try application(txn, input)
            txn.state.applications.removeAll { $0.id == app.id }
            return .deleted
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/applications/{id}/suspend.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.applicationJSON(try transition(&txn, input, from: ["live"], to: "suspended", event: "suspend")))
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/applications/{id}/resume.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.applicationJSON(try transition(&txn, input, from: ["suspended"], to: "live", event: "resume")))
        },
        AdminRoute(.put, "/admin/api/accounts/{account_id}/applications/{id}/accept.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.applicationJSON(try transition(&txn, input, from: ["pending"], to: "live", event: "accept")))
        },
        AdminRoute(.get, "/admin/api/applications.json", ["page", "per_page", "service_id", "plan_id"]) {
            txn, input throws(AdminAPIFailure) in
            let params = input.flat
            let serviceID = try params.reference("service_id")
            let planID = try params.reference("plan_id")
            let apps = txn.state.applications.filter {
                (serviceID == nil || $0.serviceID == serviceID) && (planID == nil || $0.planID == planID)
            }
            return .ok(Page(params).render("applications", apps.sorted { $0.id < $1.id }.map(txn.applicationJSON)))
        },
        AdminRoute(.get, "/admin/api/applications/find.json", ["user_key", "application_id", "app_id", "service_id"]) {
            txn, input throws(AdminAPIFailure) in
            let params = input.flat
            let serviceID = try params.reference("service_id")
            let candidates = txn.state.applications.filter { serviceID == nil || $0.serviceID == serviceID }
            let found: Application?
            if let key = try params.text("user_key") {
                found = candidates.first { $0.userKey == key }
            } else if let id = try params.reference("application_id") {
                found = candidates.first { $0.id == id }
            } else {
                // app_id credentials only exist for app_id/app_key products, which the sandbox does not issue.
                found = nil
            }
            guard let found else { throw .notFound }
            return .ok(txn.applicationJSON(found))
        },
    ]

    static func application(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> Application {
        let account = try txn.account(try input.id("account_id"))
        let id = try input.id("id")
        guard let app = txn.state.applications.first(where: { $0.id == id && $0.accountID == account.id }) else {
            throw .notFound
        }
        return app
    }

    static func transition(
        _ txn: inout Transaction, _ input: AdminInput, from: Set<String>, to: String, event: String
    ) throws(AdminAPIFailure) -> Application {
        var app = try application(txn, input)
        guard from.contains(app.state) else {
            throw .refusedTransition(from: app.state, event: event, object: txn.applicationJSON(app))
        }
        app.state = to
        app.updatedAt = txn.now
        let updated = app
        txn.state.applications = txn.state.applications.map { $0.id == updated.id ? updated : $0 }
        return updated
    }

    /// `[\w\-.]+` or base64-like, at most 256 characters, unique in the tenant (porta `cinstance.rb`).
    static func checkedUserKey(_ key: String, txn: Transaction, excluding: Int?) throws(AdminAPIFailure) -> String {
        let allowed = key.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "_-.+/=".unicodeScalars.contains($0)
        }
        guard !key.isEmpty, key.count <= 256, allowed else { throw .invalid("user_key", "is invalid") }
        if txn.state.applications.contains(where: { $0.id != excluding && $0.userKey == key }) {
            throw .invalid("user_key", "has already been taken")
        }
        return key
    }

    /// Creates an application, subscribing the account to the product's default service
    /// plan first when needed (porta `find_or_create_service_contract`).
    static func create(_ txn: inout Transaction, accountID: Int, params: Params) throws(AdminAPIFailure) -> Application {
        guard let planID = try params.reference("plan_id") else { throw .notFound }
        let plan = try txn.applicationPlan(planID)
        let service = try txn.service(plan.serviceID)
        if !txn.state.subscriptions.contains(where: { $0.accountID == accountID && $0.serviceID == service.id }) {
            guard let servicePlanID = service.defaultServicePlanID
                ?? txn.state.servicePlans.first(where: { $0.serviceID == service.id })?.id
            else { throw .message(422, "You cannot subscribe to that service.") }
            _ = try SubscriptionRoutes.subscribe(&txn, accountID: accountID, planID: servicePlanID)
        }
        let userKey = try params.text("user_key").map { key throws(AdminAPIFailure) in
            try checkedUserKey(key, txn: txn, excluding: nil)
        } ?? Validation.randomHex(16)
        let app = Application(
            id: txn.state.newID("cinstances"), accountID: accountID, planID: plan.id, serviceID: service.id,
            name: try params.string("name"), description: try params.string("description"),
            state: plan.approvalRequired ? "pending" : "live", userKey: userKey,
            providerVerificationKey: Validation.randomHex(16), firstTrafficAt: nil,
            createdAt: txn.now, updatedAt: txn.now
        )
        txn.state.applications.append(app)
        return app
    }
}

enum ActiveDocRoutes {
    static let fields = ["name", "body", "description", "published", "skip_swagger_validations", "service_id"]

    static let all: [AdminRoute] = [
        AdminRoute(.get, "/admin/api/active_docs.json") { txn, _ throws(AdminAPIFailure) in
            .ok(["api_docs": .array(txn.state.activeDocs.sorted { $0.id < $1.id }.map(txn.activeDocJSON))])
        },
        AdminRoute(.post, "/admin/api/active_docs.json", fields + ["system_name"]) { txn, input throws(AdminAPIFailure) in
            let params = try input.wrapped("api_docs_service")
            var errors: [String: [String]] = [:]
            let name = try params.text("name")
            if name == nil { errors["name"] = ["can't be blank"] }
            let systemName = try params.text("system_name") ?? Validation.systemName(from: name ?? "", model: "api_docs_service")
            if txn.state.activeDocs.contains(where: { $0.systemName == systemName }) {
                errors["system_name"] = ["has already been taken"]
            }
            var doc = ActiveDoc(id: 0, name: name ?? "", systemName: systemName, description: nil, published: false,
                                skipSwaggerValidations: false, body: "", serviceID: nil, createdAt: txn.now, updatedAt: txn.now)
            if try params.text("body") == nil { errors["body"] = ["can't be blank"] }
            if !errors.isEmpty { throw .invalid(errors) }
            try apply(params, to: &doc, txn: txn)
            doc.id = txn.state.newID("api_docs_services")
            txn.state.activeDocs.append(doc)
            return .created(txn.activeDocJSON(doc))
        },
        AdminRoute(.get, "/admin/api/active_docs/{id}.json") { txn, input throws(AdminAPIFailure) in
            .ok(txn.activeDocJSON(try doc(txn, input)))
        },
        AdminRoute(.put, "/admin/api/active_docs/{id}.json", fields) { txn, input throws(AdminAPIFailure) in
            var found = try doc(txn, input)
            let params = try input.wrapped("api_docs_service")
            if params.has("name") {
                guard let name = try params.text("name") else { throw .invalid("name", "can't be blank") }
                found.name = name
            }
            try apply(params, to: &found, txn: txn)
            found.updatedAt = txn.now
            let updated = found
            txn.state.activeDocs = txn.state.activeDocs.map { $0.id == updated.id ? updated : $0 }
            return .ok(txn.activeDocJSON(updated))
        },
        AdminRoute(.delete, "/admin/api/active_docs/{id}.json") { txn, input throws(AdminAPIFailure) in
            let found = try doc(txn, input)
            txn.state.activeDocs.removeAll { $0.id == found.id }
            return .deleted
        },
    ]

    static func doc(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> ActiveDoc {
        let id = try input.id("id")
        guard let doc = txn.state.activeDocs.first(where: { $0.id == id }) else { throw .notFound }
        return doc
    }

    static func apply(_ params: Params, to doc: inout ActiveDoc, txn: Transaction) throws(AdminAPIFailure) {
        if params.has("description") { doc.description = try params.string("description") }
        if let published = try params.bool("published") { doc.published = published }
        if let skip = try params.bool("skip_swagger_validations") { doc.skipSwaggerValidations = skip }
        if params.has("service_id") {
            if try params.text("service_id") == nil {
                doc.serviceID = nil
            } else {
                let serviceID = (try? params.reference("service_id")) ?? nil
                guard let serviceID, txn.state.services.contains(where: { $0.id == serviceID }) else {
                    throw .message(422, "Service not found")
                }
                doc.serviceID = serviceID
            }
        }
        if let body = try params.text("body") {
            guard let parsed = try? JSONValue.parseRequest(Data(body.utf8)), case .object(let spec) = parsed else {
                throw .invalid("body", "Invalid JSON")
            }
            // Without skip_swagger_validations the body must look like Swagger 1.2/2.0 or OpenAPI 3.
            if !doc.skipSwaggerValidations {
                let version = spec["openapi"]?.stringValue ?? spec["swagger"]?.stringValue ?? spec["swaggerVersion"]?.stringValue
                guard let version, ["1.2", "2.0"].contains(version) || version.hasPrefix("3."),
                      spec["info"] != nil || version == "1.2"
                else { throw .invalid("body", "JSON Spec is invalid") }
            }
            doc.body = body
        }
    }
}
