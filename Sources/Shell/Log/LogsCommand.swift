import ArgumentParser
import PromptLog

/// `logs`: the prompt log. With no sub-verb it lists, as `logs list` does.
struct LogsCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "The prompt log: every complete, chat turn and compare target, searchable.",
        discussion: """
            Kept in $XDG_STATE_HOME/maas/log.db (~/.local/state/maas/log.db), bounded by the profile's \
            log-max-mb (200 by default; the oldest entries go first). --no-log, MAAS_NO_LOG=1 or \
            `profile set log off` keep prompts out of it.
            """,
        subcommands: [List.self, LogsShowCommand.self, LogsRerunCommand.self, LogsExportCommand.self],
        defaultSubcommand: List.self)

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the newest entries (the default): ID, time, profile, model, prompt, figures.")

        static let maximumLimit = 10_000

        @Option(name: [.customShort("n"), .customLong("limit")], help: "How many entries, newest first.")
        var count = 20
        @OptionGroup var filters: LogFilterOptions
        @OptionGroup var common: CommonOptions
        var globals: Settings? { common.settings(profile: nil) }

        func validate() throws {
            if !(1...Self.maximumLimit).contains(count) { throw ValidationError("-n must be between 1 and \(Self.maximumLimit)") }
        }

        func run(in context: CommandContext) async throws {
            let store = try await context.interpreter.promptLog.store()
            let entries = try await Self.reading(context) { try await store.list(filters.filter(limit: count)) }
            try context.renderer.emit(entries.map(LogEntryView.init), table: Table(
                columns: ["ID", "TIME", "PROFILE", "MODEL", "VERB", "PROMPT", "TOKENS", "TTFT", "STATUS"],
                rows: entries.map { entry in
                    [
                        String(entry.id ?? 0), LogTime.local(entry.time), entry.profile, entry.model, entry.verb,
                        entry.firstLine(width: 40), String(entry.completionTokens),
                        entry.timeToFirstTokenMilliseconds.map { AnswerStats.format(.milliseconds($0)) } ?? "-",
                        entry.outcome + (entry.partial && entry.error == nil ? " (partial)" : ""),
                    ]
                }))
        }

        /// Runs a read of the log, its failure said as the log's.
        static func reading<T: Sendable>(_ context: CommandContext, _ body: () async throws -> T) async throws -> T {
            do {
                return try await body()
            } catch let error as PromptLogError {
                throw ShellError("prompt log: cannot read \(context.interpreter.promptLog.displayPath): \(error.message)")
            }
        }
    }
}
