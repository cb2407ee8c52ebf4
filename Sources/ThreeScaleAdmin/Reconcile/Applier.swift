/// Carries out a plan against 3scale as a graph (`ActionGraph`): each action starts
/// once the actions it waits for have completed, with at most `concurrency` admin calls
/// in flight (`CallLimiter`), the calls of the longest chains first; an action waiting
/// on a read another one started holds no call. With `concurrency` 1 it runs the plan in
/// order, one call at a time. A failure stops only what waits for it; cancellation
/// stops starting new actions, and an action cancelled before its first call counts as
/// not attempted.
public struct Applier: Sendable {
    public let client: AdminClient
    /// The file's resources: Secrets hold passwords for signups.
    public let resources: ResourceSet
    public let concurrency: Int

    public init(client: AdminClient, resources: ResourceSet, concurrency: Int = 4) {
        self.client = client
        self.resources = resources
        self.concurrency = max(1, concurrency)
    }

    public func apply(_ plan: Plan, progress: (@Sendable (Action, ActionStatus) -> Void)? = nil) async -> ApplyReport {
        let outcomes = await CallLimiter.limiting(to: concurrency) { await run(plan, progress: progress) }
        var report = ApplyReport()
        for (action, outcome) in zip(plan.actions, outcomes) {
            switch outcome {
            case nil: report.notAttempted.append(action)
            case .success?: report.completed.append(action)
            case .failure(let error)?: report.failed.append(.init(action: action, error: error))
            }
        }
        return report
    }

    /// Each action's outcome; nil when it was not attempted.
    private func run(_ plan: Plan, progress: (@Sendable (Action, ActionStatus) -> Void)?) async -> [Result<Void, AdminError>?] {
        let actions = plan.actions
        let graph = ActionGraph(plan, resources: resources)
        let oneAtATime = concurrency == 1
        var needMetrics: Set<MetricOwnerName> = []
        for footprint in actions.map(\.footprint) {
            for case .metric(let owner, _) in footprint.needs { needMetrics.insert(owner) }
        }
        let performer = Performer(
            client: client, registry: IDRegistry(client: client), resources: resources, oneAtATime: oneAtATime,
            prefetched: needMetrics)
        var queue = ReadyQueue(graph: graph, inPlanOrder: oneAtATime)
        var reservations = Reservations(graph: graph, limiter: oneAtATime ? nil : CallLimiter.current)
        var outcomes: [Result<Void, AdminError>?] = Array(repeating: nil, count: actions.count)
        await withTaskGroup(of: (Int, AdminError?, Int).self) { group in
            var running = 0
            while true {
                while !oneAtATime || running == 0, !Task.isCancelled, let index = queue.next() {
                    let action = actions[index]
                    let priority = graph.depth[index]
                    let reservation = await reservations.starting(index)
                    group.addTask {
                        let counter = CallCounter()
                        let error = await CallLimiter.$priority.withValue(priority) {
                            await CallLimiter.$reservation.withValue(reservation) {
                                await CallLimiter.$counter.withValue(counter) { await Self.run(action, with: performer, progress: progress) }
                            }
                        }
                        return (index, error, counter.value)
                    }
                    running += 1
                }
                guard let (index, error, calls) = await group.next() else { break }
                running -= 1
                await reservations.ended(index, completed: error == nil)
                switch error {
                case nil:
                    outcomes[index] = .success(())
                    queue.completed(index)
                case .cancelled? where calls == 0:
                    break
                case let error?:
                    outcomes[index] = .failure(error)
                }
            }
            await reservations.endAll()
        }
        return outcomes
    }

    private static func run(
        _ action: Action, with performer: Performer, progress: (@Sendable (Action, ActionStatus) -> Void)?
    ) async -> AdminError? {
        progress?(action, .started)
        do {
            try await performer.perform(action.operation)
            progress?(action, .completed)
            return nil
        } catch {
            progress?(action, .failed(error))
            return error
        }
    }
}

/// The actions whose dependencies have all completed, not yet started. An action
/// waiting for a failed one never becomes ready.
struct ReadyQueue {
    private let graph: ActionGraph
    private let inPlanOrder: Bool
    private var waitingFor: [Int]
    private var ready: [Int]

    init(graph: ActionGraph, inPlanOrder: Bool) {
        self.graph = graph
        self.inPlanOrder = inPlanOrder
        let waiting = graph.dependencies.map(\.count)
        waitingFor = waiting
        ready = waiting.indices.filter { waiting[$0] == 0 }
    }

    /// The first action of the longest chain (or, in plan order, the earliest).
    mutating func next() -> Int? {
        let depth = graph.depth
        let rank: (Int) -> (Int, Int) = inPlanOrder ? { (0, $0) } : { (-depth[$0], $0) }
        guard let best = ready.indices.min(by: { rank(ready[$0]) < rank(ready[$1]) }) else { return nil }
        return ready.remove(at: best)
    }

    mutating func completed(_ index: Int) {
        for dependant in graph.dependants[index] {
            waitingFor[dependant] -= 1
            if waitingFor[dependant] == 0 { ready.append(dependant) }
        }
    }
}

/// The applier's reservations (`CallLimiter.reserve`): an action's first call is expected
/// once everything it waits for has started, since it starts the moment they complete.
struct Reservations {
    private let graph: ActionGraph
    private let limiter: CallLimiter?
    private var started: Set<Int> = []
    private var held: [Int: Reservation] = [:]

    init(graph: ActionGraph, limiter: CallLimiter?) {
        self.graph = graph
        self.limiter = limiter
    }

    /// The reservation of the action starting now, made now if it was not yet; then those
    /// of the actions that wait only for started ones.
    mutating func starting(_ index: Int) async -> Reservation? {
        guard let limiter else { return nil }
        started.insert(index)
        let own = await reservation(for: index, on: limiter)
        for dependant in graph.dependants[index] where graph.dependencies[dependant].allSatisfy(started.contains) {
            _ = await reservation(for: dependant, on: limiter)
        }
        return own
    }

    /// An action ended: a reservation it never used goes back, and when it failed, so do
    /// those of the actions that waited for it (they will not start).
    mutating func ended(_ index: Int, completed: Bool) async {
        await giveBack(index)
        if !completed {
            for dependant in graph.dependants[index] where !started.contains(dependant) { await giveBack(dependant) }
        }
    }

    /// Gives back what is left: cancellation ended the run before some actions started.
    mutating func endAll() async {
        for index in Array(held.keys) { await giveBack(index) }
    }

    private mutating func reservation(for index: Int, on limiter: CallLimiter) async -> Reservation {
        if let existing = held[index] { return existing }
        let reservation = Reservation()
        held[index] = reservation
        await limiter.reserve(priority: graph.depth[index])
        return reservation
    }

    private mutating func giveBack(_ index: Int) async {
        guard let limiter, let reservation = held.removeValue(forKey: index) else { return }
        if reservation.use() { await limiter.unreserve(priority: graph.depth[index]) }
    }
}
