import ArgumentParser
import Foundation
import ModelGateway

struct ModelsCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List the models the gateway serves.")

    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    struct Row: Encodable {
        var id: String
        var owner: String?
        var maxContext: Int?
        enum CodingKeys: String, CodingKey {
            case id, owner = "owned_by", maxContext = "max_model_len"
        }
    }

    func run(in context: CommandContext) async throws {
        let cards = try await GatewayAccess.with(context) { access in
            let cards = try await access.client.models()
            context.interpreter.cacheModels(cards.map(\.id), for: access.client.configuration.baseURL)
            return cards
        }
        let rows = cards.map { Row(id: $0.id, owner: $0.ownedBy, maxContext: $0.maxModelLength) }
        try context.renderer.emit(rows, table: Table(
            columns: ["ID", "OWNER", "MAX-CONTEXT"],
            rows: rows.map { [$0.id, $0.owner ?? "-", $0.maxContext.map(String.init) ?? "-"] }))
    }
}

struct CompleteCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Complete a prompt (POST /v1/completions), streamed on a terminal.")

    @Argument(help: "The prompt.")
    var prompt: String
    @OptionGroup var sampling: SamplingFlags
    @Option(help: "Stop at this text (repeatable).")
    var stop: [String] = []
    @Flag(help: "Wait for the whole answer instead of streaming it.")
    var noStream = false
    @Flag(help: "Stream even when stdout is not a terminal.")
    var stream = false
    @Flag(help: "Print the prompt before the completion.")
    var echo = false
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        if noStream && stream { throw ValidationError("--stream and --no-stream exclude each other") }
    }

    func run(in context: CommandContext) async throws {
        try await GatewayAccess.with(context) { access in
            var options = sampling.options
            options.stop = stop
            let request = CompletionRequest(model: try await access.model(sampling.model), prompt: prompt, options: options, echo: echo)
            var record = access.record(.complete, model: request.model, prompt: prompt, options: options)
            let streaming = !noStream && (stream || context.output.isTerminal) && (context.options.output ?? .table) == .table
            let start = ContinuousClock.now
            do {
                if streaming {
                    let events = try await access.client.streamCompletion(request)
                    let result = await StreamPrinter(output: context.output).print(events, startedAt: start)
                    record.take(result)
                    context.record(record)
                    printStats(result, context: context)
                    try finishStream(result)
                } else {
                    let response = try await access.client.complete(request)
                    record.answer = response.text
                    record.status = 200
                    record.promptTokens = response.usage?.promptTokens
                    record.completionTokens = response.usage?.completionTokens ?? 0
                    record.total = ContinuousClock.now - start
                    context.record(record)
                    try emitAnswer(text: response.text, usage: response.usage, start: start, context: context)
                }
            } catch let failure as GatewayError {
                record.total = ContinuousClock.now - start
                record.fail(failure)
                context.record(record)
                throw failure
            }
        }
    }
}

/// A non-streamed answer as `-o json|yaml` prints it.
struct AnswerView: Encodable {
    struct UsageView: Encodable {
        var prompt_tokens: Int
        var completion_tokens: Int
        var total_tokens: Int
    }

    var text: String
    var usage: UsageView?
}

/// Prints a non-streamed answer: its text and stats (or the answer as json/yaml).
func emitAnswer(text: String, usage: Usage?, start: ContinuousClock.Instant, context: CommandContext) throws {
    typealias Answer = AnswerView
    typealias UsageView = AnswerView.UsageView
    let view = Answer(text: text, usage: usage.map { UsageView(prompt_tokens: $0.promptTokens, completion_tokens: $0.completionTokens, total_tokens: $0.totalTokens) })
    switch context.options.output ?? .table {
    case .table:
        context.output.write(text.hasSuffix("\n") ? text : text + "\n")
        if !context.options.quiet, let usage {
            let line = AnswerStats.line(tokens: usage.completionTokens, timeToFirstToken: nil, total: ContinuousClock.now - start)
            context.output.note(context.output.style(line, .dim))
        }
    case .json, .yaml:
        try context.renderer.emit(view, table: Table(columns: [], rows: []))
    }
}

struct EmbedCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed", abstract: "Embed texts (POST /v1/embeddings): dimensions and first values; full vectors with -o json.")

    @Argument(help: "The texts to embed.")
    var texts: [String]
    @Option(help: ArgumentHelp("The model id.", valueName: "model"), completion: .custom { _, _, _ in [] }) var model: String?
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let response = try await GatewayAccess.with(context) { access in
            try await access.client.embeddings(model: try await access.model(model), input: texts)
        }
        struct Row: Encodable {
            var index: Int
            var text: String
            var dimensions: Int
            var embedding: [Double]
        }
        let rows = response.data.map { item in
            Row(index: item.index, text: item.index < texts.count ? texts[item.index] : "", dimensions: item.embedding.count, embedding: item.embedding)
        }
        try context.renderer.emit(rows, table: Table(
            columns: ["#", "TEXT", "DIMENSIONS", "FIRST VALUES"],
            rows: rows.map { row in
                let head = row.embedding.prefix(4).map { String(format: "%.4f", $0) }.joined(separator: ", ")
                return [String(row.index), String(row.text.prefix(30)), String(row.dimensions), head + (row.dimensions > 4 ? ", …" : "")]
            }))
    }
}

struct TokenizeCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "Show a text's token ids (POST /tokenize).")

    @Argument(help: "The text.") var text: String
    @Option(help: ArgumentHelp("The model id.", valueName: "model"), completion: .custom { _, _, _ in [] }) var model: String?
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let response = try await GatewayAccess.with(context) { access in
            try await access.client.tokenize(model: try await access.model(model), text: text)
        }
        struct View: Encodable {
            var count: Int
            var tokens: [Int]
            var max_model_len: Int?
        }
        let view = View(count: response.count, tokens: response.tokens, max_model_len: response.maxModelLength)
        try context.renderer.emitRecord(view, fields: [
            ("count", String(response.count)),
            ("tokens", response.tokens.map(String.init).joined(separator: " ")),
        ] + (response.maxModelLength.map { [("max-context", String($0))] } ?? []))
    }
}

struct DetokenizeCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "detokenize", abstract: "Turn token ids back into text (POST /detokenize).")

    @Argument(help: "The token ids.") var ids: [Int]
    @Option(help: ArgumentHelp("The model id.", valueName: "model"), completion: .custom { _, _, _ in [] }) var model: String?
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let text = try await GatewayAccess.with(context) { access in
            try await access.client.detokenize(model: try await access.model(model), tokens: ids)
        }
        struct View: Encodable { var text: String }
        try context.renderer.emitRecord(View(text: text), fields: [("text", text)])
    }
}

struct HealthCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "health", abstract: "Check the model server through the gateway (GET /health).")

    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let status = try await GatewayAccess.with(context) { access in try await access.client.health() }
        struct View: Encodable {
            var status: Int
            var latency_ms: Double
        }
        let view = View(status: status.status, latency_ms: (status.latency.seconds * 1000 * 10).rounded() / 10)
        try context.renderer.emitRecord(view, fields: [("status", "\(status.status) ok"), ("latency", AnswerStats.format(status.latency))])
    }
}
