import Foundation
@testable import Sandbox
import Testing
import Untrusted

/// The analytics counters (`TrafficLedger`), the `/stats/…` endpoints' shapes, parameters and
/// errors as porta gives them, and the counters across a restart.
@Suite("Analytics: counters and /stats endpoints")
struct StatsTests {
    static func at(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    static func hour(_ text: String) throws -> Int {
        TrafficLedger.hour(of: try at(text))
    }

    @Test func countersAreKeptPerApplicationMetricAndHour() throws {
        var ledger = TrafficLedger()
        ledger.add(2, application: 1, metric: 10, at: try Self.at("2026-03-01T10:05:00Z"))
        ledger.add(3, application: 1, metric: 10, at: try Self.at("2026-03-01T10:59:59Z"))
        ledger.add(5, application: 1, metric: 10, at: try Self.at("2026-03-01T11:00:00Z"))
        ledger.add(7, application: 2, metric: 10, at: try Self.at("2026-03-01T11:30:00Z"))
        ledger.add(1, application: 1, metric: 11, at: try Self.at("2026-03-01T11:30:00Z"))
        let ten = try Self.hour("2026-03-01T10:00:00Z")
        let hours = [ten..<(ten + 1), (ten + 1)..<(ten + 2), (ten + 2)..<(ten + 3)]
        #expect(ledger.values(metric: 10, applications: [1], buckets: hours) == [5, 5, 0])
        #expect(ledger.values(metric: 10, applications: [1, 2], buckets: hours) == [5, 12, 0])
        #expect(ledger.values(metric: 10, applications: [1, 2], buckets: [ten..<(ten + 24)]) == [17])
        #expect(ledger.totals(metric: 10, applications: [1, 2], hours: ten..<(ten + 1)) == [1: 5])
        #expect(ledger.counts.count == 4)
    }

    @Test func pastTheCapacityTheOldestHoursAreDropped() throws {
        var ledger = TrafficLedger()
        let start = try Self.at("2026-01-01T00:00:00Z")
        for hour in 0...TrafficLedger.capacity {
            ledger.add(1, application: 1, metric: 1, at: start.addingTimeInterval(TimeInterval(hour) * 3600))
        }
        #expect(ledger.counts.count <= TrafficLedger.capacity)
        let first = TrafficLedger.hour(of: start)
        let newest = first + TrafficLedger.capacity
        #expect(ledger.counts.keys.map(\.hour).max() == newest)
        #expect(!ledger.counts.keys.contains { $0.hour == first })
    }

    @Test func theRangeIsReadAsPortaReadsIt() throws {
        let now = try Self.at("2026-03-10T15:20:00Z")
        let day = try StatsQuery.usage(Params(["period": "day", "since": "2026-03-01"]), now: now)
        #expect(day.buckets.count == 24)
        #expect(day.granularity == .hour)
        #expect(StatsQuery.timestamp(day.until) == "2026-03-01T23:59:59Z")
        // One day back from now, rounded out to whole hours.
        #expect(try StatsQuery.usage(Params(["period": "day"]), now: now).buckets.count == 25)
        let month = try StatsQuery.usage(Params(["granularity": "day", "since": "2026-02-01", "until": "2026-02-28 12:00"]), now: now)
        #expect(month.buckets.count == 28)
        #expect(try StatsQuery.usage(Params(["period": "year", "since": "2026-01-01"]), now: now).buckets.count == 12)
        let top = try StatsQuery.top(Params(["period": "week", "since": "2026-03-11 10:00:00"]), now: now)
        #expect(StatsQuery.timestamp(top.since) == "2026-03-09T00:00:00Z")  // a Monday
        #expect(top.hours.count == 7 * 24)

        func refusal(_ params: [String: JSONValue]) -> String? {
            do {
                _ = try StatsQuery.usage(Params(params), now: now)
                return nil
            } catch {
                if case .json(let body) = error.response.body { return body["error"]?.stringValue }
                if case .text(let text) = error.response.body { return text }
                return "?"
            }
        }
        #expect(refusal(["granularity": "hour", "since": "2026-01-01", "until": "2026-04-01"])
            == "Time range for the granularity must be less than 90 days")
        #expect(refusal(["granularity": "hour", "since": "2026-01-01", "until": "2026-03-31"]) == nil)
        #expect(refusal(["period": "fortnight"]) == #"Period must be one of ["eternity", "year", "month", "week", "day"] not "fortnight""#)
        #expect(refusal(["period": "day", "since": "201501-01"]) == "Date parameters should have valid date/time format.")
        #expect(refusal(["period": "day", "since": "2026-02-30"]) == "Date parameters should have valid date/time format.")
        #expect(refusal(["period": "month", "granularity": "eternity"]) == "Granularity 'eternity' is only supported for period 'eternity'")
        #expect(refusal(["granularity": "hour"]) == "Required parameter missing: since")
        #expect(refusal(["period": "day", "timezone": "Madrid"])?.contains("UTC") == true)
        #expect(refusal(["period": "day", "timezone": "UTC"]) == nil)
    }

    /// `count` calls with `key` through the product's production gateway.
    static func traffic(_ t: TestSandbox, _ product: TestSandbox.Product, key: String, count: Int) async throws {
        for _ in 0..<count {
            let reply = try await t.get(product.production + "/v1/models", headers: [("Authorization", key)])
            try #require(reply.status == 200, "\(reply.text)")
        }
    }

    @Test func theEndpointsServeWhatTheGatewayCounted() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("Stats", rules: [("GET", "/v1/models", "models")])
            let account = t.sandbox.endpoints.developerAccountID
            let second = try await t.call(.POST, "/admin/api/accounts/\(account)/applications.json",
                                          form: [("plan_id", String(product.planID)), ("name", "second")])
            let secondKey = try #require(second.json["application"]?["user_key"]?.stringValue)
            let secondID = try #require(second.json["application"]?["id"]?.doubleValue).asInt
            try await Self.traffic(t, product, key: product.userKey, count: 3)
            try await Self.traffic(t, product, key: secondKey, count: 2)

            let usage = try await t.call(.GET, "/stats/services/\(product.id)/usage.json",
                                         form: [("metric_name", "models"), ("period", "day")])
            #expect(usage.status == 200, "\(usage.text)")
            #expect(usage.json["total"]?.doubleValue == 5)
            #expect(usage.json["values"]?.arrayValue?.count == 25)
            #expect(usage.json["values"]?.arrayValue?.last?.doubleValue == 5)
            #expect(usage.json["metric"]?["system_name"]?.stringValue == "models")
            #expect(usage.json["metric"]?["id"]?.doubleValue.map(Int.init) == product.methods["models"])
            #expect(usage.json["period"]?["timezone"]?.stringValue == "Etc/UTC")
            #expect(usage.json["period"]?["granularity"]?.stringValue == "hour")
            #expect(usage.json["period"]?["name"]?.stringValue == "day")
            #expect(usage.json["change"] == nil)
            // Methods count towards hits, their parent.
            let hits = try await t.call(.GET, "/stats/services/\(product.id)/usage.json",
                                        form: [("metric_name", "hits"), ("period", "day"), ("skip_change", "false")])
            #expect(hits.json["total"]?.doubleValue == 5)
            #expect(hits.json["previous_total"]?.doubleValue == 0)
            #expect(hits.json["change"]?.doubleValue == 100)

            let today = StatsQuery.timestamp(Date()).prefix(10)
            let app = try await t.call(.GET, "/stats/applications/\(secondID)/usage.json", form: [
                ("metric_name", "hits"), ("granularity", "day"), ("since", String(today)), ("until", String(today) + " 23:59:59"),
                ("timezone", "UTC"),
            ])
            #expect(app.status == 200, "\(app.text)")
            #expect(app.json["values"]?.arrayValue?.compactMap(\.doubleValue) == [2])
            #expect(app.json["application"]?["name"]?.stringValue == "second")
            #expect(app.json["application"]?["account"]?["name"]?.stringValue == "user1")
            #expect(app.json["application"]?["plan"]?["name"]?.stringValue == "Standard Plan")

            let top = try await t.call(.GET, "/stats/services/\(product.id)/top_applications.json",
                                       form: [("metric_name", "hits"), ("period", "day"), ("since", String(today))])
            #expect(top.status == 200, "\(top.text)")
            let ranked = top.json["applications"]?.arrayValue ?? []
            #expect(ranked.compactMap { $0["name"]?.stringValue } == ["Stats app", "second"])
            #expect(ranked.compactMap { $0["value"]?.doubleValue } == [3, 2])
            #expect(top.json["period"]?["since"]?.stringValue == String(today) + "T00:00:00Z")
        }
    }

    @Test func errorsAreTheOnesPortaGives() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("Errors", rules: [("GET", "/v1/models", "models")])
            let path = "/stats/services/\(product.id)/usage.json"
            let unknown = try await t.call(.GET, path, form: [("metric_name", "xxxx"), ("period", "day")])
            #expect(unknown.status == 400)
            #expect(unknown.text == #"{"error":"metric xxxx not found"}"#)
            let missing = try await t.call(.GET, path, form: [("period", "day")])
            #expect(missing.status == 400)
            #expect(missing.text == "Required parameter missing: metric_name")
            let badDate = try await t.call(.GET, path, form: [("metric_name", "hits"), ("period", "day"), ("since", "yesterday")])
            #expect(badDate.status == 400)
            #expect(badDate.json["error"]?.stringValue == "Date parameters should have valid date/time format.")
            let service = try await t.call(.GET, "/stats/services/999/usage.json", form: [("metric_name", "hits"), ("period", "day")])
            #expect(service.status == 404)
            #expect(service.text == #"{"error":"Service not found"}"#)
            let app = try await t.call(.GET, "/stats/applications/XXX/usage.json", form: [("metric_name", "hits"), ("period", "day")])
            #expect(app.status == 404)
            #expect(app.text == #"{"error":"Application not found"}"#)
            for dropped in ["metric_name", "period", "since"] {
                let form = [("metric_name", "hits"), ("period", "day"), ("since", "2026-01-01")].filter { $0.0 != dropped }
                let top = try await t.call(.GET, "/stats/services/\(product.id)/top_applications.json", form: form)
                #expect(top.status == 400)
                #expect(top.text == "Required parameter missing: \(dropped)")
            }
            let anonymous = try await t.call(.GET, path, form: [("metric_name", "hits"), ("period", "day")], token: .some(nil))
            #expect(anonymous.status == 403)
        }
    }

    @Test func countersSurviveARestartFromTheStateFile() async throws {
        let path = StateTests.temporaryPath()
        defer { StateTests.removeState(path) }
        var product: TestSandbox.Product?
        try await TestSandbox.with(.init(statePath: path)) { t in
            let made = try await t.publishedProduct("Kept", rules: [("GET", "/v1/models", "models")])
            try await Self.traffic(t, made, key: made.userKey, count: 4)
            product = made
        }
        let kept = try #require(product)
        try await TestSandbox.with(.init(statePath: path)) { t in
            let usage = try await t.call(.GET, "/stats/services/\(kept.id)/usage.json",
                                         form: [("metric_name", "hits"), ("period", "day")])
            #expect(usage.json["total"]?.doubleValue == 4, "\(usage.text)")
        }
    }

    @Test func aTokenWithoutTheStatsScopeIsRefused() async throws {
        let path = StateTests.temporaryPath()
        defer { StateTests.removeState(path) }
        var state = AdminStore.freshState(now: "2026-01-01T00:00:00Z")
        state.accessTokens[0].scopes = ["account_management"]
        try StateFile(path: path).save(state)
        try await TestSandbox.with(.init(statePath: path)) { t in
            #expect(try await t.call(.GET, "/admin/api/services.json").status == 200)
            let service = try #require(try await t.call(.GET, "/admin/api/services.json").json["services"]?.arrayValue?.first?["service"]?["id"]?.doubleValue).asInt
            let refused = try await t.call(.GET, "/stats/services/\(service)/usage.json", form: [("metric_name", "hits"), ("period", "day")])
            #expect(refused.status == 403)
            #expect(refused.json["error"]?.stringValue == "Your access token does not have the correct permissions")
        }
    }

    @Test func aStateFileWithoutCountersLoads() throws {
        var state = AdminStore.freshState(now: "2026-01-01T00:00:00Z")
        state.traffic.add(3, application: 1, metric: 1, at: try Self.at("2026-01-01T10:00:00Z"))
        let saved = try JSONEncoder().encode(state)
        #expect(String(decoding: saved, as: UTF8.self).contains(#""hour":"2026-01-01T10:00:00Z""#))
        #expect(try StateFile.decode(saved).traffic == state.traffic)
        guard case .object(var fields) = try JSONValue.parse(saved) else { throw StatsTestFailure() }
        fields["traffic"] = nil
        let older = try StateFile.decode(JSONValue.object(fields).encoded())
        #expect(older.traffic.counts.isEmpty)
        #expect(older.accounts == state.accounts)
    }
}

struct StatsTestFailure: Error {}
