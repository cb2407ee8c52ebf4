import Foundation
import ThreeScaleAdmin

/// The one path from desired resources to the server, shared by `apply -f` and the
/// verbs that create products and backends: fetch what exists, plan, print, apply.
struct Reconciliation {
    let access: AdminAccess
    var concurrency = 8

    /// The plan for `set` against the server as it is now.
    func plan(_ set: ResourceSet) async throws -> Plan {
        let client = access.client
        // The documents are read and checked while the server's state is on its way.
        async let documents = DocumentLoader.load(set, client: client)
        async let state = StateFetcher(client: client, concurrency: concurrency).fetch(for: set)
        let loaded = try await documents
        return try Planner.plan(set, state: try await state, documents: loaded)
    }

    /// Creates the one backend or product of `set`; true when it did. When it exists,
    /// `ExistingObject` keeps it (with `existOk` and the same settings) or throws.
    func create(_ set: ResourceSet, what: String, existOk: Bool, change: String) async throws -> Bool {
        switch try await access.client.checkCreate(set, concurrency: concurrency) {
        case .absent(let plan):
            try await apply(plan, of: set)
            return true
        case .kept:
            try ExistingObject.settle([], what: what, existOk: existOk, change: change, context: access.context)
        case .differs(let differences):
            try ExistingObject.settle(differences, what: what, existOk: existOk, change: change, context: access.context)
        }
        return false
    }

    /// Applies `plan`, printing each action as it completes (unless quiet); throws when any failed,
    /// after saying what was done and what was not.
    @discardableResult
    func apply(_ plan: Plan, of set: ResourceSet) async throws -> ApplyReport {
        let output = access.context.output
        let quiet = access.context.options.quiet || access.context.options.output.map { $0 != .table } ?? false
        let report = await Applier(client: access.client, resources: set, concurrency: concurrency).apply(plan) { action, status in
            guard !quiet, case .completed = status else { return }
            output.print(output.style("✓", .green) + " " + action.summary)
        }
        guard report.succeeded else {
            for failure in report.failed {
                output.error("✗ \(failure.action.summary): \(failure.error)")
            }
            if !report.notAttempted.isEmpty {
                output.note("not done (\(report.notAttempted.count)):")
                for action in report.notAttempted { output.note("  - \(action.summary)") }
            }
            throw ShellError("\(report.completed.count) of \(plan.actions.count) changes made; fix the cause and run the same command again to finish")
        }
        return report
    }

    /// Prints a plan: one line an action, or the actions as json/yaml.
    static func print(_ plan: Plan, context: CommandContext, dryRun: Bool) throws {
        switch context.options.output ?? .table {
        case .table:
            if plan.isEmpty {
                context.output.print("nothing to do: the server already matches")
                return
            }
            if context.options.quiet && !dryRun { return }
            let heading = dryRun ? "plan (\(plan.actions.count) change\(plan.actions.count == 1 ? "" : "s"), dry run: nothing was changed)" : "applying \(plan.actions.count) change\(plan.actions.count == 1 ? "" : "s")"
            context.output.print(context.output.style(heading, .bold))
            if dryRun { for line in plan.lines { context.output.print("  + " + line) } }
        case .json, .yaml:
            try context.renderer.emit(plan, table: Table(columns: [], rows: []))
        }
    }
}
