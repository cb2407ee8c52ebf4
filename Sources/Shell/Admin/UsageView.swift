import Foundation
import ThreeScaleAdmin

/// How `usage` prints: `-o json|yaml` the numbers; a table a row per period with a column
/// per series that saw traffic, then, on a terminal, a sparkline per series; `--top` a
/// ranking, with bars on a terminal.
enum UsageView {
    struct Report: Encodable {
        var product: String
        var subject: String
        var granularity: String
        var since: String
        var until: String
        var periods: [String]
        var series: [Series]
    }

    struct Series: Encodable {
        var name: String
        var kind: String
        var total: Int
        var peak: Int
        var values: [Int]
    }

    struct Ranking: Encodable {
        var product: String
        var metric: String
        var period: String
        var since: String
        var until: String
        var applications: [Entry]
    }

    struct Entry: Encodable {
        var rank: Int
        var id: Int
        var name: String?
        var account: String?
        var plan: String?
        var value: Int
    }

    static func emit(_ report: UsageReport, context: CommandContext) throws {
        let view = Report(
            product: report.product, subject: report.subject, granularity: report.granularity.rawValue,
            since: timestamp(report.since), until: timestamp(report.until), periods: report.periods.map(timestamp),
            series: report.series.map {
                Series(name: $0.name, kind: $0.isMethod ? "method" : "metric", total: $0.total, peak: $0.peak, values: $0.values)
            })
        let output = context.output
        let table = (context.options.output ?? .table) == .table
        if table, !context.options.quiet {
            output.print(output.style(
                "\(report.subject), \(label(report.since, .hour)) to \(label(report.until, .hour)) UTC, by \(report.granularity.rawValue)",
                .dim))
        }
        // Series without traffic are named once rather than given a column of zeros.
        let shown = report.series.enumerated().filter { index, series in index == 0 || series.total > 0 }.map(\.element)
        let rows = report.periods.enumerated().map { index, period in
            [label(period, report.granularity)] + shown.map { String($0.values[index]) }
        }
        try context.renderer.emit(view, table: Table(
            columns: ["PERIOD"] + shown.map { $0.name.uppercased() },
            rows: rows + [["TOTAL"] + shown.map { String($0.total) }]))
        guard table else { return }
        let quiet = report.series.dropFirst().filter { $0.total == 0 }.map(\.name)
        if !quiet.isEmpty, !context.options.quiet { output.print(output.style("no traffic: " + quiet.joined(separator: ", "), .dim)) }
        guard output.isTerminal else { return }
        let chart = UsageChart(glyphs: .choose(color: output.color, environment: context.environment),
                               width: terminalWidth(environment: context.environment))
        output.print("")
        for line in chart.sparklines(shown.map { UsageChart.Row(label: $0.name, values: $0.values) }) { output.print(line) }
    }

    static func emit(_ ranking: UsageRanking, context: CommandContext) throws {
        let view = Ranking(
            product: ranking.product, metric: ranking.metric, period: ranking.period.rawValue, since: timestamp(ranking.since),
            until: timestamp(ranking.until),
            applications: ranking.entries.map {
                Entry(rank: $0.rank, id: $0.id, name: $0.name, account: $0.account, plan: $0.plan, value: $0.value)
            })
        context.interpreter.remember(ranking.entries.compactMap(\.name), for: "app")
        let output = context.output
        let table = (context.options.output ?? .table) == .table
        if table, !context.options.quiet {
            output.print(output.style(
                "applications of product \(ranking.product) by \(ranking.metric), the \(ranking.period.rawValue) "
                    + "\(label(ranking.since, .hour)) to \(label(ranking.until, .hour)) UTC", .dim))
        }
        try context.renderer.emit(view, table: Table(
            columns: ["RANK", "ID", "APPLICATION", "ACCOUNT", "PLAN", ranking.metric.uppercased()],
            rows: ranking.entries.map {
                [String($0.rank), String($0.id), $0.name ?? "-", $0.account ?? "-", $0.plan ?? "-", String($0.value)]
            }))
        guard table else { return }
        if ranking.entries.isEmpty, !context.options.quiet { output.print(output.style("no traffic in that period", .dim)) }
        guard output.isTerminal, !ranking.entries.isEmpty else { return }
        let chart = UsageChart(glyphs: .choose(color: output.color, environment: context.environment),
                               width: terminalWidth(environment: context.environment))
        output.print("")
        for line in chart.bars(ranking.entries.map { (label: $0.name ?? "#\($0.id)", value: $0.value) }) { output.print(line) }
    }

    private static let calendar: Calendar = UsageTimeRange.calendar

    /// `2026-12-05 13:00`, `2026-12-05` or `2026-12`, as the granularity reads.
    static func label(_ date: Date, _ granularity: UsageGranularity) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let month = "\(c.year ?? 0)-\(two(c.month))"
        switch granularity {
        case .month: return month
        case .day: return "\(month)-\(two(c.day))"
        case .hour: return "\(month)-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
