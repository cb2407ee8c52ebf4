import ModelGateway

/// One prompt and what came back, as `complete`, a chat turn and each `compare` target end:
/// what the prompt log stores and what `expect` checks. It holds no credential: the
/// profile by name and the gateway by its URL (user-info removed before it is stored).
public struct PromptRecord: Sendable, Equatable {
    public enum Verb: String, Sendable, Codable, CaseIterable {
        case complete, chat, compare
    }

    public var verb: Verb
    public var profile: String
    public var gateway: String
    public var model: String
    /// `complete`'s prompt; nil for chat.
    public var prompt: String?
    /// The conversation sent (chat, `compare --chat`); empty for `complete`.
    public var messages: [ChatMessage]
    public var options: SamplingOptions
    /// The answer, or as much of it as arrived.
    public var answer: String
    /// Cut short by Ctrl-C or a broken stream.
    public var partial: Bool
    public var promptTokens: Int?
    public var completionTokens: Int
    public var timeToFirstToken: Duration?
    public var total: Duration
    /// The HTTP status (200 for an answer); nil when no response came.
    public var status: Int?
    /// The failure in one line; nil for an answer.
    public var error: String?

    public init(
        verb: Verb, profile: String, gateway: String, model: String, prompt: String? = nil, messages: [ChatMessage] = [],
        options: SamplingOptions, answer: String = "", partial: Bool = false, promptTokens: Int? = nil,
        completionTokens: Int = 0, timeToFirstToken: Duration? = nil, total: Duration = .zero, status: Int? = nil,
        error: String? = nil
    ) {
        self.verb = verb
        self.profile = profile
        self.gateway = gateway
        self.model = model
        self.prompt = prompt
        self.messages = messages
        self.options = options
        self.answer = answer
        self.partial = partial
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.timeToFirstToken = timeToFirstToken
        self.total = total
        self.status = status
        self.error = error
    }

    /// Fills in what a streamed answer measured: its text, tokens, times and how it ended.
    mutating func take(_ result: StreamPrinter.Result) {
        answer = result.text
        completionTokens = result.usage?.completionTokens ?? result.tokens
        promptTokens = result.usage?.promptTokens
        timeToFirstToken = result.timeToFirstToken
        total = result.total
        partial = result.interrupted || result.failure != nil
        if let failure = result.failure {
            fail(failure)
        } else {
            status = 200
            error = result.interrupted ? "interrupted" : nil
        }
    }

    /// Records a request that failed.
    mutating func fail(_ failure: GatewayError) {
        status = failure.status
        error = failure == .cancelled ? "interrupted" : failure.message
        if failure == .cancelled { partial = true }
        if status == nil, case .streamInterrupted = failure { status = 200 }
    }
}
