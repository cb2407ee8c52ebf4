import ArgumentParser
import ModelGateway

/// The generation options `complete` and `chat` share: the model, then the sampling.
struct SamplingFlags: ParsableArguments {
    @Option(help: ArgumentHelp("The model id (default: the profile's model, or the only one served).", valueName: "model"),
            completion: .custom { _, _, _ in [] })
    var model: String?

    @OptionGroup var parameters: SamplingParameters

    var options: SamplingOptions { parameters.options }
}

/// The sampling settings `complete`, `chat` and `compare` send, checked as vLLM checks them.
struct SamplingParameters: ParsableArguments {
    @Option(help: "The most tokens to generate.")
    var maxTokens: Int?

    @Option(help: "Sampling temperature (0 = greedy).")
    var temperature: Double?

    @Option(help: "Nucleus sampling probability mass.")
    var topP: Double?

    @Option(help: "Seed the sampling: the same seed, prompt and settings give the same answer (vLLM's `seed`).")
    var seed: Int?

    func validate() throws {
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        if let temperature, !(0...2).contains(temperature) { throw ValidationError("--temperature must be between 0 and 2") }
        if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1]") }
    }

    var options: SamplingOptions {
        SamplingOptions(maxTokens: maxTokens, temperature: temperature, topP: topP, seed: seed)
    }
}

/// Prints the stats line on stderr, unless quiet.
func printStats(_ result: StreamPrinter.Result, context: CommandContext, enabled: Bool = true) {
    guard enabled, !context.options.quiet else { return }
    let tokens = result.usage?.completionTokens ?? result.tokens
    var line = AnswerStats.line(tokens: tokens, timeToFirstToken: result.timeToFirstToken, total: result.total)
    if result.interrupted { line = "interrupted · " + line }
    context.output.note(context.output.style(line, .dim))
}

/// After a stream: a broken stream is an error (the text stays printed); Ctrl-C ends the command as interrupted.
func finishStream(_ result: StreamPrinter.Result) throws {
    if let failure = result.failure { throw failure }
    if result.interrupted { throw CancellationError() }
}
