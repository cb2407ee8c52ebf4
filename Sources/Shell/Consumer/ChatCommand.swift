import ArgumentParser
import Foundation
import ModelGateway

struct ChatCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with a model (POST /v1/chat/completions), streamed.",
        discussion: """
            With a MESSAGE: one turn. Without one: chat mode, every line a message, the conversation \
            kept; \"\"\" opens and closes a multi-line message; /help lists the / commands. In a script, \
            the lines after `chat` up to a line `end` are the turns (and may hold / commands).
            """)

    @Argument(help: "The message (leave it out for chat mode).")
    var message: String?
    @OptionGroup var sampling: SamplingFlags
    @Option(help: "The system prompt.")
    var system: String?
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        try await GatewayAccess.with(context) { access in
            var session = ChatSession(model: try await access.model(sampling.model), options: sampling.options)
            if let system { session.messages.append(.system(system)) }
            if let message {
                let result = await session.turn(message, access: access, context: context)
                printStats(result, context: context)
                try finishStream(result)
                return
            }
            guard let lines = context.lineSource else {
                throw ShellError("chat without a message needs the interactive session or a script; give a MESSAGE")
            }
            var mode = ChatMode(session: session, access: access, lines: lines, context: context)
            try await mode.run()
        }
    }
}

/// The conversation: messages so far, model and sampling options.
struct ChatSession: Sendable {
    var model: String
    var options: SamplingOptions
    var messages: [ChatMessage] = []
    var showStats = true

    /// Sends `text` as the next user message and streams the answer; the (possibly partial) answer joins the conversation.
    /// The turn is recorded, answered or not.
    mutating func turn(_ text: String, access: GatewayAccess, context: CommandContext) async -> StreamPrinter.Result {
        messages.append(.user(text))
        var record = access.record(.chat, model: model, messages: messages, options: options)
        let start = ContinuousClock.now
        let result: StreamPrinter.Result
        do {
            let events = try await access.client.streamChat(ChatRequest(model: model, messages: messages, options: options))
            result = await StreamPrinter(output: context.output).print(events, startedAt: start)
        } catch {
            messages.removeLast()
            var failed = StreamPrinter.Result()
            if error == .cancelled { failed.interrupted = true } else { failed.failure = error }
            failed.total = ContinuousClock.now - start
            record.take(failed)
            context.record(record)
            return failed
        }
        record.take(result)
        context.record(record)
        if !result.text.isEmpty || result.failure == nil { messages.append(.assistant(result.text)) }
        return result
    }
}

/// Chat mode: reads lines from the session's line editor (or the script), runs `/` commands
/// and turns; Ctrl-C cancels one answer (keeping what arrived) and keeps the conversation.
struct ChatMode {
    var session: ChatSession
    let access: GatewayAccess
    let lines: any LineSource
    let context: CommandContext
    /// Set by `/compare`: the models the next message goes to.
    var comparing: [String] = []

    init(session: ChatSession, access: GatewayAccess, lines: any LineSource, context: CommandContext) {
        self.session = session
        self.access = access
        self.lines = lines
        self.context = context
    }

    static let commands = ["/exit", "/reset", "/system", "/model", "/compare", "/set", "/save", "/load", "/history", "/stats", "/help"]

    mutating func run() async throws {
        let output = context.output
        if context.interpreter.interactive, !context.options.quiet {
            output.print(output.style("chat with \(session.model) · /help for commands · /exit or Ctrl-D to leave", .dim))
        }
        let interpreter = context.interpreter
        let gateway = access.client.configuration.baseURL
        if interpreter.cachedModels(for: gateway) == nil {
            let client = access.client
            Task { if let ids = try? await client.models().map(\.id) { interpreter.cacheModels(ids, for: gateway) } }
        }
        let completer = Completer(firstWords: Self.commands) { command in
            switch command {
            case "/model", "/compare": interpreter.cachedModels(for: gateway) ?? []
            case "/set": ["temperature", "max-tokens", "top-p"]
            case "/stats": ["on", "off"]
            default: []
            }
        }
        while true {
            let prompt = "chat(\(session.model))> "
            let line: String?
            do {
                line = try await lines.nextLine(prompt: prompt, completer: completer)
            } catch {
                output.write("^C\n")
                continue
            }
            guard let line else {
                if context.interpreter.interactive { output.write("\n") }
                return
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if !context.interpreter.interactive && trimmed == "end" { return }
            if trimmed == "\"\"\"" {
                guard let block = try await readBlock() else { continue }
                await send(block)
                continue
            }
            if trimmed.hasPrefix("/") {
                do {
                    if try await command(trimmed) == .leave { return }
                } catch {
                    output.error("error: \(error)")
                }
                continue
            }
            await send(line)
        }
    }

    /// The lines up to a closing `"""`; nil when the input ended first.
    private func readBlock() async throws -> String? {
        var block: [String] = []
        while true {
            let line: String?
            do {
                line = try await lines.nextLine(prompt: "...> ", completer: nil)
            } catch {
                context.output.write("^C\n")
                return nil
            }
            guard let line else { return nil }
            if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" { return block.joined(separator: "\n") }
            block.append(line)
        }
    }

    private mutating func send(_ text: String) async {
        guard comparing.isEmpty else { return await compare(text) }
        let access = access
        let context = context
        let output = context.output
        var session = self.session
        let run: @Sendable () async -> (ChatSession, StreamPrinter.Result) = { [session] in
            var turnSession = session
            let result = await turnSession.turn(text, access: access, context: context)
            return (turnSession, result)
        }
        let (updated, result): (ChatSession, StreamPrinter.Result)
        if let interrupts = context.interpreter.interrupts {
            (updated, result) = await interrupts.cancellable(run)
        } else {
            (updated, result) = await run()
        }
        session = updated
        self.session = session
        printStats(result, context: context, enabled: session.showStats)
        if let failure = result.failure {
            output.error("error: \(failure.message)")
        } else if result.interrupted {
            output.note(output.style("interrupted: the partial answer stays in the conversation", .dim))
        }
    }

    /// Sends `text` to every model `/compare` named, side by side; the first model's answer joins the conversation.
    private mutating func compare(_ text: String) async {
        let models = comparing
        comparing = []
        let targets = CompareTarget.uniquelyLabelled(models.map { CompareTarget(label: $0, access: access, model: $0) })
        let request = CompareRequest(body: .messages(session.messages + [.user(text)]), options: session.options)
        let run: @Sendable () async -> [[StreamPrinter.Result]] = { [context] in
            await CompareSession(targets: targets, request: request, context: context).run(times: 1)
        }
        let results = if let interrupts = context.interpreter.interrupts { await interrupts.cancellable(run) } else { await run() }
        do {
            try CompareSession.show(targets: targets, results: results, context: context)
        } catch {
            context.output.error("error: \(error)")
        }
        guard let first = results.first?.last, !first.text.isEmpty else { return }
        session.messages.append(.user(text))
        session.messages.append(.assistant(first.text))
        context.output.note(context.output.style("\(models[0])'s answer stays in the conversation", .dim))
    }

    enum Next { case stay, leave }

    private mutating func command(_ line: String) async throws -> Next {
        let output = context.output
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts[0]
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "/exit", "/quit":
            return .leave
        case "/reset":
            session.messages.removeAll { $0.role != "system" }
            output.print("conversation cleared")
        case "/system":
            session.messages.removeAll { $0.role == "system" }
            if !argument.isEmpty { session.messages.insert(.system(argument), at: 0) }
            output.print(argument.isEmpty ? "system prompt removed" : "system prompt set")
        case "/model":
            guard !argument.isEmpty else {
                output.print("model: \(session.model)")
                return .stay
            }
            session.model = argument
            output.print("model: \(argument)")
        case "/compare":
            let models = argument.split(separator: " ").map(String.init)
            guard !models.isEmpty, models.count <= CompareCommand.maximumTargets else {
                throw ShellError("/compare MODEL… (up to \(CompareCommand.maximumTargets)): the next message goes to each of them")
            }
            comparing = models
            output.print("the next message goes to \(models.joined(separator: ", "))")
        case "/set":
            try set(argument)
        case "/save":
            guard !argument.isEmpty else { throw ShellError("/save FILE") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(session.messages).write(to: URL(fileURLWithPath: argument))
            output.print("saved \(session.messages.count) messages to \(argument)")
        case "/load":
            guard !argument.isEmpty else { throw ShellError("/load FILE") }
            let text: String
            do {
                text = try BoundedInput.read(path: argument, limit: BoundedInput.documentLimit)
            } catch {
                output.error("error: \(error.message)")
                return .stay
            }
            do {
                session.messages = try JSONDecoder().decode([ChatMessage].self, from: Data(text.utf8))
            } catch {
                output.error("error: cannot load \(argument): expected a JSON array of {\"role\", \"content\"} messages")
                return .stay
            }
            output.print("loaded \(session.messages.count) messages from \(argument)")
        case "/history":
            for message in session.messages {
                output.print(output.style("\(message.role):", .bold) + " " + message.content)
            }
        case "/stats":
            switch argument {
            case "on": session.showStats = true
            case "off": session.showStats = false
            default: output.error("error: /stats on|off")
            }
        case "/help":
            output.print("""
                /exit                      leave chat mode
                /reset                     forget the conversation (keeps the system prompt)
                /system TEXT               set (or with no TEXT remove) the system prompt
                /model NAME                talk to another model
                /compare M1 M2…            send the next message to these models, side by side
                /set temperature|max-tokens|top-p VALUE
                /save FILE, /load FILE     the conversation as OpenAI messages JSON
                /history                   show the conversation
                /stats on|off              the line after each answer
                \"\"\"                        start and end a multi-line message
                """)
        default:
            var message = "unknown command \(name)"
            if let guess = Suggestion.closest(to: name, in: Self.commands) { message += "; did you mean \(guess)?" }
            output.error("error: \(message) (/help lists them)")
        }
        return .stay
    }

    private mutating func set(_ argument: String) throws {
        let parts = argument.split(separator: " ").map(String.init)
        guard parts.count == 2 else { throw ShellError("/set temperature|max-tokens|top-p VALUE") }
        switch parts[0] {
        case "temperature":
            guard let value = Double(parts[1]), (0...2).contains(value) else { throw ShellError("temperature must be between 0 and 2") }
            session.options.temperature = value
        case "max-tokens":
            guard let value = Int(parts[1]), value > 0 else { throw ShellError("max-tokens must be a positive whole number") }
            session.options.maxTokens = value
        case "top-p":
            guard let value = Double(parts[1]), value > 0, value <= 1 else { throw ShellError("top-p must be in (0, 1]") }
            session.options.topP = value
        default:
            throw ShellError("/set takes temperature, max-tokens or top-p")
        }
        context.output.print("\(parts[0]) = \(parts[1])")
    }
}
