import Hummingbird
import NIOCore

/// `POST /v1/completions`: text completion, whole or streamed.
extension ModelServer {
    func completions(_ request: Request) async throws -> Response {
        let fields = try await readBody(request)
        let model = try resolveModel(fields)
        let prompts = try fields.prompts("prompt", tokenizer: tokenizer)
        let sampling = try SamplingParameters(fields, maxTokensKeys: ["max_tokens"])
        let echo = try fields.bool("echo") ?? false
        if fields.has("suffix") {
            throw APIError.badRequest("suffix is not currently supported", param: "suffix")
        }
        // A prompt list multiplies the work like `n` does; both are bounded together.
        let requested = prompts.count * sampling.n
        if requested > SamplingParameters.maxChoicesPerRequest {
            throw APIError.badRequest(
                "A request may ask for at most \(SamplingParameters.maxChoicesPerRequest) choices "
                    + "(prompts × n), got \(requested).", param: "prompt")
        }
        var jobs: [ChoiceJob] = []
        for (promptIndex, prompt) in prompts.enumerated() {
            // vLLM's completion default is 16 tokens.
            let maxTokens = try sampling.maxTokens(promptTokens: prompt.tokens.count, defaultValue: 16)
            for sample in 0..<sampling.n {
                let generator = TextGenerator(
                    prompt: prompt.tokens,
                    seed: sampling.seed(prompt: prompt.tokens, choice: sample),
                    temperature: sampling.temperature,
                    startsAnswer: false,
                    endsWithEndOfSequence: false
                )
                jobs.append(
                    ChoiceJob(
                        index: promptIndex * sampling.n + sample,
                        echo: echo ? Array(prompt.text.utf8) : [],
                        generation: Generation(generator: generator, maxTokens: maxTokens, stops: sampling.stops)
                    )
                )
            }
        }
        let id = Identifiers.make("cmpl-")
        let promptTokens = prompts.map(\.tokens.count).reduce(0, +)
        if sampling.stream {
            let format = ChunkFormat(kind: .completion, id: id, created: Identifiers.now(), model: model)
            return streamResponse(jobs: jobs, format: format, promptTokens: promptTokens, includeUsage: sampling.includeUsage)
        }
        var choices: [JSON] = []
        var completionTokens = 0
        for var job in jobs {
            let (text, finish) = job.generation.collect()
            completionTokens += job.generation.tokenCount
            choices.append(
                .object([
                    ("index", .int(job.index)),
                    ("text", .string(String(decoding: job.echo + text, as: UTF8.self))),
                    ("logprobs", .null),
                    ("finish_reason", .string(finish.name)),
                    ("stop_reason", finish.stopReason),
                    ("token_ids", .null),
                    ("prompt_logprobs", .null),
                    ("prompt_token_ids", .null),
                    ("routed_experts", .null),
                ])
            )
        }
        try await paceNonStreamed(tokens: completionTokens)
        return .json(
            .object([
                ("id", .string(id)),
                ("object", .string("text_completion")),
                ("created", .int(Identifiers.now())),
                ("model", .string(model)),
                ("choices", .array(choices)),
                ("service_tier", .null),
                ("system_fingerprint", .string(Identifiers.systemFingerprint)),
                ("usage", Usage(promptTokens: promptTokens, completionTokens: completionTokens).json),
                ("kv_transfer_params", .null),
                ("ec_transfer_params", .null),
                ("metrics", .null),
            ])
        )
    }
}

/// One choice to generate: its index in `choices`, the text to send before the
/// first token (the prompt, with `echo`) and its token stream.
struct ChoiceJob: Sendable {
    var index: Int
    var echo: [UInt8]
    var generation: Generation
}
