import Foundation
import Untrusted

/// The time range of an analytics request, read as porta reads it (`Stats::Views::Usage`):
/// a `period` from `since` (default: one period back from now), or `since`..`until` with a
/// `granularity`; rounded out to whole granules; no longer than porta allows per granularity.
/// Times are UTC: the sandbox keeps no other time zone.
struct StatsQuery: Sendable, Equatable {
    enum Granularity: String, Sendable {
        case hour, sixHours = "21600", day, month, eternity

        /// As porta renders it: a name, or 21600 for the week's six-hour granules.
        var json: JSONValue { self == .sixHours ? .int(21600) : .string(rawValue) }
    }

    var period: String?
    var since: Date
    /// The last second of the range.
    var until: Date
    var granularity: Granularity
    /// Each granule as a range of hours (see `TrafficLedger.hour(of:)`).
    var buckets: [Range<Int>]

    static let periods = ["eternity", "year", "month", "week", "day"]
    static let utcNames: Set<String> = ["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/Universal", "Universal", "Zulu"]

    /// porta's `GRANULARITIES`: a period's granules.
    static func defaultGranularity(of period: String) -> Granularity {
        switch period {
        case "eternity": .eternity
        case "year": .month
        case "month": .day
        case "week": .sixHours
        default: .hour
        }
    }

    /// `usage.json`'s parameters. A missing `metric_name` is the route's to refuse first.
    static func usage(_ params: Params, now: Date) throws(AdminAPIFailure) -> StatsQuery {
        let period = try params.text("period")
        let granularityText = try params.text("granularity")
        if granularityText == "eternity" && period != "eternity" {
            throw .message(400, "Granularity 'eternity' is only supported for period 'eternity'")
        }
        if period == nil {
            // Rails' `permitted_params.require([:granularity, :since])`.
            guard granularityText != nil else { throw .parameterMissing("granularity") }
            guard try params.text("since") != nil else { throw .parameterMissing("since") }
        }
        try checkTimezone(params)
        guard let period else {
            guard let text = granularityText, let granularity = Granularity(rawValue: text), granularity != .sixHours else {
                throw .message(400, "Granularity must be one of [:eternity, :month, :day, 6 hours, :hour], not \(granularityText ?? "")")
            }
            guard let sinceText = try params.text("since"), let untilText = try params.text("until") else {
                throw .message(400, "You need to specify either 'range' or 'since' and 'until'")
            }
            return try rounded(period: nil, since: try date(sinceText), until: try date(untilText), granularity)
        }
        return try periodic(period, granularityText: granularityText, sinceText: try params.text("since"), now: now)
    }

    /// `top_applications.json`'s: `period` and `since` (the start of the period that holds it).
    static func top(_ params: Params, now: Date) throws(AdminAPIFailure) -> StatsQuery {
        guard let period = try params.text("period") else { throw .parameterMissing("period") }
        guard let sinceText = try params.text("since") else { throw .parameterMissing("since") }
        try checkTimezone(params)
        guard period != "eternity" else { return try periodic(period, granularityText: nil, sinceText: nil, now: now) }
        guard periods.contains(period) else { throw periodRefused(period) }
        let start = try start(of: period, containing: try date(sinceText))
        return try periodic(period, granularityText: nil, sinceText: nil, start: start, now: now)
    }

    private static func periodic(
        _ period: String, granularityText: String?, sinceText: String?, start: Date? = nil, now: Date
    ) throws(AdminAPIFailure) -> StatsQuery {
        guard periods.contains(period) else { throw periodRefused(period) }
        var granularity = defaultGranularity(of: period)
        if let granularityText {
            guard let chosen = Granularity(rawValue: granularityText) else {
                throw .message(400, "Granularity must be one of [:eternity, :month, :day, 6 hours, :hour], not \(granularityText)")
            }
            granularity = chosen
        }
        if period == "eternity" {
            guard granularity == .eternity else {
                throw .message(400, "Only 'eternity' granularity is supported for period 'eternity'")
            }
            let until = (calendar.dateInterval(of: .day, for: now)?.end ?? now).addingTimeInterval(-1)
            let hours = 0..<(TrafficLedger.hour(of: until) + 1)
            return StatsQuery(period: period, since: Date(timeIntervalSince1970: 0), until: until, granularity: .eternity,
                              buckets: [hours])
        }
        let length = self.length(of: period)
        let since: Date
        if let start {
            since = start
        } else if let sinceText {
            since = try date(sinceText)
        } else {
            since = calendar.date(byAdding: length, value: -1, to: now) ?? now
        }
        // porta: `(since + length - 1.second).end_of_minute`.
        let end = (calendar.date(byAdding: length, value: 1, to: since) ?? since).addingTimeInterval(-1)
        let until = (calendar.dateInterval(of: .minute, for: end)?.end ?? end).addingTimeInterval(-1)
        return try rounded(period: period, since: since, until: until, granularity)
    }

    /// Out to whole granules, then split into them; refused when longer than porta allows.
    private static func rounded(period: String?, since: Date, until: Date, _ granularity: Granularity)
        throws(AdminAPIFailure) -> StatsQuery
    {
        let unit = unit(of: granularity)
        let start = floor(since, to: granularity)
        let end = (calendar.dateInterval(of: unit, for: until)?.end ?? until)
        if let (limit, words) = allowedLength(of: granularity),
           let longest = calendar.date(byAdding: limit, to: start), end.addingTimeInterval(-1) > longest {
            throw .message(400, "Time range for the granularity must be less than \(words)")
        }
        var buckets: [Range<Int>] = []
        var cursor = start
        while cursor < end {
            let next = step(cursor, granularity)
            buckets.append(TrafficLedger.hour(of: cursor)..<TrafficLedger.hour(of: next))
            cursor = next
        }
        return StatsQuery(period: period, since: start, until: end.addingTimeInterval(-1), granularity: granularity,
                          buckets: buckets)
    }

    /// The same number of granules just before these (porta's `range.previous`), for `change`.
    var previousBuckets: [Range<Int>] {
        guard let first = buckets.first?.lowerBound, let last = buckets.last?.upperBound else { return [] }
        let span = last - first
        return buckets.map { ($0.lowerBound - span)..<($0.upperBound - span) }
    }

    var hours: Range<Int> {
        guard let first = buckets.first?.lowerBound, let last = buckets.last?.upperBound else { return 0..<0 }
        return first..<last
    }

    private static func checkTimezone(_ params: Params) throws(AdminAPIFailure) {
        guard let zone = try params.text("timezone"), !utcNames.contains(zone) else { return }
        throw .message(400, "Timezone \(zone) is not supported by the sandbox, which keeps its statistics in UTC: send UTC or leave timezone out")
    }

    private static func periodRefused(_ period: String) -> AdminAPIFailure {
        .message(400, "Period must be one of [\"eternity\", \"year\", \"month\", \"week\", \"day\"] not \"\(period)\"")
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        calendar.firstWeekday = 2  // Rails' weeks start on Monday.
        return calendar
    }()

    private static func length(of period: String) -> Calendar.Component {
        switch period {
        case "year": .year
        case "month": .month
        case "week": .weekOfYear
        default: .day
        }
    }

    private static func unit(of granularity: Granularity) -> Calendar.Component {
        switch granularity {
        case .hour, .sixHours: .hour
        case .day: .day
        case .month, .eternity: .month
        }
    }

    private static func floor(_ date: Date, to granularity: Granularity) -> Date {
        let start = calendar.dateInterval(of: unit(of: granularity), for: date)?.start ?? date
        guard granularity == .sixHours else { return start }
        let hour = TrafficLedger.hour(of: start)
        return TrafficLedger.date(ofHour: hour - ((hour % 6) + 6) % 6)
    }

    private static func step(_ date: Date, _ granularity: Granularity) -> Date {
        switch granularity {
        case .hour: date.addingTimeInterval(3600)
        case .sixHours: date.addingTimeInterval(6 * 3600)
        case .day: calendar.date(byAdding: .day, value: 1, to: date) ?? date.addingTimeInterval(86_400)
        case .month, .eternity: calendar.date(byAdding: .month, value: 1, to: date) ?? date.addingTimeInterval(31 * 86_400)
        }
    }

    /// porta's `ALLOWED_TIME_RANGES`.
    private static func allowedLength(of granularity: Granularity) -> (DateComponents, String)? {
        switch granularity {
        case .hour: (DateComponents(day: 90), "90 days")
        case .sixHours: (DateComponents(month: 6), "6 months")
        case .day: (DateComponents(year: 1), "1 year")
        case .month: (DateComponents(year: 10), "10 years")
        case .eternity: nil
        }
    }

    private static func start(of period: String, containing date: Date) throws(AdminAPIFailure) -> Date {
        guard let interval = calendar.dateInterval(of: length(of: period), for: date) else { throw badDate }
        return interval.start
    }

    private static let badDate = AdminAPIFailure.message(400, "Date parameters should have valid date/time format.")

    /// `2012-02-22`, `2012-02-22 23:49`, `2012-02-22 23:49:00` (also with `T` and a `Z` or
    /// `+00:00`), read in UTC.
    static func date(_ text: String) throws(AdminAPIFailure) -> Date {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        for suffix in ["Z", "+00:00", " UTC"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
        }
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count) else { throw badDate }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = parts.count == 2 ? parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } : [0, 0]
        guard day.count == 3, (2...3).contains(time.count), let year = day[0], let month = day[1], let dayOfMonth = day[2],
              (1...9999).contains(year), (1...12).contains(month), (1...31).contains(dayOfMonth),
              let hour = time[0], let minute = time[1], (0...23).contains(hour), (0...59).contains(minute)
        else { throw badDate }
        let second = time.count == 3 ? time[2] : 0
        guard let second, (0...59).contains(second) else { throw badDate }
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == dayOfMonth else {
            throw badDate
        }
        return date
    }

    /// As porta renders times in JSON (`time_precision = 0`, UTC as `Z`).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
