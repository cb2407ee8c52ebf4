import ArgumentParser
import PromptLog

/// `logs show [ID]`: one entry whole, the newest when no ID is given.
struct LogsShowCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one entry whole: the prompt or each message, parameters, answer, figures.")

    @Argument(help: ArgumentHelp("The entry's ID (from `logs`); the newest entry when left out.", valueName: "id"))
    var id: Int64?
    @OptionGroup var common: CommonOptions
    var globals: Settings? { common.settings(profile: nil) }

    func run(in context: CommandContext) async throws {
        let entry = try await Self.entry(id, context: context)
        switch context.options.output ?? .table {
        case .json, .yaml:
            try context.renderer.emit(LogEntryView(entry), table: Table(columns: [], rows: []))
        case .table:
            let output = context.output
            var fields = [
                ("id", entry.id.map(String.init) ?? "-"), ("time", LogTime.local(entry.time)), ("profile", entry.profile),
                ("gateway", entry.gateway), ("model", entry.model), ("verb", entry.verb),
                ("parameters", entry.parameterWords),
                ("tokens", "\(entry.promptTokens.map(String.init) ?? "-") prompt · \(entry.completionTokens) completion"),
                ("first token", entry.timeToFirstTokenMilliseconds.map { AnswerStats.format(.milliseconds($0)) } ?? "-"),
                ("total", AnswerStats.format(.milliseconds(entry.totalMilliseconds))),
                ("status", entry.outcome),
            ]
            if entry.partial { fields.append(("partial", "yes: the answer was cut short")) }
            try context.renderer.emitRecord(LogEntryView(entry), fields: fields)
            output.write("\n")
            output.write(SideBySide(columns: Self.texts(entry)).stacked())
        }
    }

    /// The prompt or each message, then the answer, each under its header.
    static func texts(_ entry: PromptLogEntry) -> [SideBySide.Column] {
        var texts: [SideBySide.Column] = []
        if let prompt = entry.prompt { texts.append(.init(title: "prompt", text: prompt)) }
        texts += entry.messages.map { .init(title: $0.role, text: $0.content) }
        texts.append(.init(title: entry.partial ? "answer (partial)" : "answer", text: entry.answer))
        return texts
    }

    /// The entry with this id (the newest with none), or an error that says there is none.
    static func entry(_ id: Int64?, context: CommandContext) async throws -> PromptLogEntry {
        let store = try await context.interpreter.promptLog.store()
        guard let id else {
            guard let newest = try await LogsCommand.List.reading(context, { try await store.list(PromptLogFilter(limit: 1)) }).first
            else { throw ShellError("the prompt log is empty: complete, chat and compare write to it") }
            return newest
        }
        guard let entry = try await LogsCommand.List.reading(context, { try await store.entry(id: id) }) else {
            throw ShellError("no entry \(id) in the prompt log (`logs` lists them; the oldest go when it is full)")
        }
        return entry
    }
}
