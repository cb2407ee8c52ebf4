import ArgumentParser
import Foundation
import ModelGateway
import Profiles
import PromptLog

/// `logs rerun ID`: the same request again, streamed and logged like any prompt, then the
/// earlier and the new answer side by side.
struct LogsRerunCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun",
        abstract: "Send an entry's request again (its profile; its model or --model) and show both answers side by side.")

    @Argument(help: ArgumentHelp("The entry's ID (from `logs`).", valueName: "id"))
    var id: Int64
    @Option(help: ArgumentHelp("Send it to this model instead.", valueName: "model"), completion: .custom { _, _, _ in [] })
    var model: String?
    @OptionGroup var common: CommonOptions
    var globals: Settings? { common.settings(profile: nil) }

    func run(in context: CommandContext) async throws {
        let entry = try await LogsShowCommand.entry(id, context: context)
        let document = try context.profileStore.load()
        guard document.profiles[entry.profile] != nil else {
            throw ShellError("entry \(id) was sent with the profile '\(entry.profile)', which no longer exists (`profile list` shows them)")
        }
        let profile = try ResolvedProfile.resolve(document: document, selected: entry.profile, environment: context.environment)
        let access = try GatewayAccess.open(context, profile: profile)
        let table = (context.options.output ?? .table) == .table
        let result = try await withCleanup({ try await send(entry, access: access, table: table, context: context) },
                                           cleanup: { await access.close() })
        guard table else {
            // The new answer's record, as the prompt log keeps it.
            if let record = context.interpreter.lastAnswer {
                let view = RerunView(id: id, earlier: LogEntryView(entry), now: LogEntryView(PromptLogEntry(record, at: Date() - record.total.seconds)))
                try context.renderer.emit(view, table: Table(columns: [], rows: []))
            }
            return try finishStream(result)
        }
        printStats(result, context: context)
        if result.failure == nil {
            let output = context.output
            output.write("\n")
            output.write(SideBySide(columns: [
                .init(title: "#\(id) \(entry.model) (earlier)", text: entry.answer),
                .init(title: "\(model ?? entry.model) (now)", text: result.text),
            ]).render(width: output.isTerminal ? terminalWidth(environment: context.environment) : nil))
        }
        try finishStream(result)
    }

    /// The same prompt, or the same conversation up to its last message, streamed to the
    /// terminal, or collected when `-o json|yaml` prints it whole.
    private func send(_ entry: PromptLogEntry, access: GatewayAccess, table: Bool, context: CommandContext) async throws -> StreamPrinter.Result {
        var context = context
        if !table { context.output = context.output.droppingStandardOutput }
        let model = self.model ?? entry.model
        let options = entry.samplingOptions
        guard let prompt = entry.prompt else {
            var messages = entry.chatMessages
            guard let last = messages.popLast(), last.role == "user" else {
                throw ShellError("entry \(id) holds no message to send again")
            }
            var session = ChatSession(model: model, options: options, messages: messages)
            return await session.turn(last.content, access: access, context: context)
        }
        var record = access.record(.complete, model: model, prompt: prompt, options: options)
        let start = ContinuousClock.now
        var result = StreamPrinter.Result()
        do {
            let events = try await access.client.streamCompletion(CompletionRequest(model: model, prompt: prompt, options: options))
            result = await StreamPrinter(output: context.output).print(events, startedAt: start)
        } catch {
            if error == .cancelled { result.interrupted = true } else { result.failure = error }
            result.total = ContinuousClock.now - start
        }
        record.take(result)
        context.record(record)
        return result
    }
}

/// `logs rerun -o json|yaml`: the earlier entry and the new one, each as `logs show -o json` prints an entry.
struct RerunView: Encodable {
    var id: Int64
    var earlier: LogEntryView
    var now: LogEntryView
}
