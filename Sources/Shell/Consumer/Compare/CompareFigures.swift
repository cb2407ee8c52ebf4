import ModelGateway

/// One target's figures over a `compare`'s runs: the median (p50) of each, and whether
/// every run gave the same answer.
struct CompareFigures: Sendable, Equatable {
    var tokens: Int
    var timeToFirstToken: Duration?
    var tokensPerSecond: Double?
    var total: Duration
    /// The last run's status: 200, a failure's status, or nil when no response came.
    var status: Int?
    /// The last run's error line, if it failed.
    var error: String?
    var partial: Bool
    var runs: Int
    var identical: Bool

    init(results: [StreamPrinter.Result]) {
        let last = results.last ?? StreamPrinter.Result()
        tokens = Self.median(results.map { $0.usage?.completionTokens ?? $0.tokens }) ?? 0
        timeToFirstToken = Self.median(results.compactMap(\.timeToFirstToken))
        tokensPerSecond = Self.median(results.compactMap(Self.pace))
        total = Self.median(results.map(\.total)) ?? .zero
        status = last.failure?.status ?? (last.failure == nil ? 200 : nil)
        error = last.failure?.message ?? (last.interrupted ? "interrupted" : nil)
        partial = results.contains { $0.interrupted || $0.failure != nil }
        runs = results.count
        identical = Set(results.map(\.text)).count <= 1
    }

    /// Tokens after the first over the time they took, as the stats line after an answer says it.
    static func pace(_ result: StreamPrinter.Result) -> Double? {
        let tokens = result.usage?.completionTokens ?? result.tokens
        let generation = result.total.seconds - (result.timeToFirstToken?.seconds ?? 0)
        guard tokens > 1, generation > 0 else { return nil }
        return Double(tokens - 1) / generation
    }

    /// The middle value; the lower of the two middle ones for an even count (a value that occurred).
    static func median<Value: Comparable>(_ values: [Value]) -> Value? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[(values.count - 1) / 2]
    }

    /// The STATUS cell: the HTTP status, with the failure's words when there is one.
    var statusCell: String {
        switch (status, error) {
        case (let status?, nil): String(status)
        case (_, let error?): SideBySide.cut(Table.cell(error), to: 32)
        case (nil, nil): "-"
        }
    }
}
