import Foundation
import Untrusted

/// One prompt and its outcome as the log keeps it. It holds no credential: the profile by
/// name, the gateway by its URL without user-info (the caller redacts it).
public struct PromptLogEntry: Sendable, Equatable {
    /// One message of a conversation.
    public struct Message: Sendable, Equatable, Codable {
        public var role: String
        public var content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    /// The sampling parameters sent, stored as JSON with the API's names.
    public struct Parameters: Sendable, Equatable, Codable {
        public var maxTokens: Int?
        public var temperature: Double?
        public var topP: Double?
        public var stop: [String]
        public var seed: Int?

        public init(maxTokens: Int? = nil, temperature: Double? = nil, topP: Double? = nil, stop: [String] = [], seed: Int? = nil) {
            self.maxTokens = maxTokens
            self.temperature = temperature
            self.topP = topP
            self.stop = stop
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case maxTokens = "max_tokens", temperature, topP = "top_p", stop, seed
        }
    }

    /// Assigned by the store; nil before the entry is inserted.
    public var id: Int64?
    public var time: Date
    public var profile: String
    public var gateway: String
    public var model: String
    /// `complete`, `chat` or `compare`.
    public var verb: String
    /// `complete`'s prompt; nil for a conversation.
    public var prompt: String?
    /// The conversation sent; empty for `complete`.
    public var messages: [Message]
    public var parameters: Parameters
    /// The answer, or as much of it as arrived.
    public var answer: String
    /// Cut short by Ctrl-C or a broken stream.
    public var partial: Bool
    public var promptTokens: Int?
    public var completionTokens: Int
    public var timeToFirstTokenMilliseconds: Double?
    public var totalMilliseconds: Double
    /// The HTTP status; nil when no response came.
    public var status: Int?
    /// The failure in one line; nil for an answer.
    public var error: String?

    public init(
        id: Int64? = nil, time: Date, profile: String, gateway: String, model: String, verb: String, prompt: String? = nil,
        messages: [Message] = [], parameters: Parameters = Parameters(), answer: String = "", partial: Bool = false,
        promptTokens: Int? = nil, completionTokens: Int = 0, timeToFirstTokenMilliseconds: Double? = nil,
        totalMilliseconds: Double = 0, status: Int? = nil, error: String? = nil
    ) {
        self.id = id
        self.time = time
        self.profile = profile
        self.gateway = gateway
        self.model = model
        self.verb = verb
        self.prompt = prompt
        self.messages = messages
        self.parameters = parameters
        self.answer = answer
        self.partial = partial
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.timeToFirstTokenMilliseconds = timeToFirstTokenMilliseconds
        self.totalMilliseconds = totalMilliseconds
        self.status = status
        self.error = error
    }

    /// No answer came with status 200, or something went wrong (including Ctrl-C).
    public var failed: Bool { status != 200 || error != nil }

    /// `messages` as stored: `[{"content":…,"role":…}]`, keys sorted.
    var messagesJSON: [UInt8] {
        var json = JSONWriter()
        json.array { list in
            for message in messages {
                list.object { $0.field("content", message.content); $0.field("role", message.role) }
            }
        }
        return json.bytes
    }
}

extension PromptLogEntry.Parameters {
    /// As stored, with the API's names, keys sorted and nil fields left out.
    var json: [UInt8] {
        var json = JSONWriter()
        json.object { body in
            body.field("max_tokens", maxTokens)
            body.field("seed", seed)
            body.field("stop", stop)
            body.field("temperature", temperature)
            body.field("top_p", topP)
        }
        return json.bytes
    }
}
