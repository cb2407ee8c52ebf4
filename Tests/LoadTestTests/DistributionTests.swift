import LoadTest
import Testing

@Suite struct DistributionTests {
    /// 1…100 ms: each percentile is its own sample, to the histogram's three digits.
    @Test func percentilesOfKnownSamples() throws {
        var latencies = Distribution.milliseconds()
        for value in (1...100).reversed() { latencies.record(Double(value)) }
        let summary = try #require(latencies.summary)
        #expect(summary.count == 100)
        #expect(abs(summary.p50 - 50) <= 0.05)
        #expect(abs(summary.p90 - 90) <= 0.09)
        #expect(abs(summary.p99 - 99) <= 0.1)
        #expect(abs(summary.max - 100) <= 0.1)
        #expect(summary.mean == 50.5)
    }

    @Test func oneOutlierMovesOnlyTheTail() throws {
        var latencies = Distribution.milliseconds()
        for _ in 0..<99 { latencies.record(2) }
        latencies.record(5000)
        let summary = try #require(latencies.summary)
        #expect(abs(summary.p50 - 2) < 0.01)
        #expect(abs(summary.p99 - 2) < 0.01)
        #expect(abs(summary.max - 5000) <= 5)
    }

    @Test func subMillisecondValuesKeepMicroseconds() throws {
        var latencies = Distribution.milliseconds()
        latencies.record(milliseconds: .microseconds(250))
        #expect(try #require(latencies.value(atPercentile: 50)) == 0.25)
    }

    @Test func emptyHasNoSummaryAndMergingAddsSamples() {
        var first = Distribution.milliseconds()
        #expect(first.summary == nil)
        var second = Distribution.milliseconds()
        first.record(1)
        second.record(3)
        first.add(second)
        #expect(first.count == 2)
        #expect(first.mean == 2)
    }
}
