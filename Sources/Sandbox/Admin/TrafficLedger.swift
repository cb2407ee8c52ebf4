import Foundation

/// Authorised hits per application, metric and UTC hour: what the analytics endpoints
/// (`/stats/…`) serve, kept in the state file so that usage survives a restart. Days,
/// months and eternity are sums of hours, as porta's storage resums hours.
///
/// Bounded: at most `capacity` hourly buckets (one per application, metric and hour that
/// saw traffic). Past it the oldest hours are dropped first, down to 90% of the capacity,
/// so a long-running sandbox keeps its most recent traffic and the state file stays small.
struct TrafficLedger: Sendable, Equatable {
    static let capacity = 20_000

    struct Key: Hashable, Sendable {
        var application: Int
        var metric: Int
        /// Whole hours since 1970-01-01T00:00:00Z.
        var hour: Int
    }

    private(set) var counts: [Key: Int] = [:]

    static func hour(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 3600).rounded(.down))
    }

    static func date(ofHour hour: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(hour) * 3600)
    }

    mutating func add(_ delta: Int, application: Int, metric: Int, at date: Date) {
        guard delta > 0 else { return }
        let key = Key(application: application, metric: metric, hour: Self.hour(of: date))
        counts[key] = counts[key, default: 0].addingSaturated(delta)
        if counts.count > Self.capacity { dropOldest(keeping: Self.capacity * 9 / 10) }
    }

    /// Keeps the newest hours whose buckets fit in `limit`.
    private mutating func dropOldest(keeping limit: Int) {
        var perHour: [Int: Int] = [:]
        for key in counts.keys { perHour[key.hour, default: 0] += 1 }
        var kept = 0
        var oldestKept = Int.max
        for hour in perHour.keys.sorted(by: >) {
            guard let count = perHour[hour], kept + count <= limit else { break }
            kept += count
            oldestKept = hour
        }
        counts = counts.filter { $0.key.hour >= oldestKept }
    }

    /// The sum of `metric` over `applications` in each bucket (hour ranges, ascending and
    /// not overlapping).
    func values(metric: Int, applications: Set<Int>, buckets: [Range<Int>]) -> [Int] {
        var values = Array(repeating: 0, count: buckets.count)
        guard let first = buckets.first?.lowerBound, let last = buckets.last?.upperBound else { return values }
        for (key, count) in counts where key.metric == metric && applications.contains(key.application)
            && key.hour >= first && key.hour < last
        {
            if let index = Self.bucket(of: key.hour, in: buckets) {
                values[index] = values[index].addingSaturated(count)
            }
        }
        return values
    }

    /// Each application's sum of `metric` within `hours`.
    func totals(metric: Int, applications: Set<Int>, hours: Range<Int>) -> [Int: Int] {
        var totals: [Int: Int] = [:]
        for (key, count) in counts where key.metric == metric && applications.contains(key.application)
            && hours.contains(key.hour)
        {
            totals[key.application] = totals[key.application, default: 0].addingSaturated(count)
        }
        return totals
    }

    private static func bucket(of hour: Int, in buckets: [Range<Int>]) -> Int? {
        var low = 0
        var high = buckets.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if buckets[middle].contains(hour) { return middle }
            if hour < buckets[middle].lowerBound { high = middle - 1 } else { low = middle + 1 }
        }
        return nil
    }
}

/// In the state file: rows sorted by hour, application and metric, with the hour as a
/// timestamp (`"2026-12-05T13:00:00Z"`) so the file can be read by eye.
extension TrafficLedger: Codable {
    private struct Row: Codable {
        var applicationID: Int
        var metricID: Int
        var hour: String
        var value: Int

        enum CodingKeys: String, CodingKey {
            case applicationID = "application_id"
            case metricID = "metric_id"
            case hour, value
        }
    }

    init(from decoder: any Decoder) throws {
        let rows = try decoder.singleValueContainer().decode([Row].self)
        let formatter = ISO8601DateFormatter()
        for row in rows {
            guard let date = formatter.date(from: row.hour), row.value > 0 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a traffic row with hour \(row.hour) and value \(row.value)"))
            }
            let key = Key(application: row.applicationID, metric: row.metricID, hour: Self.hour(of: date))
            counts[key] = counts[key, default: 0].addingSaturated(row.value)
        }
        if counts.count > Self.capacity { dropOldest(keeping: Self.capacity) }
    }

    func encode(to encoder: any Encoder) throws {
        let formatter = ISO8601DateFormatter()
        let rows = counts.sorted { a, b in
            (a.key.hour, a.key.application, a.key.metric) < (b.key.hour, b.key.application, b.key.metric)
        }.map { key, value in
            Row(applicationID: key.application, metricID: key.metric, hour: formatter.string(from: Self.date(ofHour: key.hour)), value: value)
        }
        var container = encoder.singleValueContainer()
        try container.encode(rows)
    }
}
