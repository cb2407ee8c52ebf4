#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How finely a usage series is cut.
public enum UsageGranularity: String, Sendable, CaseIterable, Codable {
    case hour, day, month
}

/// A time range to read usage over, in UTC.
public struct UsageWindow: Sendable, Equatable {
    public var since: Date
    public var until: Date
    public var granularity: UsageGranularity

    public init(since: Date, until: Date, granularity: UsageGranularity) {
        self.since = since
        self.until = until
        self.granularity = granularity
    }
}

/// The metric an analytics answer is about.
public struct UsageMetric: Decodable, Sendable, Equatable {
    public var id: Int
    public var name: String?
    public var systemName: String
    public var unit: String?

    enum CodingKeys: String, CodingKey {
        case id, name, unit
        case systemName = "system_name"
    }
}

/// The period an analytics answer covers, as the server rounded it.
public struct UsagePeriod: Decodable, Sendable, Equatable {
    public var name: String?
    public var since: Date
    public var until: Date
    /// `hour`, `day`, `month`, `eternity`, or `21600` (six hours, for a week).
    public var granularity: String?

    enum CodingKeys: String, CodingKey {
        case name, since, until, granularity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        since = try Self.date(container, .since)
        until = try Self.date(container, .until)
        if let text = try? container.decodeIfPresent(String.self, forKey: .granularity) {
            granularity = text
        } else {
            granularity = try container.decodeIfPresent(Int.self, forKey: .granularity).map(String.init)
        }
    }

    private static func date(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an ISO 8601 time")
        }
        return date
    }
}

/// `/stats/…/usage.json`: one metric's values, one per granule of the period.
public struct UsageSeries: Decodable, Sendable, Equatable {
    public var metric: UsageMetric
    public var period: UsagePeriod
    public var total: Int
    public var values: [Int]
}

/// One line of `/stats/services/{id}/top_applications.json`.
public struct TopApplication: Decodable, Sendable, Equatable {
    public struct Named: Decodable, Sendable, Equatable {
        public var id: Int
        public var name: String?
    }

    public var id: Int
    public var name: String?
    public var value: Int
    public var account: Named?
    public var plan: Named?
}

public struct TopApplications: Decodable, Sendable, Equatable {
    public var applications: [TopApplication]
    public var metric: UsageMetric
    public var period: UsagePeriod?
}

/// The calendar periods the top-applications ranking is cut in.
public enum RankingPeriod: String, Sendable, CaseIterable {
    case day, week, month, year
}

/// The Analytics API (`/stats/…`), read with the same token as the admin API; it needs
/// the token's `stats` scope.
extension AdminClient {
    /// More granules than porta ever sends (90 days of hours) are refused, not held.
    static let maxUsageValues = 10_000
    static let maxTopApplications = 1_000

    public func productUsage(productID: Int, metric: String, window: UsageWindow) async throws(AdminError) -> UsageSeries {
        try await usage(path: "/stats/services/\(productID)/usage.json", metric: metric, window: window,
                        operation: "Reading usage of \(metric) for product #\(productID)", what: "Product #\(productID)")
    }

    public func applicationUsage(applicationID: Int, metric: String, window: UsageWindow) async throws(AdminError)
        -> UsageSeries
    {
        try await usage(path: "/stats/applications/\(applicationID)/usage.json", metric: metric, window: window,
                        operation: "Reading usage of \(metric) for application #\(applicationID)",
                        what: "Application #\(applicationID)")
    }

    /// Applications of a product ranked by `metric` over the calendar `period` that holds `since`.
    public func topApplications(productID: Int, metric: String, period: RankingPeriod, since: Date)
        async throws(AdminError) -> TopApplications
    {
        let call = Call(
            method: .GET, path: "/stats/services/\(productID)/top_applications.json",
            query: [("metric_name", metric), ("period", period.rawValue), ("since", Self.statsTime(since)), ("timezone", "UTC")],
            operation: "Ranking the applications of product #\(productID)", what: "Product #\(productID)")
        let top: TopApplications = try await analytics(call)
        guard top.applications.count <= Self.maxTopApplications else {
            throw .refusedAnswer(operation: call.operation, reason: "more than \(Self.maxTopApplications) applications")
        }
        return top
    }

    private func usage(path: String, metric: String, window: UsageWindow, operation: String, what: String)
        async throws(AdminError) -> UsageSeries
    {
        let call = Call(
            method: .GET, path: path,
            query: [
                ("metric_name", metric), ("since", Self.statsTime(window.since)), ("until", Self.statsTime(window.until)),
                ("granularity", window.granularity.rawValue), ("timezone", "UTC"), ("skip_change", "true"),
            ],
            operation: operation, what: what)
        let series: UsageSeries = try await analytics(call)
        guard series.values.count <= Self.maxUsageValues else {
            throw .refusedAnswer(operation: operation, reason: "more than \(Self.maxUsageValues) values")
        }
        guard series.values.allSatisfy({ $0 >= 0 }), series.total >= 0 else {
            throw .unexpectedBody(operation: operation, reason: "a negative count")
        }
        return series
    }

    /// A call whose answer is a bare object; a refusal for lack of the `stats` scope says so.
    private func analytics<T: Decodable>(_ call: Call) async throws(AdminError) -> T {
        let body: [UInt8]
        do {
            body = try await send(call)
        } catch .insufficientPermissions {
            throw .forbidden(operation: call.operation, reasons: [
                "the access token lacks the Analytics API (stats) scope; create a token with it in the admin portal and run `admin login` again",
            ])
        }
        do {
            return try Envelope.decode(T.self, from: body)
        } catch {
            throw Envelope.failure(error, operation: call.operation, body: body)
        }
    }

    /// porta's `YYYY-MM-DD HH:MM:SS`, in UTC.
    static func statsTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        let year = String(c.year ?? 1970)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(c.month))-\(two(c.day)) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }
}
