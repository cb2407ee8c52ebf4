import Synchronization

/// At most `permits` admin API calls in flight at once; waiting calls go in order of
/// their task's priority (the applier's longest chain of work first), then of arrival.
/// Set for a stretch of work with `limiting(to:)`: `AdminClient` takes a permit for
/// every call it sends, so the cap holds for concurrent reads (`async let`) and for the
/// applier's actions alike, and an action waiting on a shared read holds no permit.
public actor CallLimiter {
    /// The limiter of the work in progress, if any.
    @TaskLocal static var current: CallLimiter?
    /// The priority of this task's calls: larger goes first.
    @TaskLocal static var priority = 0
    /// Counts this task's calls (an applier's action: one cancelled before any call was
    /// not attempted).
    @TaskLocal static var counter: CallCounter?

    private struct Waiter {
        var id: Int
        var priority: Int
        var continuation: CheckedContinuation<Bool, Never>
    }

    private var free: Int
    private var waiting: [Waiter] = []
    private var arrivals = 0

    init(permits: Int) {
        free = max(1, permits)
    }

    /// Runs `body` with at most `permits` admin calls in flight; nil keeps the cap in force (none at the top).
    public static func limiting<T: Sendable, E: Error>(to permits: Int?, _ body: () async throws(E) -> T) async throws(E) -> T {
        guard let permits else { return try await body() }
        let result: Result<T, E> = await $current.withValue(CallLimiter(permits: permits)) {
            do throws(E) {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// How many calls wait for a permit.
    var waitingCount: Int { waiting.count }

    /// Waits for a permit; false when the task was cancelled first.
    func acquire(priority: Int) async -> Bool {
        if Task.isCancelled { return false }
        if free > 0 {
            free -= 1
            return true
        }
        arrivals += 1
        let id = arrivals
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiting.append(Waiter(id: id, priority: priority, continuation: continuation))
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    func release() {
        // The highest priority, the earliest among equals (ids grow with arrival).
        guard let next = waiting.indices.min(by: { (-waiting[$0].priority, waiting[$0].id) < (-waiting[$1].priority, waiting[$1].id) })
        else {
            free += 1
            return
        }
        waiting.remove(at: next).continuation.resume(returning: true)
    }

    private func cancel(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }
}

/// How many admin calls a task has sent.
final class CallCounter: Sendable {
    private let count = Atomic(0)

    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

extension AdminClient {
    /// `call` under the limiter in force, counted for the task.
    func limited<T>(_ call: () async throws(AdminError) -> T) async throws(AdminError) -> T {
        guard let limiter = CallLimiter.current else {
            CallLimiter.counter?.add()
            return try await call()
        }
        guard await limiter.acquire(priority: CallLimiter.priority) else { throw .cancelled }
        CallLimiter.counter?.add()
        do {
            let value = try await call()
            await limiter.release()
            return value
        } catch {
            await limiter.release()
            throw error
        }
    }
}
