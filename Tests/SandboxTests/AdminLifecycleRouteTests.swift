import Foundation
@testable import Sandbox
import Testing

/// An application's plan change and a developer user's state and role, as porta answers them.
@Suite("Admin API: change_plan, user state and role")
struct AdminLifecycleRouteTests {
    @Test func changePlanMovesTheApplicationAndTheGatewayAppliesTheNewLimits() async throws {
        try await TestSandbox.with { t in
            let chat = try await t.publishedProduct("Chat", rules: [("GET", "/v1/models", "models")])
            let other = try await t.publishedProduct("Other", rules: [("GET", "/v1/models", "models")])
            let gold = try await t.call(.POST, "/admin/api/services/\(chat.id)/application_plans.json", form: [("name", "Gold")])
            let goldID = try #require(gold.json["application_plan"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/application_plans/\(goldID)/metrics/\(chat.hitsID)/limits.json",
                                     form: [("period", "eternity"), ("value", "1")]).status == 201)
            let account = t.sandbox.endpoints.developerAccountID
            let app = try #require(try await t.call(.GET, "/admin/api/applications/find.json", form: [("user_key", chat.userKey)])
                .json["application"]?["id"]?.doubleValue).asInt
            let path = "/admin/api/accounts/\(account)/applications/\(app)/change_plan.json"

            // Another product's plan: the application's same_service validation; no such plan: 404.
            let foreign = try await t.call(.PUT, path, form: [("plan_id", String(other.planID))])
            #expect(foreign.status == 422)
            #expect(foreign.json == ["errors": ["plan": ["not allowed in this context"]]])
            #expect(try await t.call(.PUT, path, form: [("plan_id", "999999")]).status == 404)

            let changed = try await t.call(.PUT, path, form: [("plan_id", String(goldID))])
            #expect(changed.status == 200)
            #expect(changed.json["application_plan"]?["id"]?.doubleValue == Double(goldID))
            #expect(try await t.call(.GET, "/admin/api/accounts/\(account)/applications/\(app).json")
                .json["application"]?["plan_id"]?.doubleValue == Double(goldID))

            // Gold allows one call ever (eternity: no window boundary to straddle); the next is 429 at once.
            let auth = [("Authorization", "Bearer \(chat.userKey)")]
            #expect(try await t.get(chat.production + "/v1/models", headers: auth).status == 200)
            #expect(try await t.get(chat.production + "/v1/models", headers: auth).status == 429)
            // Back on the plan without limits.
            #expect(try await t.call(.PUT, path, form: [("plan_id", String(chat.planID))]).status == 200)
            #expect(try await t.get(chat.production + "/v1/models", headers: auth).status == 200)
        }
    }

    @Test func aSuspendedApplicationGetsTheProductsAuthFailedAnswerUntilResumed() async throws {
        try await TestSandbox.with { t in
            let chat = try await t.publishedProduct("Chat", rules: [("GET", "/v1/models", "models")], promote: false)
            #expect(try await t.call(.PUT, "/admin/api/services/\(chat.id)/proxy.json",
                                     form: [("error_auth_failed", "Key suspended: ask the MaaS team")]).status == 200)
            #expect(try await t.call(.POST, "/admin/api/services/\(chat.id)/proxy/deploy.json").status == 201)
            let account = t.sandbox.endpoints.developerAccountID
            let app = try #require(try await t.call(.GET, "/admin/api/applications/find.json", form: [("user_key", chat.userKey)])
                .json["application"]?["id"]?.doubleValue).asInt
            let auth = [("Authorization", "Bearer \(chat.userKey)")]
            #expect(try await t.get(chat.staging + "/v1/models", headers: auth).status == 200)
            #expect(try await t.call(.PUT, "/admin/api/accounts/\(account)/applications/\(app)/suspend.json").status == 200)
            let refused = try await t.get(chat.staging + "/v1/models", headers: auth)
            #expect(refused.status == 403 && refused.text == "Key suspended: ask the MaaS team", "\(refused.status) \(refused.text)")
            #expect(try await t.call(.PUT, "/admin/api/accounts/\(account)/applications/\(app)/resume.json").status == 200)
            #expect(try await t.get(chat.staging + "/v1/models", headers: auth).status == 200)
        }
    }

    @Test func userStateAndRoleEvents() async throws {
        try await TestSandbox.with { t in
            let signup = try await t.call(.POST, "/admin/api/signup.json", form: [("org_name", "Acme"), ("username", "alice")])
            let acme = try #require(signup.json["account"]?["id"]?.doubleValue).asInt
            let created = try await t.call(.POST, "/admin/api/accounts/\(acme)/users.json",
                                           form: [("username", "bob"), ("email", "bob@example.com")])
            let bob = try #require(created.json["user"]?["id"]?.doubleValue).asInt
            func event(_ name: String) async throws -> TestSandbox.Reply {
                try await t.call(.PUT, "/admin/api/accounts/\(acme)/users/\(bob)/\(name).json")
            }
            // A pending user cannot be suspended (suspend! raises: porta's transition error).
            let early = try await event("suspend")
            #expect(early.status == 422)
            #expect(early.json["error"]?["from"] == "pending" && early.json["error"]?["event"] == "suspend")
            #expect(try await event("activate").json["user"]?["state"] == "active")
            #expect(try await event("activate").json["user"]?["state"] == "active")
            #expect(try await event("suspend").json["user"]?["state"] == "suspended")
            #expect(try await event("suspend").json["user"]?["state"] == "suspended")
            #expect(try await event("unsuspend").json["user"]?["state"] == "active")
            let again = try await event("unsuspend")
            #expect(again.status == 422 && again.json == ["errors": ["state": [#"cannot transition via "unsuspend""#]]])
            #expect(try await event("admin").json["user"]?["role"] == "admin")
            #expect(try await event("member").json["user"]?["role"] == "member")
            #expect(try await t.call(.PUT, "/admin/api/accounts/\(acme)/users/999999/admin.json").status == 404)
        }
    }
}
