/// One turn of a conversation.
public struct ChatMessage: Codable, Sendable, Equatable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: "assistant", content: content) }
}

/// Sampling settings shared by completions and chat. Fields left nil are not sent,
/// so the server's defaults apply (and old vLLM, which rejects unknown or empty
/// fields, is not upset).
public struct SamplingOptions: Sendable, Equatable {
    public var maxTokens: Int?
    public var temperature: Double?
    public var topP: Double?
    /// Stop strings; an empty list is not sent (a gateway policy turns `[]` into `{}`).
    public var stop: [String]
    public var seed: Int?

    public init(maxTokens: Int? = nil, temperature: Double? = nil, topP: Double? = nil, stop: [String] = [], seed: Int? = nil)
    {
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.stop = stop
        self.seed = seed
    }
}

/// `POST /v1/completions`.
public struct CompletionRequest: Sendable, Equatable {
    public var model: String
    public var prompt: String
    public var options: SamplingOptions
    /// Return the prompt before the completion.
    public var echo: Bool

    public init(model: String, prompt: String, options: SamplingOptions = .init(), echo: Bool = false) {
        self.model = model
        self.prompt = prompt
        self.options = options
        self.echo = echo
    }
}

/// `POST /v1/chat/completions`.
public struct ChatRequest: Sendable, Equatable {
    public var model: String
    public var messages: [ChatMessage]
    public var options: SamplingOptions

    public init(model: String, messages: [ChatMessage], options: SamplingOptions = .init()) {
        self.model = model
        self.messages = messages
        self.options = options
    }
}

/// The JSON bodies as sent. `stream_options` goes only with `stream: true`, since
/// vLLM answers 400 otherwise.
struct GenerationBody: Encodable {
    var model: String
    var prompt: String?
    var messages: [ChatMessage]?
    var maxTokens: Int?
    var temperature: Double?
    var topP: Double?
    var stop: [String]?
    var seed: Int?
    var echo: Bool?
    var stream: Bool?
    var streamOptions: StreamOptions?

    struct StreamOptions: Encodable {
        var includeUsage: Bool
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    enum CodingKeys: String, CodingKey {
        case model, prompt, messages, temperature, stop, seed, echo, stream
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case streamOptions = "stream_options"
    }

    init(model: String, prompt: String? = nil, messages: [ChatMessage]? = nil, options: SamplingOptions, echo: Bool,
         stream: Bool)
    {
        self.model = model
        self.prompt = prompt
        self.messages = messages
        self.maxTokens = options.maxTokens
        self.temperature = options.temperature
        self.topP = options.topP
        self.stop = options.stop.isEmpty ? nil : options.stop
        self.seed = options.seed
        self.echo = echo ? true : nil
        self.stream = stream ? true : nil
        self.streamOptions = stream ? StreamOptions(includeUsage: true) : nil
    }
}

struct EmbeddingsBody: Encodable {
    var model: String
    var input: [String]
}

struct TokenizeBody: Encodable {
    var model: String
    var prompt: String
}

struct DetokenizeBody: Encodable {
    var model: String
    var tokens: [Int]
}
