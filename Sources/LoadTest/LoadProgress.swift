/// A look at a running load test, for a live progress line.
public struct LoadProgress: Sendable, Equatable {
    public var elapsed: Duration
    public var succeeded: Int
    public var failed: Int
    public var inFlight: Int
    /// Text chunks received so far, those of requests in flight included (about one
    /// token each), so that the rate moves before the first request ends.
    public var chunksReceived: Int
    /// Requests to finish, for `.requests(n)`; nil for a duration.
    public var targetRequests: Int?
    /// The planned length, for `.duration(d)`; nil for a request count.
    public var targetDuration: Duration?

    public var finished: Int { succeeded + failed }

    /// Chunks (about tokens) per second since the start.
    public var chunkRate: Double {
        let seconds = elapsed.milliseconds / 1000
        return seconds > 0 ? Double(chunksReceived) / seconds : 0
    }
}
