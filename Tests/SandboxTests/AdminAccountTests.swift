import Foundation
@testable import Sandbox
import Testing

@Suite("Admin API: plans, accounts, subscriptions, applications, ActiveDocs")
struct AdminAccountTests {
    @Test func applicationPlansLimitsAndPricingRules() async throws {
        try await TestSandbox.with { t in
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let hits = try #require(try await t.call(.GET, "/admin/api/services/\(id)/metrics.json")
                .json["metrics"]?.arrayValue?.first?["metric"]?["id"]?.doubleValue).asInt
            let plan = try await t.call(.POST, "/admin/api/services/\(id)/application_plans.json",
                                        form: [("application_plan[name]", "Standard Plan"), ("application_plan[state_event]", "publish")])
            #expect(plan.status == 201)
            #expect(plan.json["application_plan"]?["state"] == "published")
            #expect(plan.json["application_plan"]?["system_name"] == "standard_plan")
            let planID = try #require(plan.json["application_plan"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/application_plans.json")
                .json["plans"]?.arrayValue?.count == 1)
            // Every product's plans: the default product's "Basic" and this one.
            let allPlans = try await t.call(.GET, "/admin/api/application_plans.json").json["plans"]?.arrayValue ?? []
            #expect(allPlans.map { $0["application_plan"]?["name"] } == ["Basic", "Standard Plan"])
            #expect(try await t.call(.PUT, "/admin/api/services/\(id)/application_plans/\(planID).json",
                                     form: [("cost_per_month", "-1")]).status == 422)
            #expect(try await t.call(.PUT, "/admin/api/services/\(id)/application_plans/\(planID)/default.json")
                .json["application_plan"]?["default"] == true)

            let limit = try await t.call(.POST, "/admin/api/application_plans/\(planID)/metrics/\(hits)/limits.json",
                                         form: [("usage_limit[period]", "minute"), ("usage_limit[value]", "5")])
            #expect(limit.status == 201)
            #expect(limit.json["limit"]?["value"] == 5)
            let limitID = try #require(limit.json["limit"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(planID)/metrics/\(hits)/limits.json",
                                     form: [("period", "minute"), ("value", "1")]).json
                == ["errors": ["period": ["has already been taken"]]])
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(planID)/metrics/\(hits)/limits.json",
                                     form: [("period", "fortnight"), ("value", "1")]).json
                == ["errors": ["period": ["is invalid"]]])
            #expect(try await t.call(.PUT, "/admin/api/application_plans/\(planID)/metrics/\(hits)/limits/\(limitID).json",
                                     form: [("value", "-3")]).json["limit"]?["value"] == 0)
            #expect(try await t.call(.GET, "/admin/api/application_plans/\(planID)/limits.json").json["limits"]?.arrayValue?.count == 1)
            #expect(try await t.call(.DELETE, "/admin/api/application_plans/\(planID)/metrics/\(hits)/limits/\(limitID).json").status == 200)

            let pricing = try await t.call(.POST, "/admin/api/application_plans/\(planID)/metrics/\(hits)/pricing_rules.json",
                                           form: [("min", "1"), ("max", "100"), ("cost_per_unit", "0.1")])
            #expect(pricing.status == 201)
            #expect(pricing.json["pricing_rule"]?["cost_per_unit"] == "0.1")
            let pricingID = try #require(pricing.json["pricing_rule"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(planID)/metrics/\(hits)/pricing_rules.json",
                                     form: [("min", "50"), ("cost_per_unit", "0.2")]).status == 422)
            #expect(try await t.call(.GET, "/admin/api/application_plans/\(planID)/pricing_rules.json")
                .json["pricing_rules"]?.arrayValue?.count == 1)
            #expect(try await t.call(.DELETE, "/admin/api/application_plans/\(planID)/metrics/\(hits)/pricing_rules/\(pricingID).json").status == 200)
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id)/application_plans/\(planID).json").status == 200)
        }
    }

    @Test func accountsUsersSignupAndProvider() async throws {
        try await TestSandbox.with { t in
            let accounts = try await t.call(.GET, "/admin/api/accounts.json").json["accounts"]?.arrayValue
            #expect(accounts?.count == 1)
            #expect(accounts?.first?["account"]?["org_name"] == "user1")
            let found = try await t.call(.GET, "/admin/api/accounts/find.json", form: [("username", "user1")])
            #expect(found.json["account"]?["id"]?.doubleValue == Double(t.sandbox.endpoints.developerAccountID))
            #expect(try await t.call(.GET, "/admin/api/accounts/find.json", form: [("username", "ghost")]).status == 404)
            let users = try await t.call(.GET, "/admin/api/accounts/\(t.sandbox.endpoints.developerAccountID)/users.json")
            #expect(users.json["users"]?.arrayValue?.first?["user"]?["username"] == "user1")

            let signup = try await t.call(.POST, "/admin/api/signup.json", form: [("org_name", "Acme"), ("username", "alice")])
            #expect(signup.status == 201)
            let acme = try #require(signup.json["account"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/signup.json", form: [("org_name", "Acme 2"), ("username", "alice")])
                .json == ["errors": ["username": ["has already been taken"]]])
            #expect(try await t.call(.PUT, "/admin/api/accounts/\(acme).json", form: [("org_name", "Acme Inc")])
                .json["account"]?["org_name"] == "Acme Inc")
            let user = try await t.call(.POST, "/admin/api/accounts/\(acme)/users.json",
                                        form: [("username", "bob"), ("email", "bob@example.com"), ("password", "pw")])
            #expect(user.status == 201)
            #expect(user.json["user"]?["state"] == "pending")
            let userID = try #require(user.json["user"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.PUT, "/admin/api/accounts/\(acme)/users/\(userID).json", form: [("email", "b@example.com")])
                .json["user"]?["email"] == "b@example.com")
            #expect(try await t.call(.DELETE, "/admin/api/accounts/\(acme)/users/\(userID).json").status == 200)
            #expect(try await t.call(.DELETE, "/admin/api/accounts/\(acme).json").status == 200)
            #expect(try await t.call(.GET, "/admin/api/accounts/\(acme).json").status == 404)

            // The lab's developer-portal access code is removed through the provider account.
            let provider = try await t.call(.GET, "/admin/api/provider.json").json
            #expect(provider["account"]?["site_access_code"]?.stringValue?.isEmpty == false)
            let opened = try await t.call(.PUT, "/admin/api/provider.json", form: [("site_access_code", "")])
            #expect(opened.json["account"]?["site_access_code"] == "")
        }
    }

    @Test func subscriptionsAndApplications() async throws {
        try await TestSandbox.with { t in
            let account = t.sandbox.endpoints.developerAccountID
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let servicePlan = try #require(try await t.call(.GET, "/admin/api/services/\(id)/service_plans.json")
                .json["plans"]?.arrayValue?.first?["service_plan"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/accounts/\(account)/service_subscriptions.json").status == 400)
            let subscription = try await t.call(.POST, "/admin/api/accounts/\(account)/service_subscriptions.json",
                                                form: [("plan_id", String(servicePlan))])
            #expect(subscription.status == 201)
            #expect(subscription.json["service_subscription"]?["state"] == "live")
            #expect(subscription.json["service_subscription"]?["service_id"]?.doubleValue == Double(id))
            let subscriptionID = try #require(subscription.json["service_subscription"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/accounts/\(account)/service_subscriptions.json",
                                     form: [("plan_id", String(servicePlan))]).json
                == ["errors": ["base": ["already subscribed to this service"]]])
            #expect(try await t.call(.GET, "/admin/api/accounts/\(account)/service_subscriptions.json")
                .json["service_subscriptions"]?.arrayValue?.count == 1)

            let plan = try #require(try await t.call(.POST, "/admin/api/services/\(id)/application_plans.json",
                                                     form: [("name", "Standard")]).json["application_plan"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/accounts/\(account)/applications.json", form: [("plan_id", "999")]).status == 404)
            let app = try await t.call(.POST, "/admin/api/accounts/\(account)/applications.json",
                                       form: [("plan_id", String(plan)), ("name", "LLama70B application")])
            #expect(app.status == 201)
            let application = try #require(app.json["application"])
            let key = try #require(application["user_key"]?.stringValue)
            #expect(key.count == 32)
            #expect(application["state"] == "live")
            #expect(application["plan_id"]?.doubleValue == Double(plan))
            let appID = try #require(application["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/accounts/\(account)/applications.json",
                                     form: [("plan_id", String(plan)), ("user_key", key)]).json
                == ["errors": ["user_key": ["has already been taken"]]])
            #expect(try await t.call(.GET, "/admin/api/applications/find.json", form: [("user_key", key)])
                .json["application"]?["id"]?.doubleValue == Double(appID))
            #expect(try await t.call(.GET, "/admin/api/applications.json", form: [("service_id", String(id))])
                .json["applications"]?.arrayValue?.count == 1)
            #expect(try await t.call(.PUT, "/admin/api/accounts/\(account)/applications/\(appID).json", form: [("name", "renamed")])
                .json["application"]?["name"] == "renamed")
            let resume = try await t.call(.PUT, "/admin/api/accounts/\(account)/applications/\(appID)/resume.json")
            #expect(resume.status == 422)
            #expect(resume.json["error"]?["from"] == "live")
            #expect(resume.json["error"]?["event"] == "resume")
            #expect(resume.json["error"]?["error"] == #"State cannot transition via "resume""#)
            #expect(resume.json["error"]?["object"]?["application"]?["id"]?.doubleValue == Double(appID))

            #expect(try await t.call(.DELETE, "/admin/api/accounts/\(account)/service_subscriptions/\(subscriptionID).json").status == 403)
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id)/application_plans/\(plan).json").status == 403)
            #expect(try await t.call(.DELETE, "/admin/api/accounts/\(account)/applications/\(appID).json").status == 200)
            #expect(try await t.call(.GET, "/admin/api/accounts/\(account)/applications/\(appID).json").status == 404)
            #expect(try await t.call(.DELETE, "/admin/api/accounts/\(account)/service_subscriptions/\(subscriptionID).json").status == 200)
        }
    }

    @Test func activeDocs() async throws {
        try await TestSandbox.with { t in
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let spec = #"{"openapi":"3.0.0","info":{"title":"x","version":"1"},"paths":{}}"#
            let created = try await t.call(.POST, "/admin/api/active_docs.json", form: [
                ("name", "test"), ("body", spec), ("service_id", String(id)), ("published", "true"),
            ])
            #expect(created.status == 201)
            #expect(created.json["api_doc"]?["system_name"] == "test")
            #expect(created.json["api_doc"]?["published"] == true)
            #expect(created.json["api_doc"]?["body"] == .string(spec))
            let docID = try #require(created.json["api_doc"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/active_docs.json", form: [("name", "bad"), ("body", "{nope")]).json
                == ["errors": ["body": ["Invalid JSON"]]])
            #expect(try await t.call(.POST, "/admin/api/active_docs.json", form: [("name", "bad"), ("body", "{}")]).json
                == ["errors": ["body": ["JSON Spec is invalid"]]])
            #expect(try await t.call(.POST, "/admin/api/active_docs.json",
                                     form: [("name", "bad"), ("body", spec), ("service_id", "999")]).json
                == ["error": "Service not found"])
            #expect(try await t.call(.PUT, "/admin/api/active_docs/\(docID).json",
                                     form: [("api_docs_service[description]", "d")]).json["api_doc"]?["description"] == "d")
            #expect(try await t.call(.GET, "/admin/api/active_docs.json").json["api_docs"]?.arrayValue?.count == 1)
            #expect(try await t.call(.DELETE, "/admin/api/active_docs/\(docID).json").status == 200)
            #expect(try await t.call(.GET, "/admin/api/active_docs/\(docID).json").json == ["status": "Not found"])
        }
    }
}
