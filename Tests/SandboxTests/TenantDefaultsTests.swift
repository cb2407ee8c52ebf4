import Foundation
@testable import Sandbox
import Testing
import Untrusted

/// A fresh sandbox is a tenant as porta's signup leaves it: a default account plan, and
/// the "API" product on the "API Backend" with a default application plan. 3scale's own
/// clients wait for both before they start.
@Suite("A fresh tenant: account plans and the default API product")
struct TenantDefaultsTests {
    @Test func theDefaultProductIsPortasFirstServiceOnItsBackend() async throws {
        try await TestSandbox.with { t in
            let services = try await t.call(.GET, "/admin/api/services.json").json["services"]?.arrayValue ?? []
            let api = try #require(services.first?["service"])
            #expect(services.count == 1)
            #expect(api["name"] == "API")
            #expect(api["system_name"] == "api")
            #expect(api["state"] == "incomplete")
            let id = try #require(api["id"]?.doubleValue).asInt

            let backends = try await t.call(.GET, "/admin/api/backend_apis.json").json["backend_apis"]?.arrayValue ?? []
            let backend = try #require(backends.first?["backend_api"])
            #expect(backends.count == 1)
            #expect(backend["name"] == "API Backend")
            #expect(backend["system_name"] == "api")
            #expect(backend["description"] == "Backend of API")
            #expect(backend["private_endpoint"] == "https://echo-api.3scale.net:443")
            let backendID = try #require(backend["id"]?.doubleValue).asInt

            let usages = try await t.call(.GET, "/admin/api/services/\(id)/backend_usages.json").json.arrayValue ?? []
            #expect(usages.count == 1)
            #expect(usages.first?["backend_usage"]?["backend_id"]?.doubleValue == Double(backendID))
            #expect(usages.first?["backend_usage"]?["path"] == "/")

            let metrics = try await t.call(.GET, "/admin/api/services/\(id)/metrics.json").json["metrics"]?.arrayValue ?? []
            #expect(metrics.map { $0["metric"]?["system_name"] } == ["hits"])
            let backendMetrics = try await t.call(.GET, "/admin/api/backend_apis/\(backendID)/metrics.json")
                .json["metrics"]?.arrayValue ?? []
            #expect(backendMetrics.map { $0["metric"]?["system_name"] } == [.string("hits.\(backendID)")])

            let plans = try await t.call(.GET, "/admin/api/services/\(id)/application_plans.json").json["plans"]?.arrayValue ?? []
            let plan = try #require(plans.first?["application_plan"])
            #expect(plans.count == 1)
            #expect(plan["name"] == "Basic")
            #expect(plan["state"] == "published")
            #expect(plan["default"] == true)

            // Its gateways listen; nothing is deployed on them yet.
            let staging = try #require(try await t.call(.GET, "/admin/api/services/\(id)/proxy.json")
                .json["proxy"]?["sandbox_endpoint"]?.stringValue)
            #expect(try await t.get(staging + "/").status == 404)
        }
    }

    @Test func theLastProductCannotBeDeleted() async throws {
        try await TestSandbox.with { t in
            let api = try #require(try await t.call(.GET, "/admin/api/services.json").json["services"]?.arrayValue?.first?["service"])
            let apiID = try #require(api["id"]?.doubleValue).asInt
            let refused = try await t.call(.DELETE, "/admin/api/services/\(apiID).json")
            #expect(refused.status == 422)
            #expect(refused.json["error"]?["error"] == #"State cannot transition via "mark as deleted""#)
            #expect(refused.json["error"]?["event"] == "mark_as_deleted")
            #expect(refused.json["error"]?["from"] == "incomplete")
            #expect(refused.json["error"]?["object"]?["service"]?["id"]?.doubleValue == Double(apiID))

            // With another product it goes; then the other one is the last.
            let other = try #require(try await t.createProduct("Other")["id"]?.doubleValue).asInt
            #expect(try await t.call(.DELETE, "/admin/api/services/\(apiID).json").status == 200)
            #expect(try await t.call(.DELETE, "/admin/api/services/\(other).json").status == 422)
            #expect(try await t.call(.GET, "/admin/api/services/\(other).json").status == 200)
        }
    }

    @Test func accountPlansListReadCreateAndDefault() async throws {
        try await TestSandbox.with { t in
            let list = try await t.call(.GET, "/admin/api/account_plans.json")
            #expect(list.status == 200)
            let plans = list.json["plans"]?.arrayValue ?? []
            let first = try #require(plans.first?["account_plan"])
            #expect(plans.count == 1)
            #expect(first["name"] == "Default")
            #expect(first["state"] == "hidden")
            #expect(first["default"] == true)
            #expect(Set(first.objectValue?.keys.map { $0 } ?? []) == [
                "id", "name", "state", "setup_fee", "cost_per_month", "trial_period_days", "cancellation_period",
                "approval_required", "default", "created_at", "updated_at",
            ])
            let firstID = try #require(first["id"]?.doubleValue).asInt
            #expect(try await t.call(.GET, "/admin/api/account_plans/\(firstID).json").json == ["account_plan": first])
            #expect(try await t.call(.GET, "/admin/api/account_plans/99999.json").status == 404)

            let created = try await t.call(.POST, "/admin/api/account_plans.json",
                                           form: [("name", "Partners"), ("state_event", "publish"), ("approval_required", "true")])
            #expect(created.status == 201)
            #expect(created.json["account_plan"]?["state"] == "published")
            #expect(created.json["account_plan"]?["approval_required"] == true)
            #expect(created.json["account_plan"]?["default"] == false)
            let createdID = try #require(created.json["account_plan"]?["id"]?.doubleValue).asInt
            let invalid = try await t.call(.POST, "/admin/api/account_plans.json", form: [("name", "x"), ("state_event", "fake")])
            #expect(invalid.json == ["errors": ["state_event": ["invalid"]]])
            #expect(try await t.call(.POST, "/admin/api/account_plans.json", form: [("approval_required", "1")]).json
                == ["errors": ["name": ["can't be blank"]]])

            let made = try await t.call(.PUT, "/admin/api/account_plans/\(createdID)/default.json")
            #expect(made.status == 200)
            #expect(made.json["account_plan"]?["default"] == true)
            let defaults = try await t.call(.GET, "/admin/api/account_plans.json").json["plans"]?.arrayValue?
                .map { $0["account_plan"]?["default"] }
            #expect(defaults == [false, true])
        }
    }

    @Test func aStateFileFromBeforeAccountPlansGetsTheDefaultOne() async throws {
        let path = LifecycleTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var state = AdminStore.freshState(now: Timestamp.now())
        state.accountPlans = nil
        for index in state.accounts.indices { state.accounts[index].defaultAccountPlanID = nil }
        try StateFile(path: path).save(state)
        try await TestSandbox.with(.init(statePath: path)) { t in
            let plans = try await t.call(.GET, "/admin/api/account_plans.json").json["plans"]?.arrayValue ?? []
            #expect(plans.map { $0["account_plan"]?["default"] } == [true])
        }
    }
}
