/// The request fields shared by `/v1/completions` and `/v1/chat/completions`, read
/// and checked the way vLLM checks them.
struct SamplingParameters: Sendable {
    var requestedMaxTokens: Int?
    var temperature: Double
    var stops: [String]
    var stream: Bool
    var includeUsage: Bool
    var seed: Int?
    var n: Int
    var ignoreEndOfSequence: Bool

    init(_ fields: RequestFields, maxTokensKeys: [String]) throws(APIError) {
        var maxTokens: Int?
        for key in maxTokensKeys where maxTokens == nil {
            maxTokens = try fields.int(key)
        }
        self.requestedMaxTokens = maxTokens
        // vLLM ≥ 0.9 falls back to the model's generation config; TinyLlama's is 1.0.
        self.temperature = try fields.double("temperature") ?? 1.0
        self.stops = try fields.strings("stop")
        self.stream = try fields.bool("stream") ?? false
        let streamOptions = try fields.object("stream_options")
        if streamOptions != nil && !stream {
            throw APIError.badRequest("Stream options can only be defined when `stream=True`.")
        }
        self.includeUsage = try streamOptions?.bool("include_usage") ?? (streamOptions != nil)
        self.seed = try fields.int("seed")
        self.n = try fields.int("n") ?? 1
        self.ignoreEndOfSequence = try fields.bool("ignore_eos") ?? false

        if let maxTokens, maxTokens < 1 {
            throw APIError.badRequest("max_tokens must be at least 1, got \(maxTokens).", param: "max_tokens")
        }
        if temperature < 0 {
            throw APIError.badRequest("temperature must be non-negative, got \(temperature).", param: "temperature")
        }
        if n < 1 || n > Self.maxChoices {
            throw APIError.badRequest("n must be between 1 and \(Self.maxChoices), got \(n).", param: "n")
        }
    }

    /// A sandbox limit so one request cannot ask for unbounded work.
    static let maxChoices = 16
    /// The same for a list of prompts times `n` (each choice may run to the context length).
    static let maxChoicesPerRequest = 256

    /// The number of tokens to generate for a prompt, or the error vLLM gives when
    /// the request does not fit the context window.
    func maxTokens(promptTokens: Int, defaultValue: Int?) throws(APIError) -> Int {
        let contextLength = ModelServerConfiguration.maxModelLength
        if let requestedMaxTokens, requestedMaxTokens > contextLength {
            throw APIError.badRequest(
                "max_tokens=\(requestedMaxTokens) cannot be greater than max_model_len=\(contextLength). "
                    + "Please request fewer output tokens. (parameter=max_tokens, value=\(requestedMaxTokens))",
                param: "max_tokens"
            )
        }
        if promptTokens >= contextLength {
            throw APIError.badRequest(
                "This model's maximum context length is \(contextLength) tokens. However, your request has "
                    + "\(promptTokens) input tokens. Please reduce the length of the input messages.",
                param: "messages"
            )
        }
        let maxTokens = requestedMaxTokens ?? defaultValue ?? (contextLength - promptTokens)
        if promptTokens + maxTokens > contextLength {
            throw APIError.badRequest(
                "'max_tokens' or 'max_completion_tokens' is too large: \(maxTokens). This model's maximum context "
                    + "length is \(contextLength) tokens and your request has \(promptTokens) input tokens "
                    + "(\(maxTokens) > \(contextLength) - \(promptTokens)).",
                param: "max_tokens"
            )
        }
        return maxTokens
    }

    /// The seed of one choice: the same prompt and settings always give the same text.
    func seed(prompt: [Int], choice: Int) -> UInt64 {
        var hash = FNV1a()
        hash.combine(prompt)
        hash.combine(temperature.bitPattern)
        hash.combine(UInt64(bitPattern: Int64(seed ?? 0)))
        hash.combine(UInt64(choice))
        return hash.value
    }
}
