/// A look at a running load test, for a live progress line.
public struct LoadProgress: Sendable, Equatable {
    public var elapsed: Duration
    public var succeeded: Int
    public var failed: Int
    public var inFlight: Int
    public var outputTokens: Int
    /// Requests to finish, for `.requests(n)`; nil for a duration.
    public var targetRequests: Int?
    /// The planned length, for `.duration(d)`; nil for a request count.
    public var targetDuration: Duration?

    public var finished: Int { succeeded + failed }

    /// Output tokens per second since the start.
    public var outputThroughput: Double {
        let seconds = elapsed.milliseconds / 1000
        return seconds > 0 ? Double(outputTokens) / seconds : 0
    }
}
