import ModelGateway

/// What the workers have measured so far. Each finished request is folded in
/// once, so memory stays constant however long the test runs.
public struct LoadStatistics: Sendable {
    /// Failed requests of one kind, with one message to show what it was.
    public struct Failures: Sendable, Equatable, Codable {
        public var count: Int
        public var example: String
    }

    public private(set) var succeeded = 0
    public private(set) var failures: [String: Failures] = [:]
    /// Requests cut by the end of a `--duration` or by Ctrl-C: neither ok nor failed.
    public private(set) var cancelled = 0
    public private(set) var outputTokens = 0
    public private(set) var promptTokens = 0
    public private(set) var timeToFirstToken = Distribution.milliseconds()
    public private(set) var timePerOutputToken = Distribution.milliseconds()
    public private(set) var interTokenLatency = Distribution.milliseconds()
    public private(set) var endToEndLatency = Distribution.milliseconds()
    /// Per-request output tokens per second, to a hundredth.
    public private(set) var requestOutputThroughput = Distribution(resolution: 100)

    public init() {}

    public var failed: Int { failures.values.reduce(0) { $0 + $1.count } }
    public var finished: Int { succeeded + failed }

    public mutating func recordSuccess(_ measurement: RequestMeasurement) {
        succeeded += 1
        outputTokens += measurement.outputTokens
        promptTokens += measurement.promptTokens ?? 0
        if let ttft = measurement.timeToFirstToken { timeToFirstToken.record(milliseconds: ttft) }
        if let tpot = measurement.timePerOutputToken { timePerOutputToken.record(milliseconds: tpot) }
        for gap in measurement.interTokenLatencies { interTokenLatency.record(milliseconds: gap) }
        if let e2el = measurement.endToEndLatency { endToEndLatency.record(milliseconds: e2el) }
        if let rate = measurement.outputTokensPerSecond { requestOutputThroughput.record(rate) }
    }

    public mutating func recordFailure(_ error: GatewayError) {
        let kind = FailureKind.label(for: error)
        failures[kind, default: Failures(count: 0, example: error.message)].count += 1
    }

    public mutating func recordCancelled() {
        cancelled += 1
    }
}
