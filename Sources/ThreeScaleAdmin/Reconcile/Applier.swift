/// Carries out a plan against 3scale, stage by stage. Independent actions of a
/// stage run concurrently (at most `concurrency` at a time); ordered stages run one
/// by one. The first failing stage stops the apply once its running actions end.
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
        let registry = IDRegistry(client: client)
        var report = ApplyReport()
        var remaining = plan.actions[...]
        while let stage = remaining.first?.stage {
            let batch = Array(remaining.prefix { $0.stage == stage })
            remaining = remaining.dropFirst(batch.count)
            if Task.isCancelled {
                report.notAttempted += batch
                continue
            }
            let outcomes: [(Action, AdminError?)]
            if stage.isOrdered {
                var results: [(Action, AdminError?)] = []
                for action in batch {
                    if results.contains(where: { $0.1 != nil }) || Task.isCancelled { break }
                    results.append((action, await run(action, registry: registry, progress: progress)))
                }
                outcomes = results
            } else {
                outcomes = await runConcurrently(batch, registry: registry, progress: progress)
            }
            for (action, error) in outcomes {
                if let error { report.failed.append(.init(action: action, error: error)) } else { report.completed.append(action) }
            }
            let done = outcomes.count
            if done < batch.count { report.notAttempted += batch[done...] }
            if !report.failed.isEmpty {
                report.notAttempted += remaining
                break
            }
        }
        return report
    }

    private func runConcurrently(
        _ batch: [Action], registry: IDRegistry, progress: (@Sendable (Action, ActionStatus) -> Void)?
    ) async -> [(Action, AdminError?)] {
        await withTaskGroup(of: (Int, AdminError?).self) { group in
            var results: [(Int, AdminError?)] = []
            var next = 0
            func start() {
                let index = next
                let action = batch[index]
                group.addTask { (index, await self.run(action, registry: registry, progress: progress)) }
                next += 1
            }
            while next < min(concurrency, batch.count) { start() }
            while let result = await group.next() {
                results.append(result)
                if next < batch.count && result.1 == nil && !Task.isCancelled { start() }
            }
            // Unstarted actions (after a failure) are reported as not attempted by the caller.
            return results.sorted { $0.0 < $1.0 }.map { (batch[$0.0], $0.1) }
        }
    }

    private func run(_ action: Action, registry: IDRegistry, progress: (@Sendable (Action, ActionStatus) -> Void)?) async
        -> AdminError?
    {
        progress?(action, .started)
        do {
            try await Performer(client: client, registry: registry, resources: resources).perform(action.operation)
            progress?(action, .completed)
            return nil
        } catch {
            progress?(action, .failed(error))
            return error
        }
    }
}
