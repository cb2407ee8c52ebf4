import Histogram

/// Recorded values of one metric (a latency in milliseconds, a rate in tokens per
/// second) in an HdrHistogram: constant memory whatever the number of samples, and
/// percentiles exact to three significant digits.
public struct Distribution: Sendable {
    /// Histogram units per value unit: 1000 keeps microseconds of a millisecond value.
    private let resolution: Double
    private var histogram = Histogram<UInt64>(numberOfSignificantValueDigits: .three)
    private var sum = 0.0

    public init(resolution: Double) {
        self.resolution = resolution
    }

    /// Milliseconds, to the microsecond.
    public static func milliseconds() -> Distribution { Distribution(resolution: 1000) }

    public var count: Int { Int(histogram.totalCount) }

    public mutating func record(_ value: Double) {
        guard value.isFinite else { return }
        let units = (max(0, value) * resolution).rounded()
        // The auto-resizing histogram tracks values up to UInt64.max / 2.
        _ = histogram.record(UInt64(min(units, Double(UInt64.max / 2))))
        sum += max(0, value)
    }

    public mutating func record(milliseconds duration: Duration) {
        record(duration.milliseconds)
    }

    public mutating func add(_ other: Distribution) {
        histogram.add(other.histogram)
        sum += other.sum
    }

    /// The value at or below which `percentile` percent of the samples lie; nil without samples.
    public func value(atPercentile percentile: Double) -> Double? {
        guard count > 0 else { return nil }
        return Double(histogram.valueAtPercentile(percentile)) / resolution
    }

    /// The exact mean (kept aside, not read back from the buckets).
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }

    public var summary: Summary? {
        guard count > 0, let mean, let p50 = value(atPercentile: 50), let p90 = value(atPercentile: 90),
            let p99 = value(atPercentile: 99), let max = value(atPercentile: 100)
        else { return nil }
        return Summary(mean: mean, p50: p50, p90: p90, p99: p99, max: max, count: count)
    }

    /// What a report shows of a distribution.
    public struct Summary: Sendable, Equatable, Codable {
        public var mean: Double
        public var p50: Double
        public var p90: Double
        public var p99: Double
        public var max: Double
        public var count: Int
    }
}

extension Duration {
    /// The duration in milliseconds as a floating-point value.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
