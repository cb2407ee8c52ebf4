import ArgumentParser
import Foundation
import LoadTest
import ModelGateway

/// `bench`: a load test of the model through the gateway, the check an admin runs
/// on a product before handing out keys. The figures carry `vllm bench serve`'s
/// names and definitions, so they compare with a run of it against vLLM directly.
struct BenchCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load-test the model: streamed requests, N in flight; TTFT, ITL, E2EL percentiles and throughput.",
        discussion: """
            Each of the --concurrency workers sends a streamed request and the next one as soon as it ends, \
            until --requests have finished or --duration has passed. Ctrl-C stops it and reports what was \
            measured. TTFT: request sent to first token; ITL: gap between streamed chunks; TPOT: \
            (E2EL - TTFT) / (tokens - 1); E2EL: request sent to end of stream (as vllm bench serve).
            """)

    @Option(help: ArgumentHelp("The model id (default: the profile's model, or the only one served).", valueName: "model"),
            completion: .custom { _, _, _ in [] })
    var model: String?
    @Option(help: "Requests in flight at once.")
    var concurrency = 1
    @Option(help: "Stop after this many requests.")
    var requests: Int?
    @Option(help: ArgumentHelp("Stop after this many seconds (requests in flight are cut).", valueName: "seconds"))
    var duration: Double?
    @Option(help: "The prompt of every request.")
    var prompt: String?
    @Option(help: ArgumentHelp("Send a prompt of about N tokens instead of --prompt.", valueName: "n"))
    var promptTokens: Int?
    @Option(help: "The tokens to generate per request.")
    var maxTokens = 128
    @Flag(help: "Send chat completions (POST /v1/chat/completions) instead of completions.")
    var chat = false
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    static let defaultPrompt = "Write a short story about a lighthouse keeper who finds a message in a bottle."
    /// One connection per worker; beyond this the machine's file descriptors and ports become the test.
    static let maxConcurrency = 1000

    func validate() throws {
        switch (requests, duration) {
        case (nil, nil), (.some, .some):
            throw ValidationError("give exactly one of --requests N and --duration SECONDS")
        case (let requests?, nil) where requests < 1:
            throw ValidationError("--requests must be at least 1")
        case (nil, let duration?) where !(duration > 0 && duration.isFinite && duration <= 86_400):
            throw ValidationError("--duration must be a number of seconds above 0 (at most a day)")
        default:
            break
        }
        guard (1...Self.maxConcurrency).contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and \(Self.maxConcurrency)")
        }
        if maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        if prompt != nil && promptTokens != nil { throw ValidationError("--prompt and --prompt-tokens exclude each other") }
        if let promptTokens, promptTokens < 1 { throw ValidationError("--prompt-tokens must be at least 1") }
    }

    private var stop: LoadPlan.Stop {
        if let requests { return .requests(requests) }
        return .duration(.milliseconds(Int64(((duration ?? 0) * 1000).rounded())))
    }

    func run(in context: CommandContext) async throws {
        let report = try await GatewayAccess.with(context, maxConnections: concurrency) { access in
            try await load(access, context: context)
        }
        try BenchReportView(report: report).emit(context.renderer)
        // A product that answers nothing but errors fails the command, for scripts that check it.
        if report.succeeded == 0, let worst = report.failures.max(by: { $0.value.count < $1.value.count }) {
            throw ShellError("all \(report.failed) requests failed (\(worst.key)): \(worst.value.example)")
        }
    }

    /// Runs the test with the live line on stderr while it runs.
    private func load(_ access: GatewayAccess, context: CommandContext) async throws -> LoadReport {
        let plan = LoadPlan(
            model: try await access.model(model),
            prompt: promptTokens.map(SyntheticPrompt.text(tokens:)) ?? prompt ?? Self.defaultPrompt,
            maxTokens: maxTokens, endpoint: chat ? .chat : .completions, concurrency: concurrency, stop: stop)
        let runner = LoadRunner(client: access.client, plan: plan)
        guard let line = ProgressLine(output: context.output, enabled: !context.options.quiet) else {
            return await runner.run()
        }
        let report = await runner.run { progress in line.draw(progress) }
        line.clear()
        return report
    }
}
