import Synchronization

/// At most `permits` admin API calls in flight at once; waiting calls go in order of
/// their task's priority (the applier's longest chain of work first), then of arrival.
/// Set for a stretch of work with `limiting(to:)`: `AdminClient` takes a permit for
/// every call it sends, so the cap holds for concurrent reads (`async let`) and for the
/// applier's actions alike, and an action waiting on a shared read holds no permit.
///
/// A permit also stays free for callers known to come (`reserve`): the applier reserves
/// for an action as soon as everything it waits for has started, so a call of a shorter
/// chain does not take the permit a longer chain's next call needs a moment later.
/// Reservations hold back only lower priorities; what an action waits for runs at a
/// higher priority (it heads a longer chain) or as a shared read, which they never hold
/// back, so a reserved caller always comes.
public actor CallLimiter {
    /// The limiter of the work in progress, if any.
    @TaskLocal static var current: CallLimiter?
    /// The priority of this task's calls: larger goes first.
    @TaskLocal static var priority = 0
    /// Counts this task's calls (an applier's action: one cancelled before any call was
    /// not attempted).
    @TaskLocal static var counter: CallCounter?
    /// The reservation this task's first call uses.
    @TaskLocal static var reservation: Reservation?
    /// True for a read several actions wait on: reservations do not hold it back.
    @TaskLocal static var sharedRead = false

    private struct Waiter {
        var id: Int
        var priority: Int
        var sharedRead: Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private var free: Int
    private var waiting: [Waiter] = []
    private var arrivals = 0
    /// Callers to come, by priority.
    private var reserved: [Int: Int] = [:]

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

    /// Keeps a permit for a caller of `priority` to come; `unreserve` when it will not.
    func reserve(priority: Int) {
        reserved[priority, default: 0] += 1
    }

    func unreserve(priority: Int) {
        dropReservation(priority: priority)
        dispatch()
    }

    private func dropReservation(priority: Int) {
        reserved[priority, default: 0] -= 1
        if reserved[priority] == 0 { reserved[priority] = nil }
    }

    /// Waits for a permit; false when the task was cancelled first. A caller with a
    /// reservation uses it up.
    func acquire(priority: Int, reservation: Reservation? = nil, sharedRead: Bool = false) async -> Bool {
        if let reservation, reservation.use() { dropReservation(priority: priority) }
        if Task.isCancelled {
            dispatch()
            return false
        }
        if mayTake(priority: priority, sharedRead: sharedRead) {
            free -= 1
            // The reservation given back may let lower priorities through too.
            dispatch()
            return true
        }
        arrivals += 1
        let id = arrivals
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiting.append(Waiter(id: id, priority: priority, sharedRead: sharedRead, continuation: continuation))
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    func release() {
        free += 1
        dispatch()
    }

    /// Whether a free permit may go to this caller: one is left over after the callers to
    /// come of higher priorities.
    private func mayTake(priority: Int, sharedRead: Bool) -> Bool {
        guard free > 0 else { return false }
        if sharedRead { return true }
        return free > reserved.reduce(0) { $1.key > priority ? $0 + $1.value : $0 }
    }

    /// Hands free permits to waiters: the highest priority first, the earliest among equals
    /// (ids grow with arrival).
    private func dispatch() {
        while free > 0 {
            let order = waiting.indices.sorted { (-waiting[$0].priority, waiting[$0].id) < (-waiting[$1].priority, waiting[$1].id) }
            guard let next = order.first(where: { mayTake(priority: waiting[$0].priority, sharedRead: waiting[$0].sharedRead) })
            else { return }
            free -= 1
            waiting.remove(at: next).continuation.resume(returning: true)
        }
    }

    private func cancel(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }
}

/// A permit kept for an action's first call (`CallLimiter.reserve`).
final class Reservation: Sendable {
    private let pending = Atomic(true)

    /// True the first time only: the caller then gives the reservation back.
    func use() -> Bool {
        pending.exchange(false, ordering: .relaxed)
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
        guard await limiter.acquire(priority: CallLimiter.priority, reservation: CallLimiter.reservation,
                                    sharedRead: CallLimiter.sharedRead)
        else { throw .cancelled }
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
