import LoadTest
import ModelGateway
import Testing

@Suite struct RequestMeasurementTests {
    /// Chunks at 100, 110, 130 and 160 ms after the start, the stream done at 170 ms.
    static func measured(usageTokens: Int?) -> RequestMeasurement {
        let start = ContinuousClock.now
        var measurement = RequestMeasurement(start: start)
        for offset in [100, 110, 130, 160] { measurement.chunkArrived(at: start + .milliseconds(offset)) }
        measurement.finish(at: start + .milliseconds(170), outputTokens: usageTokens, promptTokens: 7)
        return measurement
    }

    @Test func interTokenLatenciesAreTheGapsBetweenChunks() {
        let measurement = Self.measured(usageTokens: nil)
        #expect(measurement.interTokenLatencies == [.milliseconds(10), .milliseconds(20), .milliseconds(30)])
        #expect(measurement.timeToFirstToken == .milliseconds(100))
        #expect(measurement.endToEndLatency == .milliseconds(170))
        #expect(measurement.outputTokens == 4)
        // (170 - 100) ms over the 3 tokens after the first.
        #expect(measurement.timePerOutputToken == .milliseconds(70) / 3)
    }

    @Test func theServersTokenCountWinsOverChunks() {
        let measurement = Self.measured(usageTokens: 8)
        #expect(measurement.outputTokens == 8)
        #expect(measurement.timePerOutputToken == .milliseconds(10))
        #expect(measurement.promptTokens == 7)
    }

    @Test func aSingleTokenHasNoTPOTOrITL() {
        let start = ContinuousClock.now
        var measurement = RequestMeasurement(start: start)
        measurement.chunkArrived(at: start + .milliseconds(5))
        measurement.finish(at: start + .milliseconds(6), outputTokens: nil, promptTokens: nil)
        #expect(measurement.interTokenLatencies.isEmpty)
        #expect(measurement.timePerOutputToken == nil)
    }

    @Test func statisticsFoldRequestsAndGroupFailures() throws {
        var statistics = LoadStatistics()
        statistics.recordSuccess(Self.measured(usageTokens: nil))
        statistics.recordSuccess(Self.measured(usageTokens: nil))
        statistics.recordFailure(.rateLimited(retryAfter: 1, message: "Limits exceeded"))
        statistics.recordFailure(.rateLimited(retryAfter: 2, message: "Limits exceeded"))
        statistics.recordFailure(.authenticationFailed(status: 403))
        statistics.recordFailure(.streamInterrupted(tokensReceived: 3))
        statistics.recordCancelled()
        #expect(statistics.succeeded == 2 && statistics.failed == 4 && statistics.cancelled == 1)
        #expect(statistics.failures["429"]?.count == 2)
        #expect(statistics.failures["403"]?.count == 1)
        #expect(statistics.failures["stream cut"]?.count == 1)
        #expect(statistics.interTokenLatency.count == 6)
        #expect(statistics.outputTokens == 8 && statistics.promptTokens == 14)
        let itl = try #require(statistics.interTokenLatency.summary)
        #expect(itl.p50 <= itl.p90 && itl.p90 <= itl.p99)
    }

    @Test func aReportsThroughputIsOverWallTime() {
        var statistics = LoadStatistics()
        statistics.recordSuccess(Self.measured(usageTokens: 10))
        let plan = LoadPlan(model: "m", prompt: "p", maxTokens: 10, concurrency: 1, stop: .requests(1))
        let report = LoadReport(plan: plan, statistics: statistics, wallTime: .milliseconds(500), interrupted: false)
        #expect(report.outputThroughput == 20)
        #expect(report.requestThroughput == 2)
    }

    @Test func syntheticPromptsHaveTheAskedNumberOfWords() {
        #expect(SyntheticPrompt.text(tokens: 40).split(separator: " ").count == 40)
        #expect(SyntheticPrompt.text(tokens: 1) == "the")
    }

    @Test func anEmptyChunkCountsForTimingsButNotAsAToken() {
        let start = ContinuousClock.now
        var measurement = RequestMeasurement(start: start)
        measurement.chunkArrived(at: start + .milliseconds(5), withText: false)
        measurement.chunkArrived(at: start + .milliseconds(9))
        measurement.chunkArrived(at: start + .milliseconds(12), withText: false)
        measurement.chunkArrived(at: start + .milliseconds(20))
        measurement.finish(at: start + .milliseconds(21), outputTokens: nil, promptTokens: nil)
        #expect(measurement.timeToFirstToken == .milliseconds(5))
        #expect(measurement.interTokenLatencies == [.milliseconds(4), .milliseconds(3), .milliseconds(8)])
        #expect(measurement.outputTokens == 2)
    }
}

