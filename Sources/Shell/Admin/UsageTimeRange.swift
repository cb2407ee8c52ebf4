import Foundation
import ThreeScaleAdmin

/// `--since 24h|7d|YYYY-MM-DD`, `--until YYYY-MM-DD` and `--granularity` as the window a
/// usage command reads, in UTC. `Nh` is the last N hours counting the current one (hourly
/// by default), `Nd` the last N days counting today (daily), a date starts at its midnight
/// (daily, monthly beyond a year); `--until` ends with its date's last second, else now.
enum UsageTimeRange {
    enum Start: Equatable {
        case hoursBack(Int)
        case daysBack(Int)
        case date(Date)
    }

    static let granularities = UsageGranularity.allCases.map(\.rawValue)

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }

    static func start(_ text: String) throws(ValidationMessage) -> Start {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let unit = trimmed.last, unit == "h" || unit == "d", let count = Int(trimmed.dropLast()) {
            let limit = unit == "h" ? 24 * 90 : 3650
            guard (1...limit).contains(count) else {
                throw ValidationMessage("--since \(text): give 1 to \(limit) \(unit == "h" ? "hours" : "days")")
            }
            return unit == "h" ? .hoursBack(count) : .daysBack(count)
        }
        return .date(try date(text, option: "--since"))
    }

    /// `YYYY-MM-DD` at midnight UTC.
    static func date(_ text: String, option: String) throws(ValidationMessage) -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year >= 1970,
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { throw ValidationMessage("\(option) \(text): give 24h, 7d (hours or days back) or a date YYYY-MM-DD") }
        return date
    }

    static func window(since: String, until: String?, granularity: String?, now: Date) throws(ValidationMessage) -> UsageWindow {
        var chosen: UsageGranularity?
        if let granularity {
            guard let value = UsageGranularity(rawValue: granularity.lowercased()) else {
                throw ValidationMessage("--granularity \(granularity): give one of \(granularities.joined(separator: ", "))")
            }
            chosen = value
        }
        let calendar = calendar
        let end: Date
        if let until {
            let day = try date(until, option: "--until")
            end = (calendar.date(byAdding: .day, value: 1, to: day) ?? day).addingTimeInterval(-1)
        } else {
            end = now
        }
        let start: Date
        let natural: UsageGranularity
        switch try self.start(since) {
        case .hoursBack(let hours):
            let hour = calendar.dateInterval(of: .hour, for: now)?.start ?? now
            start = calendar.date(byAdding: .hour, value: 1 - hours, to: hour) ?? hour
            natural = .hour
        case .daysBack(let days):
            let today = calendar.startOfDay(for: now)
            start = calendar.date(byAdding: .day, value: 1 - days, to: today) ?? today
            natural = .day
        case .date(let date):
            start = date
            natural = (calendar.date(byAdding: .year, value: 1, to: date) ?? date) < end ? .month : .day
        }
        guard start <= end else {
            throw ValidationMessage("--since \(since) is after --until \(until ?? "now")")
        }
        let window = UsageWindow(since: start, until: end, granularity: chosen ?? natural)
        try checkLength(window)
        return window
    }

    /// 3scale's longest range per granularity (porta `ALLOWED_TIME_RANGES`), counted in whole granules.
    static func checkLength(_ window: UsageWindow) throws(ValidationMessage) {
        let calendar = calendar
        let (unit, limit, words, wider): (Calendar.Component, DateComponents, String, String) = switch window.granularity {
        case .hour: (.hour, DateComponents(day: 90), "90 days", "day")
        case .day: (.day, DateComponents(year: 1), "1 year", "month")
        case .month: (.month, DateComponents(year: 10), "10 years", "month")
        }
        let first = calendar.dateInterval(of: unit, for: window.since)?.start ?? window.since
        let last = calendar.dateInterval(of: unit, for: window.until)?.end ?? window.until
        if let longest = calendar.date(byAdding: limit, to: first), last.addingTimeInterval(-1) > longest {
            let advice = window.granularity == .month ? "a later --since" : "--granularity \(wider) or a later --since"
            throw ValidationMessage("--granularity \(window.granularity.rawValue) covers at most \(words): use \(advice)")
        }
    }
}

/// A usage-input problem, shown as the command's validation error.
struct ValidationMessage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
