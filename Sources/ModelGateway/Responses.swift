/// Token counts reported by the server.
public struct Usage: Decodable, Sendable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
        completionTokens = try container.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
        totalTokens = try container.decodeIfPresent(Int.self, forKey: .totalTokens) ?? promptTokens + completionTokens
    }
}

/// A card of `GET /v1/models`.
public struct ModelCard: Decodable, Sendable, Equatable {
    public var id: String
    public var ownedBy: String?
    public var created: Int?
    public var root: String?
    public var maxModelLength: Int?

    enum CodingKeys: String, CodingKey {
        case id, created, root
        case ownedBy = "owned_by"
        case maxModelLength = "max_model_len"
    }
}

struct ModelList: Decodable {
    var data: [ModelCard]
}

/// A non-streamed `/v1/completions` answer.
public struct CompletionResponse: Decodable, Sendable, Equatable {
    public struct Choice: Decodable, Sendable, Equatable {
        public var index: Int
        public var text: String
        public var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, text
            case finishReason = "finish_reason"
        }
    }

    public var id: String
    public var model: String
    public var created: Int?
    public var choices: [Choice]
    public var usage: Usage?

    /// The first choice's text, which is all there is unless `n` > 1.
    public var text: String { choices.first?.text ?? "" }
}

/// A non-streamed `/v1/chat/completions` answer.
public struct ChatResponse: Decodable, Sendable, Equatable {
    public struct Choice: Decodable, Sendable, Equatable {
        public struct Message: Decodable, Sendable, Equatable {
            public var role: String
            /// Null when the model answered only with tool calls.
            public var content: String?
        }

        public var index: Int
        public var message: Message
        public var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }
    }

    public var id: String
    public var model: String
    public var created: Int?
    public var choices: [Choice]
    public var usage: Usage?

    /// The first choice's content.
    public var content: String { choices.first?.message.content ?? "" }
}

/// `/v1/embeddings`: one vector per input, in input order.
public struct EmbeddingsResponse: Decodable, Sendable, Equatable {
    public struct Embedding: Decodable, Sendable, Equatable {
        public var index: Int
        public var embedding: [Double]
    }

    public var model: String
    public var data: [Embedding]
    public var usage: Usage?
}

/// `/tokenize`.
public struct TokenizeResponse: Decodable, Sendable, Equatable {
    public var count: Int
    public var maxModelLength: Int?
    public var tokens: [Int]
    public var tokenStrings: [String]?

    enum CodingKeys: String, CodingKey {
        case count, tokens
        case maxModelLength = "max_model_len"
        case tokenStrings = "token_strs"
    }
}

struct DetokenizeResponse: Decodable {
    var prompt: String
}

struct VersionResponse: Decodable {
    var version: String
}

/// `GET /health`: the status and how long the round trip took.
public struct HealthStatus: Sendable, Equatable {
    public var status: Int
    public var latency: Duration
}
