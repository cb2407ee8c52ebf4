import LoadTest
import ModelGateway
import Sandbox
import SandboxModel
import Testing

/// The engine against the sandbox's model server on loopback.
@Suite struct LoadRunnerTests {
    static func withModel(
        tokensPerSecond: Double = 0, concurrency: Int,
        _ body: @Sendable (GatewayClient, String) async throws -> Void
    ) async throws {
        let sandbox = try await RunningSandbox.start(
            SandboxConfiguration(model: ModelServerConfiguration(tokensPerSecond: tokensPerSecond)))
        let client = try GatewayClient(configuration: GatewayConfiguration(
            baseURL: sandbox.endpoints.modelURL, maxConnections: concurrency))
        do {
            try await body(client, sandbox.endpoints.modelName)
        } catch {
            try? await client.shutdown()
            try? await sandbox.shutdown()
            throw error
        }
        try await client.shutdown()
        try await sandbox.shutdown()
    }

    @Test(arguments: [LoadPlan.Endpoint.completions, .chat])
    func everyRequestIsMeasured(endpoint: LoadPlan.Endpoint) async throws {
        try await Self.withModel(concurrency: 3) { client, model in
            let plan = LoadPlan(
                model: model, prompt: SyntheticPrompt.text(tokens: 20), maxTokens: 8, endpoint: endpoint,
                concurrency: 3, stop: .requests(12))
            let report = await LoadRunner(client: client, plan: plan).run()
            #expect(report.succeeded == 12 && report.failed == 0 && report.cancelled == 0)
            #expect(!report.interrupted)
            #expect(report.totalOutputTokens > 0 && report.totalInputTokens >= 12 * 20)
            let ttft = try #require(report.ttftMs)
            let e2el = try #require(report.e2elMs)
            #expect(ttft.count == 12 && e2el.count == 12)
            #expect(ttft.p50 <= ttft.p90 && ttft.p90 <= ttft.p99)
            #expect(ttft.p50 <= e2el.p50)
        }
    }

    @Test func failuresAreCountedByStatus() async throws {
        try await Self.withModel(concurrency: 2) { client, _ in
            let plan = LoadPlan(model: "no-such-model", prompt: "hi", maxTokens: 4, concurrency: 2, stop: .requests(5))
            let report = await LoadRunner(client: client, plan: plan).run()
            #expect(report.succeeded == 0 && report.failed == 5)
            #expect(report.failures["404"]?.count == 5)
            #expect(report.failures["404"]?.example.contains("no-such-model") == true)
            #expect(report.ttftMs == nil)
        }
    }

    /// Cancelling the task (what Ctrl-C does) cuts the requests in flight and still reports.
    @Test func cancellationStopsPromptlyAndReports() async throws {
        try await Self.withModel(tokensPerSecond: 20, concurrency: 3) { client, model in
            let plan = LoadPlan(
                model: model, prompt: "hi", maxTokens: 2000, concurrency: 3, stop: .duration(.seconds(3600)),
                progressInterval: .milliseconds(10))
            let (busy, signal) = AsyncStream.makeStream(of: Void.self)
            let run = Task {
                await LoadRunner(client: client, plan: plan).run { progress in
                    if progress.inFlight == 3 { signal.yield() }
                }
            }
            for await _ in busy { break }
            run.cancel()
            let report = await run.value
            #expect(report.interrupted)
            #expect(report.cancelled == 3)
            #expect(report.succeeded == 0 && report.failed == 0)
        }
    }

    @Test func aDurationEndsTheTestWithoutInterruption() async throws {
        try await Self.withModel(concurrency: 2) { client, model in
            // Long enough that a busy machine still completes a 4-token request before the end.
            let plan = LoadPlan(model: model, prompt: "hi", maxTokens: 4, concurrency: 2, stop: .duration(.seconds(2)))
            let report = await LoadRunner(client: client, plan: plan).run()
            #expect(!report.interrupted)
            #expect(report.durationSeconds >= 2)
            #expect(report.succeeded > 0 && report.failed == 0)
        }
    }
}
