import ArgumentParser
import PromptLog

/// `logs export`: the entries as JSON lines, oldest first.
struct LogsExportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the entries as JSON lines, one per line, oldest first (filters as `logs`).")

    @OptionGroup var filters: LogFilterOptions
    @OptionGroup var common: CommonOptions
    var globals: Settings? { common.settings(profile: nil) }

    func validate() throws {
        if let format = common.output, format != .json { throw ValidationError("logs export writes JSON lines: -o json, or no -o") }
    }

    func run(in context: CommandContext) async throws {
        let store = try await context.interpreter.promptLog.store()
        let filter = filters.filter(limit: 0)
        var after: Int64 = 0
        while true {
            try Task.checkCancellation()
            let page = try await LogsCommand.List.reading(context) { try await store.page(filter, after: after) }
            guard let last = page.last?.id else { return }
            for entry in page { context.output.print(try Renderer.json(LogEntryView(entry), compact: true)) }
            after = last
        }
    }
}
