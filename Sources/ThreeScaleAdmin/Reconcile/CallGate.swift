/// Lets reads that would go together (`async let`) through one at a time when the
/// caller asked for one call at a time (`--concurrency 1`), so that such a run makes
/// exactly one admin call at a time, as a sequential client would.
actor CallGate {
    let oneAtATime: Bool
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(oneAtATime: Bool) {
        self.oneAtATime = oneAtATime
    }

    init(concurrency: Int) {
        self.init(oneAtATime: concurrency <= 1)
    }

    func run<T: Sendable>(_ call: @Sendable () async throws(AdminError) -> T) async throws(AdminError) -> T {
        guard oneAtATime else { return try await call() }
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        // The gate passes straight to the next waiter, so `busy` stays set while any wait.
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await call()
    }

    /// `run`, with its outcome as a value, for `async let` (which cannot keep the error type).
    func result<T: Sendable>(_ call: @Sendable () async throws(AdminError) -> T) async -> Result<T, AdminError> {
        do {
            return .success(try await run(call))
        } catch {
            return .failure(error)
        }
    }
}
