import Hummingbird
import NIOCore

/// `POST /v1/chat/completions`: the assistant's answer to a conversation, whole
/// or streamed. Answers end on their own (end-of-sequence after a few sentences)
/// unless `max_tokens`, a stop string or `ignore_eos` says otherwise.
extension ModelServer {
    func chatCompletions(_ request: Request) async throws -> Response {
        let fields = try await readBody(request)
        let model = try resolveModel(fields)
        let messages = try fields.chatMessages("messages")
        let sampling = try SamplingParameters(fields, maxTokensKeys: ["max_completion_tokens", "max_tokens"])
        let addGenerationPrompt = try fields.bool("add_generation_prompt") ?? true
        let promptText = ChatTemplate.render(messages, addGenerationPrompt: addGenerationPrompt)
        let prompt = Prompt(tokens: tokenizer.tokenize(promptText), text: promptText)
        let maxTokens = try sampling.maxTokens(promptTokens: prompt.tokens.count, defaultValue: nil)
        let jobs = (0..<sampling.n).map { sample in
            let generator = TextGenerator(
                prompt: prompt.tokens,
                seed: sampling.seed(prompt: prompt.tokens, choice: sample),
                temperature: sampling.temperature,
                startsAnswer: true,
                endsWithEndOfSequence: !sampling.ignoreEndOfSequence
            )
            return ChoiceJob(
                index: sample,
                echo: [],
                generation: Generation(generator: generator, maxTokens: maxTokens, stops: sampling.stops)
            )
        }
        let id = Identifiers.make("chatcmpl-")
        if sampling.stream {
            let format = ChunkFormat(kind: .chat, id: id, created: Identifiers.now(), model: model)
            return streamResponse(
                jobs: jobs, format: format, promptTokens: prompt.tokens.count, includeUsage: sampling.includeUsage)
        }
        var choices: [JSON] = []
        var completionTokens = 0
        for var job in jobs {
            let (text, finish) = job.generation.collect()
            completionTokens += job.generation.tokenCount
            choices.append(
                .object([
                    ("index", .int(job.index)),
                    (
                        "message",
                        .object([
                            ("role", .string("assistant")),
                            ("content", .string(String(decoding: text, as: UTF8.self))),
                            ("refusal", .null),
                            ("annotations", .null),
                            ("audio", .null),
                            ("function_call", .null),
                            ("reasoning", .null),
                        ])
                    ),
                    ("logprobs", .null),
                    ("finish_reason", .string(finish.name)),
                    ("stop_reason", finish.stopReason),
                    ("token_ids", .null),
                    ("routed_experts", .null),
                ])
            )
        }
        try await paceNonStreamed(tokens: completionTokens)
        return .json(
            .object([
                ("id", .string(id)),
                ("object", .string("chat.completion")),
                ("created", .int(Identifiers.now())),
                ("model", .string(model)),
                ("choices", .array(choices)),
                ("service_tier", .null),
                ("system_fingerprint", .string(Identifiers.systemFingerprint)),
                ("usage", Usage(promptTokens: prompt.tokens.count, completionTokens: completionTokens).json),
                ("prompt_logprobs", .null),
                ("prompt_token_ids", .null),
                ("prompt_text", .null),
                ("kv_transfer_params", .null),
                ("ec_transfer_params", .null),
                ("metrics", .null),
            ])
        )
    }
}
