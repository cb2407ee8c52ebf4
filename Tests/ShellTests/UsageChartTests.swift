import Foundation
import Testing
import ThreeScaleAdmin
@testable import Shell

/// The usage chart: block characters or ASCII, the terminal's width, each row's total and peak,
/// labels as the terminal shows them; and the time range `usage` reads.
@Suite struct UsageChartTests {
    @Test func blocksNeedColourAndAUTF8Locale() {
        #expect(UsageChart.Glyphs.choose(color: true, environment: ["LANG": "en_US.UTF-8"]) == .blocks)
        #expect(UsageChart.Glyphs.choose(color: true, environment: ["LANG": "C.utf8"]) == .blocks)
        // LC_ALL wins over LANG, as in C; an empty one does not count.
        #expect(UsageChart.Glyphs.choose(color: true, environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(UsageChart.Glyphs.choose(color: true, environment: ["LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8"]) == .blocks)
        #expect(UsageChart.Glyphs.choose(color: true, environment: [:]) == .ascii)
        // NO_COLOR (or a dumb terminal, or --no-color) turns colour off and the blocks with it.
        #expect(UsageChart.Glyphs.choose(color: false, environment: ["LANG": "en_US.UTF-8"]) == .ascii)
    }

    @Test func aSparklineScalesToItsPeakAndShowsAnyNonZeroValue() {
        let blocks = UsageChart(glyphs: .blocks, width: 80)
        #expect(blocks.sparkline([0, 1, 4, 8, 100]) == " ▁▁▁█")
        #expect(blocks.sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]) == " ▁▂▃▄▅▆▇█")
        #expect(blocks.sparkline([0, 0]) == "  ")
        let ascii = UsageChart(glyphs: .ascii, width: 80)
        #expect(ascii.sparkline([0, 1, 2, 3, 4, 5]) == " _.-=#")
        #expect(ascii.sparkline([0, 1, 2, 3, 4, 5]).allSatisfy { $0.isASCII })
    }

    @Test func rowsFitTheWidthAndCarryTotalAndPeak() {
        let values = (0..<240).map { $0 % 24 == 12 ? 10 : 1 }
        let chart = UsageChart(glyphs: .blocks, width: 60)
        let lines = chart.sparklines([.init(label: "hits", values: values), .init(label: "completions", values: [Int](repeating: 0, count: 240))])
            .map(\.description)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[0].hasSuffix("total 330  peak 10"))
        #expect(lines[1].hasSuffix("total 0  peak 0"))
        // Sparklines start in the same column.
        #expect(lines[0].prefix("completions".count + 2).trimmingCharacters(in: .whitespaces) == "hits")
        #expect(lines[0].dropFirst("completions".count + 2).first != " ")
        // Granules beyond the room are summed in groups, none lost.
        #expect(UsageChart.fit(values, into: 25).reduce(0, +) == 330)
        #expect(UsageChart.fit(values, into: 25).count <= 25)
        #expect(UsageChart.fit([1, 2, 3], into: 25) == [1, 2, 3])
        #expect(UsageChart.sum([Int.max, 1]) == Int.max)
    }

    @Test func barsAndLabelsAsTheTerminalShowsThem() {
        // Labels 8 wide ("evilname" once its escape sequence is gone), values 2: bars get 40 columns.
        let chart = UsageChart(glyphs: .ascii, width: 54)
        let lines = chart.bars([(label: "big", value: 20), (label: "evil\u{1B}[2Jname", value: 5), (label: "idle", value: 0)]).map(\.description)
        #expect(lines.allSatisfy { !$0.contains("\u{1B}") && $0.count <= 54 })
        #expect(lines[0].filter { $0 == "#" }.count == 40)
        #expect(lines[1].filter { $0 == "#" }.count == 10)
        #expect(!lines[2].contains("#"))
        #expect(chart.label(String(repeating: "m", count: 40)).count == UsageChart.maximumLabel)
        #expect(chart.label(String(repeating: "m", count: 40)).hasSuffix("~"))
    }

    @Test func theTimeRangeDefaultsAndLimits() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-05T13:20:00Z"))
        let day = try UsageTimeRange.window(since: "24h", until: nil, granularity: nil, now: now)
        #expect(day.granularity == .hour)
        #expect(day.since == ISO8601DateFormatter().date(from: "2026-12-04T14:00:00Z"))
        #expect(day.until == now)
        let week = try UsageTimeRange.window(since: "7d", until: nil, granularity: nil, now: now)
        #expect(week.granularity == .day)
        #expect(week.since == ISO8601DateFormatter().date(from: "2026-11-29T00:00:00Z"))
        let dates = try UsageTimeRange.window(since: "2026-12-01", until: "2026-12-03", granularity: "hour", now: now)
        #expect(dates.until == ISO8601DateFormatter().date(from: "2026-12-03T23:59:59Z"))
        #expect(try UsageTimeRange.window(since: "2024-01-01", until: nil, granularity: nil, now: now).granularity == .month)
        #expect(throws: ValidationMessage.self) { try UsageTimeRange.window(since: "2026-12-04", until: "2026-12-01", granularity: nil, now: now) }
        #expect(throws: ValidationMessage.self) { try UsageTimeRange.window(since: "120d", until: nil, granularity: "hour", now: now) }
        #expect(throws: ValidationMessage.self) { try UsageTimeRange.window(since: "24h", until: nil, granularity: "week", now: now) }
        #expect(throws: ValidationMessage.self) { try UsageTimeRange.window(since: "2026-02-30", until: nil, granularity: nil, now: now) }
        #expect(throws: ValidationMessage.self) { try UsageTimeRange.window(since: "0h", until: nil, granularity: nil, now: now) }
    }

    @Test func validateRefusesContradictions() {
        #expect(throws: (any Error).self) { try UsageCommand.parse(["chat", "--app", "a", "--account", "b"]) }
        #expect(throws: (any Error).self) { try UsageCommand.parse(["chat", "--metric", "hits", "--method", "completions"]) }
        #expect(throws: (any Error).self) { try UsageCommand.parse(["chat", "--top", "--app", "a"]) }
        #expect(throws: (any Error).self) { try UsageCommand.parse(["--granularity", "fortnight"]) }
        #expect(throws: (any Error).self) { try UsageCommand.parse(["--since", "2026-12-05", "--until", "2026-12-01"]) }
        #expect(throws: Never.self) { try UsageCommand.parse(["chat", "--since", "7d", "--method", "completions"]) }
    }
}
