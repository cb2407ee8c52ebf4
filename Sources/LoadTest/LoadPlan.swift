import ModelGateway

/// What a load test sends and when it stops.
public struct LoadPlan: Sendable, Equatable {
    /// The endpoint each request goes to.
    public enum Endpoint: String, Sendable, Equatable, Codable {
        /// `POST /v1/completions` with the prompt.
        case completions
        /// `POST /v1/chat/completions` with the prompt as one user message.
        case chat
    }

    /// When the test ends.
    public enum Stop: Sendable, Equatable {
        /// After this many requests have finished (successfully or not).
        case requests(Int)
        /// When this much time has passed; requests still in flight then are cut
        /// and counted as cancelled, not as failures.
        case duration(Duration)
    }

    public var model: String
    public var prompt: String
    public var maxTokens: Int
    public var endpoint: Endpoint
    /// Requests in flight at once: one worker each, every worker sending its next
    /// request as soon as the previous one ends (a closed loop, as `vllm bench serve
    /// --max-concurrency` with an infinite request rate).
    public var concurrency: Int
    public var stop: Stop
    /// How often progress snapshots are delivered.
    public var progressInterval: Duration

    public init(
        model: String, prompt: String, maxTokens: Int, endpoint: Endpoint = .completions,
        concurrency: Int, stop: Stop, progressInterval: Duration = .milliseconds(100)
    ) {
        self.model = model
        self.prompt = prompt
        self.maxTokens = maxTokens
        self.endpoint = endpoint
        self.concurrency = concurrency
        self.stop = stop
        self.progressInterval = progressInterval
    }

    /// The requests' sampling: a fixed length and greedy decoding, so that every
    /// request asks for the same work.
    var options: SamplingOptions {
        SamplingOptions(maxTokens: maxTokens, temperature: 0)
    }
}
