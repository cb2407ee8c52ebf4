#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Whose traffic a usage report counts.
public enum UsageSubject: Sendable, Equatable {
    /// Every application of the product.
    case product
    /// One application, by id or name.
    case application(String)
    /// The sum over one account's applications of the product (3scale has no account series).
    case account(ObjectRef)
}

/// Which series a usage report holds.
public enum UsageSelection: Sendable, Equatable {
    /// `hits` and every method of the product.
    case all
    /// One metric or method, by system name or id.
    case metric(String)
    /// One method, by system name or id.
    case method(String)
}

/// Usage over a time range, one series per metric or method, ready to print.
public struct UsageReport: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        /// The system name, as a resource names it.
        public var name: String
        public var isMethod: Bool
        /// One count per granule, in `UsageReport.periods` order.
        public var values: [Int]
        public var total: Int
        public var peak: Int
    }

    /// The product's system name.
    public var product: String
    /// What was counted, e.g. "application ann-app (#7)", "account acme (2 applications)".
    public var subject: String
    public var granularity: UsageGranularity
    /// The start of the first granule and the end of the last, as the server rounded them.
    public var since: Date
    public var until: Date
    /// The start of each granule.
    public var periods: [Date]
    public var series: [Series]
}

/// A product's applications ranked by a metric over a calendar period.
public struct UsageRanking: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var rank: Int
        public var id: Int
        public var name: String?
        public var account: String?
        public var plan: String?
        public var value: Int
    }

    public var product: String
    public var metric: String
    public var period: RankingPeriod
    public var since: Date
    public var until: Date
    public var entries: [Entry]
}

extension AdminClient {
    /// How many analytics calls run at once (an account's applications times the methods).
    static let usageConcurrency = 4

    /// Usage of a product (the only or last created product when none is named) over `window`.
    public func usageReport(product ref: ObjectRef?, subject: UsageSubject, selection: UsageSelection, window: UsageWindow)
        async throws(AdminError) -> UsageReport
    {
        let product = try await usageProduct(ref)
        let catalog = try await metricCatalog(of: .product(id: product.id))
        let metrics = try Self.selected(selection, in: catalog)
        let label: String
        let applications: [Int]?
        switch subject {
        case .product:
            label = "product \(product.systemName)"
            applications = nil
        case .application(let app):
            let found = try await application(app, ofProduct: .id(product.id))
            label = "application \(found.name ?? "#\(found.id)") (#\(found.id))"
            applications = [found.id]
        case .account(let account):
            let found = try await self.applications(account: account, product: .id(product.id))
            guard !found.isEmpty else {
                throw .noMatch(kind: "application", name: "of product \(product.systemName)", owner: "account \(account)", choices: [])
            }
            label = "account \(account) (\(found.count) application\(found.count == 1 ? "" : "s"))"
            applications = found.map(\.id)
        }
        let series: [UsageSeries]
        if let applications {
            let calls = metrics.flatMap { metric in applications.map { (metric: metric.systemName, app: $0) } }
            let answers = try await concurrentMap(calls, limit: Self.usageConcurrency) { call in
                try await self.applicationUsage(applicationID: call.app, metric: call.metric, window: window)
            }
            series = try stride(from: 0, to: answers.count, by: applications.count).map { start throws(AdminError) in
                try Self.sum(Array(answers[start..<(start + applications.count)]))
            }
        } else {
            series = try await concurrentMap(metrics, limit: Self.usageConcurrency) { metric in
                try await self.productUsage(productID: product.id, metric: metric.systemName, window: window)
            }
        }
        guard let first = series.first else {
            throw .noMatch(kind: "metric", name: "to report", owner: "product \(product.systemName)", choices: [])
        }
        var rows: [UsageReport.Series] = []
        for (metric, answer) in zip(metrics, series) {
            guard answer.values.count == first.values.count else {
                throw .unexpectedBody(operation: "Reading usage of product \(product.systemName)",
                                      reason: "series of different lengths for the same period")
            }
            rows.append(UsageReport.Series(
                name: catalog.owner.sanitize(metric.systemName), isMethod: catalog.methods.contains { $0.id == metric.id },
                values: answer.values, total: try Self.checkedTotal(answer.values), peak: answer.values.max() ?? 0))
        }
        return UsageReport(
            product: product.systemName, subject: label, granularity: window.granularity, since: first.period.since,
            until: first.period.until, periods: Self.periods(from: first.period.since, count: first.values.count, window.granularity),
            series: rows)
    }

    /// A product's applications ranked by `metric` (default `hits`) over the shortest calendar
    /// period (day, week, month, year, in UTC) that holds the whole window: 3scale ranks only
    /// over such periods.
    public func usageRanking(product ref: ObjectRef?, selection: UsageSelection, window: UsageWindow)
        async throws(AdminError) -> UsageRanking
    {
        let product = try await usageProduct(ref)
        var metric = "hits"
        if selection != .all {
            let catalog = try await metricCatalog(of: .product(id: product.id))
            metric = try Self.selected(selection, in: catalog)[0].systemName
        }
        let period = Self.rankingPeriod(covering: window)
        let top = try await topApplications(productID: product.id, metric: metric, period: period, since: window.since)
        return UsageRanking(
            product: product.systemName, metric: metric, period: period,
            since: top.period?.since ?? window.since, until: top.period?.until ?? window.until,
            entries: top.applications.enumerated().map { index, app in
                UsageRanking.Entry(rank: index + 1, id: app.id, name: app.name, account: app.account?.name,
                                   plan: app.plan?.name, value: app.value)
            })
    }

    /// The named product, else the tenant's only one, else its last created (3scale's
    /// default `api` product is usually the first, the one being published the last).
    func usageProduct(_ ref: ObjectRef?) async throws(AdminError) -> Service {
        if let ref { return try await product(ref) }
        guard let last = try await listProducts().max(by: { $0.id < $1.id }) else {
            throw .noDefault(kind: "product", owner: "the tenant", choices: [])
        }
        return last
    }

    static func selected(_ selection: UsageSelection, in catalog: MetricCatalog) throws(AdminError) -> [Metric] {
        switch selection {
        case .all:
            guard let hits = catalog.all.first(where: { $0.id == catalog.hitsID }) else { return catalog.methods }
            return [hits] + catalog.methods
        case .metric(let name): return [try catalog.metric(name)]
        case .method(let name): return [try catalog.method(name)]
        }
    }

    /// The granule-by-granule sum of several applications' series of one metric.
    static func sum(_ answers: [UsageSeries]) throws(AdminError) -> UsageSeries {
        guard var total = answers.first else {
            throw .unexpectedBody(operation: "Adding up usage", reason: "no series")
        }
        for answer in answers.dropFirst() {
            guard answer.values.count == total.values.count else {
                throw .unexpectedBody(operation: "Adding up usage", reason: "series of different lengths for the same period")
            }
            for index in total.values.indices {
                total.values[index] = try checkedAdd(total.values[index], answer.values[index])
            }
        }
        total.total = try checkedTotal(total.values)
        return total
    }

    static func checkedTotal(_ values: [Int]) throws(AdminError) -> Int {
        var total = 0
        for value in values { total = try checkedAdd(total, value) }
        return total
    }

    private static func checkedAdd(_ a: Int, _ b: Int) throws(AdminError) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .unexpectedBody(operation: "Adding up usage", reason: "counts too large to add up") }
        return sum
    }

    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        calendar.firstWeekday = 2  // 3scale's weeks start on Monday.
        return calendar
    }

    /// The start of each of `count` granules from `since`.
    static func periods(from since: Date, count: Int, _ granularity: UsageGranularity) -> [Date] {
        let calendar = utc
        let component: Calendar.Component = switch granularity {
        case .hour: .hour
        case .day: .day
        case .month: .month
        }
        return (0..<count).map { calendar.date(byAdding: component, value: $0, to: since) ?? since }
    }

    static func rankingPeriod(covering window: UsageWindow) -> RankingPeriod {
        let calendar = utc
        for period in RankingPeriod.allCases {
            let component: Calendar.Component = switch period {
            case .day: .day
            case .week: .weekOfYear
            case .month: .month
            case .year: .year
            }
            if let interval = calendar.dateInterval(of: component, for: window.until), interval.start <= window.since {
                return period
            }
        }
        return .year
    }
}
