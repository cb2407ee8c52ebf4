import ArgumentParser
import Foundation
import ThreeScaleAdmin

/// `usage`: a product's traffic from 3scale's analytics, per metric and method, as a table
/// and, on a terminal, a chart; `--top` ranks its applications.
struct UsageCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Traffic of a product from 3scale's analytics: hits per method over time, or its top applications.",
        discussion: """
            Counts hits and each method of the product over the period (UTC): a table per period and, \
            on a terminal, a chart with each series' total and peak. --app counts one application, \
            --account the sum over that account's applications of the product. --top ranks the product's \
            applications over the shortest day, week, month or year that holds the period. \
            -o json or -o yaml prints the numbers.
            """)

    @Argument(help: ArgumentHelp("The product's system name or id (default: the only or last created product).", valueName: "product"),
              completion: .custom(noStaticValues))
    var product: String?
    @Option(help: ArgumentHelp("Count only this application (id or name).", valueName: "app"), completion: .custom(noStaticValues))
    var app: String?
    @Option(help: ArgumentHelp("Count the applications of this account (sum).", valueName: "account"), completion: .custom(noStaticValues))
    var account: String?
    @Option(help: ArgumentHelp("Only this metric (e.g. hits).", valueName: "metric"))
    var metric: String?
    @Option(help: ArgumentHelp("Only this method (e.g. completions).", valueName: "method"))
    var method: String?
    @Option(help: ArgumentHelp("Start: hours or days back (24h, 7d) or a date (YYYY-MM-DD, UTC).", valueName: "since"))
    var since = "24h"
    @Option(help: ArgumentHelp("End: a date (YYYY-MM-DD), through its last second (default: now).", valueName: "date"))
    var until: String?
    @Option(help: ArgumentHelp("hour, day or month (default: hour for hours back, day for days or a date).", valueName: "granularity"),
            completion: .list(UsageTimeRange.granularities))
    var granularity: String?
    @Flag(help: "Rank the product's applications by hits (or by --metric/--method).")
    var top = false
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        if app != nil && account != nil { throw ValidationError("give --app or --account, not both") }
        if metric != nil && method != nil { throw ValidationError("give --metric or --method, not both") }
        if top && (app != nil || account != nil) { throw ValidationError("--top ranks every application of the product: drop --app and --account") }
        _ = try window(now: Date())
    }

    private func window(now: Date) throws -> UsageWindow {
        do {
            return try UsageTimeRange.window(since: since, until: until, granularity: granularity, now: now)
        } catch {
            throw ValidationError(error.description)
        }
    }

    private var selection: UsageSelection {
        if let metric { return .metric(metric) }
        if let method { return .method(method) }
        return .all
    }

    func run(in context: CommandContext) async throws {
        let window = try window(now: Date())
        let ref = product.map(ObjectRef.init)
        if top {
            let ranking = try await AdminAccess.with(context) { access in
                try await access.client.usageRanking(product: ref, selection: selection, window: window)
            }
            try UsageView.emit(ranking, context: context)
            return
        }
        let subject: UsageSubject = if let app { .application(app) } else if let account { .account(ObjectRef(account)) } else { .product }
        let report = try await AdminAccess.with(context) { access in
            try await access.client.usageReport(product: ref, subject: subject, selection: selection, window: window)
        }
        try UsageView.emit(report, context: context)
    }
}
