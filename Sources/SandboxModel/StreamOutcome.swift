/// How a streamed response ended; reported to an observer so tests (and the sandbox
/// composer) can see that a client disconnect stops generation.
enum StreamOutcome: Sendable, Equatable {
    /// Every event up to `[DONE]` was written.
    case completed(tokens: Int)
    /// The client went away (a write failed or the writer task was cancelled) after
    /// this many tokens were generated; generation stopped there.
    case abandoned(tokens: Int)
}

typealias StreamObserver = @Sendable (StreamOutcome) -> Void
