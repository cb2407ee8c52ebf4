/// The timings of one streamed request, with vLLM's `bench serve` definitions:
///
/// - TTFT: request sent → first chunk with choices, even one whose text is empty (vLLM
///   sends those when a token ends inside a UTF-8 character, and chat starts with one).
/// - ITL: the gaps between consecutive chunks with choices (one per chunk, as vLLM
///   measures it, so a chunk carrying several tokens counts once, an empty one too).
/// - E2EL: request sent → end of the stream.
/// - TPOT: (E2EL − TTFT) / (output tokens − 1), the mean time per token after the first.
///
/// Instants come from the monotonic `ContinuousClock`.
public struct RequestMeasurement: Sendable {
    public let start: ContinuousClock.Instant
    public private(set) var firstToken: ContinuousClock.Instant?
    private var lastToken: ContinuousClock.Instant?
    public private(set) var interTokenLatencies: [Duration] = []
    public private(set) var end: ContinuousClock.Instant?
    /// Chunks with text seen so far (the output tokens when the server sends no usage).
    public private(set) var chunks = 0
    /// The server's `usage.completion_tokens` when it sent usage, else the chunk count.
    public private(set) var outputTokens = 0
    public private(set) var promptTokens: Int?

    public init(start: ContinuousClock.Instant) {
        self.start = start
    }

    /// A chunk with choices arrived; `withText` is false for an empty one.
    public mutating func chunkArrived(at instant: ContinuousClock.Instant, withText: Bool = true) {
        if let lastToken { interTokenLatencies.append(instant - lastToken) } else { firstToken = instant }
        lastToken = instant
        if withText { chunks += 1 }
    }

    /// The stream ended; `usage` holds the server's token counts when it sent them.
    public mutating func finish(at instant: ContinuousClock.Instant, outputTokens usageTokens: Int?, promptTokens: Int?) {
        end = instant
        outputTokens = usageTokens ?? chunks
        self.promptTokens = promptTokens
    }

    public var timeToFirstToken: Duration? { firstToken.map { $0 - start } }
    public var endToEndLatency: Duration? { end.map { $0 - start } }

    /// Undefined for fewer than two tokens, as in vLLM.
    public var timePerOutputToken: Duration? {
        guard outputTokens > 1, let end, let firstToken else { return nil }
        return (end - firstToken) / (outputTokens - 1)
    }

    /// This request's output tokens per second over its whole latency.
    public var outputTokensPerSecond: Double? {
        guard let latency = endToEndLatency, latency > .zero else { return nil }
        return Double(outputTokens) / (latency.milliseconds / 1000)
    }
}
