import ModelGateway

/// Drives a load test: `plan.concurrency` workers in one task group share one
/// client, each sending its next streamed request as soon as the previous ends.
/// Cancelling the task that awaits `run` (Ctrl-C) cuts the requests in flight and
/// returns the report of what was measured so far.
public struct LoadRunner: Sendable {
    public let client: GatewayClient
    public let plan: LoadPlan

    /// The client should allow `plan.concurrency` connections
    /// (`GatewayConfiguration.maxConnections`), or requests queue inside it.
    public init(client: GatewayClient, plan: LoadPlan) {
        self.client = client
        self.plan = plan
    }

    private enum Role: Sendable {
        case worker, deadline, progress
    }

    /// Runs the test; `onProgress` gets a snapshot every `plan.progressInterval`.
    public func run(onProgress: (@Sendable (LoadProgress) -> Void)? = nil) async -> LoadReport {
        let clock = ContinuousClock()
        let ledger = Ledger(plan: plan)
        let start = clock.now
        await withTaskGroup(of: Role.self) { group in
            for _ in 0..<max(1, plan.concurrency) {
                group.addTask {
                    await work(ledger, clock: clock)
                    return .worker
                }
            }
            if case .duration(let duration) = plan.stop {
                group.addTask {
                    try? await Task.sleep(until: start + duration, clock: clock)
                    return .deadline
                }
            }
            if let onProgress {
                group.addTask {
                    await reportProgress(ledger, start: start, clock: clock, to: onProgress)
                    return .progress
                }
            }
            var working = max(1, plan.concurrency)
            for await role in group {
                switch role {
                case .worker:
                    working -= 1
                    // The timer and the progress task have nothing left to watch.
                    if working == 0 { group.cancelAll() }
                case .deadline:
                    group.cancelAll()
                case .progress:
                    break
                }
            }
        }
        return LoadReport(plan: plan, statistics: ledger.statistics, wallTime: clock.now - start, interrupted: Task.isCancelled)
    }

    private func work(_ ledger: Ledger, clock: ContinuousClock) async {
        while !Task.isCancelled, ledger.claim() {
            ledger.finish(await send(ledger, clock: clock))
        }
    }

    /// One streamed request, timed from just before it is sent.
    private func send(_ ledger: Ledger, clock: ContinuousClock) async -> RequestOutcome {
        var measurement = RequestMeasurement(start: clock.now)
        do {
            let events: EventStream
            switch plan.endpoint {
            case .completions:
                events = try await client.streamCompletion(
                    CompletionRequest(model: plan.model, prompt: plan.prompt, options: plan.options))
            case .chat:
                events = try await client.streamChat(
                    ChatRequest(model: plan.model, messages: [.user(plan.prompt)], options: plan.options))
            }
            var usage: Usage?
            // One step per network read: its chunks arrived together, at one instant.
            var iterator = events.makeAsyncIterator()
            var batch = StreamBatch()
            while try await iterator.nextBatch(into: &batch) {
                let now = clock.now
                for event in batch.events {
                    switch event {
                    case .text(_, let choice) where choice == 0:
                        measurement.chunkArrived(at: now)
                        ledger.chunkReceived()
                    case .emptyChunk(let choice) where choice == 0:
                        measurement.chunkArrived(at: now, withText: false)
                    case .usage(let reported): usage = reported
                    default: break
                    }
                }
            }
            measurement.finish(at: clock.now, outputTokens: usage?.completionTokens, promptTokens: usage?.promptTokens)
            return .succeeded(measurement)
        } catch {
            // A request cut by the end of the test is not the server's failure.
            if Task.isCancelled { return .cancelled }
            return error == .cancelled ? .cancelled : .failed(error)
        }
    }

    private func reportProgress(
        _ ledger: Ledger, start: ContinuousClock.Instant, clock: ContinuousClock,
        to onProgress: @Sendable (LoadProgress) -> Void
    ) async {
        while true {
            do {
                try await Task.sleep(for: plan.progressInterval, clock: clock)
            } catch {
                return
            }
            onProgress(ledger.progress(elapsed: clock.now - start))
        }
    }
}
