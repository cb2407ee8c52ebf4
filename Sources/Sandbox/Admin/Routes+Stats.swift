import Foundation
import Untrusted

/// `/stats/…`: the Analytics API (porta `Stats::Data::ServicesController`,
/// `ApplicationsController`, `Stats::Views::Usage`, `Stats::Service#top_clients`) over the
/// hourly counters the gateway keeps (`TrafficLedger`). Access tokens need the `stats` scope.
enum StatsRoutes {
    static let usageParameters = ["metric_name", "since", "period", "until", "granularity", "timezone", "skip_change"]

    static let all: [AdminRoute] = [
        AdminRoute(.get, "/stats/services/{id}/usage.json", usageParameters, scope: "stats") { txn, input throws(AdminAPIFailure) in
            let service = try service(txn, input)
            let apps = Set(txn.state.applications.filter { $0.serviceID == service.id }.map(\.id))
            return .ok(.object(try usage(txn, input, service: service, applications: apps)))
        },
        AdminRoute(.get, "/stats/applications/{id}/usage.json", usageParameters, scope: "stats") { txn, input throws(AdminAPIFailure) in
            guard let id = input.path["id"].flatMap({ Int($0) }),
                  let app = txn.state.applications.first(where: { $0.id == id }),
                  let service = txn.state.services.first(where: { $0.id == app.serviceID })
            else { throw .message(404, "Application not found") }
            var result = try usage(txn, input, service: service, applications: [app.id])
            result["application"] = applicationJSON(txn, app)
            return .ok(.object(result))
        },
        AdminRoute(.get, "/stats/services/{id}/top_applications.json", ["since", "period", "metric_name"],
                   undocumented: ["timezone"], scope: "stats") { txn, input throws(AdminAPIFailure) in
            .ok(try top(txn, input))
        },
    ]

    /// `Stats::Service#top_clients`: the product's applications by `metric_name` over the
    /// period that holds `since`, at most 10, leaving out those without traffic.
    private static func top(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> JSONValue {
        let service = try service(txn, input)
        let params = input.flat
        // Rails' `permitted_params.require(%i[metric_name period since])`, in that order.
        for name in ["metric_name", "period", "since"] where try params.text(name) == nil { throw .parameterMissing(name) }
        let query = try StatsQuery.top(params, now: now(txn))
        let metric = try metric(txn, service: service, name: try params.text("metric_name") ?? "")
        let apps = txn.state.applications.filter { $0.serviceID == service.id }
        let totals = txn.state.traffic.totals(metric: metric.id, applications: Set(apps.map(\.id)), hours: query.hours)
        var ranked: [(app: Application, value: Int)] = apps.compactMap { app in totals[app.id].map { (app, $0) } }
        ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.app.id < $1.app.id }
        let listed: [JSONValue] = ranked.prefix(10).map { topJSON(txn, $0.app, value: $0.value) }
        let period: JSONValue = [
            "name": .string(query.period ?? ""), "since": .string(StatsQuery.timestamp(query.since)),
            "until": .string(StatsQuery.timestamp(query.until)),
        ]
        return ["applications": .array(listed), "metric": metricDetail(metric), "period": period]
    }

    private static func service(_ txn: Transaction, _ input: AdminInput) throws(AdminAPIFailure) -> Service {
        guard let id = input.path["id"].flatMap({ Int($0) }), let service = txn.state.services.first(where: { $0.id == id })
        else { throw .message(404, "Service not found") }
        return service
    }

    private static func now(_ txn: Transaction) -> Date {
        ISO8601DateFormatter().date(from: txn.now) ?? Date()
    }

    /// `Stats::Views::Usage#usage`: the metric, the period, the values per granule and
    /// their total; with `skip_change=false` also the previous period's total and the change.
    private static func usage(_ txn: Transaction, _ input: AdminInput, service: Service, applications: Set<Int>)
        throws(AdminAPIFailure) -> [String: JSONValue]
    {
        let params = input.flat
        guard let name = try params.text("metric_name") else { throw .parameterMissing("metric_name") }
        let query = try StatsQuery.usage(params, now: now(txn))
        let metric = try metric(txn, service: service, name: name)
        let values = txn.state.traffic.values(metric: metric.id, applications: applications, buckets: query.buckets)
        let total = values.reduce(0) { $0.addingSaturated($1) }
        var result: [String: JSONValue] = [
            "metric": metricDetail(metric),
            "period": [
                "name": query.period.map(JSONValue.string) ?? .null,
                "since": .string(StatsQuery.timestamp(query.since)), "until": .string(StatsQuery.timestamp(query.until)),
                "timezone": "Etc/UTC", "granularity": query.granularity.json,
            ],
            "total": .int(total),
            "values": .array(values.map(JSONValue.int)),
        ]
        let skipChange = (try? params.string("skip_change")) != "false"
        if !skipChange, query.period != "eternity" {
            let previous = txn.state.traffic.values(metric: metric.id, applications: applications, buckets: query.previousBuckets)
                .reduce(0) { $0.addingSaturated($1) }
            result["previous_total"] = .int(previous)
            result["change"] = .double(change(from: previous, to: total))
        }
        return result
    }

    /// porta's `percentage_change_from`.
    static func change(from previous: Int, to total: Int) -> Double {
        let difference = Double(total) - Double(previous)
        if difference == 0 { return 0 }
        if previous == 0 { return 100 }
        return difference / Double(previous) * 100
    }

    /// A metric of the product or of one of its backends (`Service#all_metrics`), by system name.
    private static func metric(_ txn: Transaction, service: Service, name: String) throws(AdminAPIFailure) -> Metric {
        let backends = Set(txn.state.backendUsages.filter { $0.serviceID == service.id }.map(\.backendID))
        let own = txn.state.metrics.first { $0.owner == .service && $0.ownerID == service.id && $0.systemName == name }
        let fromBackend = txn.state.metrics.first {
            $0.owner == .backend && backends.contains($0.ownerID) && ($0.systemName == name || "\($0.systemName).\($0.ownerID)" == name)
        }
        guard let metric = own ?? fromBackend else { throw .message(400, "metric \(name) not found") }
        return metric
    }

    private static func metricDetail(_ metric: Metric) -> JSONValue {
        ["id": .int(metric.id), "name": .string(metric.friendlyName), "system_name": .string(metric.systemName),
         "unit": .string(metric.unit)]
    }

    private static func applicationJSON(_ txn: Transaction, _ app: Application) -> JSONValue {
        let account = txn.state.accounts.first { $0.id == app.accountID }
        let plan = txn.state.applicationPlans.first { $0.id == app.planID }
        return [
            "id": .int(app.id), "name": app.name.map(JSONValue.string) ?? .null, "state": .string(app.state),
            "link": .string("/p/admin/applications/\(app.id)"),
            "description": app.description.map(JSONValue.string) ?? .null,
            "plan": ["id": .int(app.planID), "name": plan.map { .string($0.name) } ?? .null],
            "account": [
                "id": .int(app.accountID), "name": account.map { .string($0.orgName) } ?? .null,
                "link": .string("/buyers/accounts/\(app.accountID)"),
            ],
            "service": ["id": .int(app.serviceID)],
        ]
    }

    private static func topJSON(_ txn: Transaction, _ app: Application, value: Int) -> JSONValue {
        let account = txn.state.accounts.first { $0.id == app.accountID }
        let plan = txn.state.applicationPlans.first { $0.id == app.planID }
        return [
            "name": app.name.map(JSONValue.string) ?? .null, "id": .int(app.id), "value": .int(value),
            "account": ["id": .int(app.accountID), "name": account.map { .string($0.orgName) } ?? .null],
            "plan": ["id": .int(app.planID), "name": plan.map { .string($0.name) } ?? .null],
            "service": ["id": .int(app.serviceID)],
        ]
    }
}
