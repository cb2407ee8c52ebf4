import Foundation

/// Events observed by a test upstream, in order, and waits for them that end when the
/// waiting task is cancelled (so a deadlock guard can end them).
actor EventLog {
    private(set) var events: [String] = []
    private var waiters: [(id: Int, event: String, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiter = 0

    func record(_ event: String) {
        events.append(event)
        for waiter in waiters where waiter.event == event { waiter.continuation.resume() }
        waiters.removeAll { $0.event == event }
    }

    /// Suspends until `event` has been recorded; throws `CancellationError` if cancelled first.
    func wait(for event: String) async throws {
        if events.contains(event) { return }
        let id = nextWaiter
        nextWaiter += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, event, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}

/// The deadlock guard gave up: `body` did not finish in time.
struct DeadlockGuardTimeout: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "did not finish within \(limit): a deadlock (the guard cancelled it)" }
}

/// Fails instead of hanging if `body` never finishes (a deadlock guard, not a timing
/// assertion): after `limit`, `body` is cancelled and `DeadlockGuardTimeout` is thrown.
/// `body`'s waits must end on cancellation (as `EventLog.wait` and HTTP calls do), or
/// the group could not return.
func withDeadlockGuard<T: Sendable>(
    upTo limit: Duration = .seconds(20), _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() ?? nil else { throw DeadlockGuardTimeout(limit: limit) }
        return value
    }
}
