import Untrusted

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

/// The JSON bodies as sent, written by `JSONWriter`. Fields left nil are not sent;
/// `stream_options` goes only with `stream: true`, since vLLM answers 400 otherwise.
struct GenerationBody {
    var model: String
    var prompt: String?
    var messages: [ChatMessage]?
    var options: SamplingOptions
    var echo: Bool
    var stream: Bool

    init(model: String, prompt: String? = nil, messages: [ChatMessage]? = nil, options: SamplingOptions, echo: Bool,
         stream: Bool)
    {
        self.model = model
        self.prompt = prompt
        self.messages = messages
        self.options = options
        self.echo = echo
        self.stream = stream
    }

    var json: [UInt8] {
        var json = JSONWriter()
        json.object { body in
            body.field("model", model)
            body.field("prompt", prompt)
            if let messages {
                body.key("messages")
                body.array { list in
                    for message in messages {
                        list.object { $0.field("role", message.role); $0.field("content", message.content) }
                    }
                }
            }
            body.field("max_tokens", options.maxTokens)
            body.field("temperature", options.temperature)
            body.field("top_p", options.topP)
            body.field("stop", options.stop.isEmpty ? nil : options.stop)
            body.field("seed", options.seed)
            if echo { body.field("echo", true) }
            if stream {
                body.field("stream", true)
                body.key("stream_options")
                body.object { $0.field("include_usage", true) }
            }
        }
        return json.bytes
    }
}

struct EmbeddingsBody {
    var model: String
    var input: [String]

    var json: [UInt8] {
        var json = JSONWriter()
        json.object { $0.field("model", model); $0.field("input", input) }
        return json.bytes
    }
}

struct TokenizeBody {
    var model: String
    var prompt: String

    var json: [UInt8] {
        var json = JSONWriter()
        json.object { $0.field("model", model); $0.field("prompt", prompt) }
        return json.bytes
    }
}

struct DetokenizeBody {
    var model: String
    var tokens: [Int]

    var json: [UInt8] {
        var json = JSONWriter()
        json.object { body in
            body.field("model", model)
            body.key("tokens")
            body.array { for token in tokens { $0.int(token) } }
        }
        return json.bytes
    }
}
