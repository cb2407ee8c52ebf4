/// The result of a load test, named as `vllm bench serve` names its figures
/// (TTFT, TPOT, ITL, E2EL in milliseconds; throughputs per second of wall time).
/// Encodes as the `-o json|yaml` document.
public struct LoadReport: Sendable, Encodable {
    public var model: String
    public var endpoint: LoadPlan.Endpoint
    public var concurrency: Int
    public var maxTokens: Int
    /// Wall time from the first request sent to the last one finished (or cut).
    public var durationSeconds: Double
    public var succeeded: Int
    public var failed: Int
    public var failures: [String: LoadStatistics.Failures]
    public var cancelled: Int
    /// True when the test was stopped (Ctrl-C) before its planned end.
    public var interrupted: Bool
    public var totalInputTokens: Int
    public var totalOutputTokens: Int
    /// Successful requests per second.
    public var requestThroughput: Double
    /// All successful requests' output tokens per second of wall time.
    public var outputThroughput: Double
    public var ttftMs: Distribution.Summary?
    public var tpotMs: Distribution.Summary?
    public var itlMs: Distribution.Summary?
    public var e2elMs: Distribution.Summary?
    /// Each successful request's output tokens over its own E2EL.
    public var requestOutputThroughput: Distribution.Summary?

    enum CodingKeys: String, CodingKey {
        case model, endpoint, concurrency, failures, cancelled, interrupted
        case maxTokens = "max_tokens"
        case durationSeconds = "duration_s"
        case succeeded = "completed"
        case failed
        case totalInputTokens = "total_input_tokens"
        case totalOutputTokens = "total_output_tokens"
        case requestThroughput = "request_throughput"
        case outputThroughput = "output_throughput"
        case ttftMs = "ttft_ms"
        case tpotMs = "tpot_ms"
        case itlMs = "itl_ms"
        case e2elMs = "e2el_ms"
        case requestOutputThroughput = "per_request_output_throughput"
    }

    public init(plan: LoadPlan, statistics: LoadStatistics, wallTime: Duration, interrupted: Bool) {
        let seconds = wallTime.milliseconds / 1000
        model = plan.model
        endpoint = plan.endpoint
        concurrency = plan.concurrency
        maxTokens = plan.maxTokens
        durationSeconds = seconds
        succeeded = statistics.succeeded
        failed = statistics.failed
        failures = statistics.failures
        cancelled = statistics.cancelled
        self.interrupted = interrupted
        totalInputTokens = statistics.promptTokens
        totalOutputTokens = statistics.outputTokens
        requestThroughput = seconds > 0 ? Double(statistics.succeeded) / seconds : 0
        outputThroughput = seconds > 0 ? Double(statistics.outputTokens) / seconds : 0
        ttftMs = statistics.timeToFirstToken.summary
        tpotMs = statistics.timePerOutputToken.summary
        itlMs = statistics.interTokenLatency.summary
        e2elMs = statistics.endToEndLatency.summary
        requestOutputThroughput = statistics.requestOutputThroughput.summary
    }
}
