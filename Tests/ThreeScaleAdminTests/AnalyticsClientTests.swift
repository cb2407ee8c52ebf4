import Foundation
import Testing

@testable import ThreeScaleAdmin

/// The Analytics API client: what it sends, what answers it refuses, how it adds series up.
@Suite("Analytics client")
struct AnalyticsClientTests {
    func client(_ url: String) throws -> AdminClient {
        try AdminClient(configuration: AdminConfiguration(adminURL: url, accessToken: "tok3n", maxAttempts: 1, retryDelay: .milliseconds(5)))
    }

    static func series(values: String, total: Int) -> String {
        #"{"metric":{"id":1,"name":"Hits","system_name":"hits","unit":"hit"},"period":{"name":null,"since":"2026-12-05T00:00:00Z","until":"2026-12-05T23:59:59Z","timezone":"Etc/UTC","granularity":"hour"},"total":\#(total),"values":[\#(values)]}"#
    }

    static let window = UsageWindow(
        since: Date(timeIntervalSince1970: 1_764_892_800), until: Date(timeIntervalSince1970: 1_764_979_199), granularity: .hour)

    @Test func aUsageCallAsksInUTCWithPortasTimeFormat() async throws {
        let server = try await ScriptedServer.start { _, _ in (200, Self.series(values: "1,2", total: 3)) }
        let admin = try client(server.url)
        let series = try await admin.applicationUsage(applicationID: 7, metric: "completions", window: Self.window)
        #expect(series.values == [1, 2])
        let request = try #require(server.requests.first)
        #expect(request.path == "/stats/applications/7/usage.json")
        for part in ["metric_name=completions", "granularity=hour", "timezone=UTC", "since=2025-12-05%2000%3A00%3A00"] {
            #expect(request.query.contains(part), "\(request.query)")
        }
        #expect(!request.query.contains("tok3n"))
        try await admin.shutdown()
        try await server.stop()
    }

    @Test func negativeOrEndlessSeriesAndAMissingScopeAreRefused() async throws {
        let many = Array(repeating: "0", count: AdminClient.maxUsageValues + 1).joined(separator: ",")
        let server = try await ScriptedServer.start { _, index in
            switch index {
            case 0: (200, Self.series(values: "1,-2", total: -1))
            case 1: (200, Self.series(values: many, total: 0))
            default: (403, #"{"error":"Your access token does not have the correct permissions"}"#)
            }
        }
        let admin = try client(server.url)
        let negative = await #expect(throws: AdminError.self) { try await admin.productUsage(productID: 1, metric: "hits", window: Self.window) }
        #expect(negative?.description.contains("negative") == true)
        let endless = await #expect(throws: AdminError.self) { try await admin.productUsage(productID: 1, metric: "hits", window: Self.window) }
        #expect(endless?.description.contains("more than \(AdminClient.maxUsageValues) values") == true)
        let scope = await #expect(throws: AdminError.self) { try await admin.productUsage(productID: 1, metric: "hits", window: Self.window) }
        #expect(scope?.description.contains("stats") == true)
        try await admin.shutdown()
        try await server.stop()
    }

    @Test func seriesAddUpGranuleByGranuleWithoutOverflow() throws {
        let body = Array(Self.series(values: "1,2", total: 3).utf8)
        let one = try Envelope.decode(UsageSeries.self, from: body)
        #expect(try AdminClient.sum([one, one, one]).values == [3, 6])
        #expect(try AdminClient.sum([one, one]).total == 6)
        var huge = one
        huge.values = [Int.max, 0]
        #expect(throws: AdminError.self) { try AdminClient.sum([huge, one]) }
        var short = one
        short.values = [1]
        #expect(throws: AdminError.self) { try AdminClient.sum([one, short]) }
    }

    @Test func theRankingPeriodIsTheShortestThatHoldsTheWindow() throws {
        func window(_ since: String, _ until: String) throws -> UsageWindow {
            let format = ISO8601DateFormatter()
            return UsageWindow(since: try #require(format.date(from: since)), until: try #require(format.date(from: until)), granularity: .hour)
        }
        #expect(AdminClient.rankingPeriod(covering: try window("2026-12-05T01:00:00Z", "2026-12-05T13:00:00Z")) == .day)
        // 2026-12-05 is a Saturday: the week began on Monday the 30th of November.
        #expect(AdminClient.rankingPeriod(covering: try window("2026-11-30T00:00:00Z", "2026-12-05T13:00:00Z")) == .week)
        #expect(AdminClient.rankingPeriod(covering: try window("2026-11-29T23:00:00Z", "2026-12-05T13:00:00Z")) == .year)
        #expect(AdminClient.rankingPeriod(covering: try window("2026-12-01T00:00:00Z", "2026-12-05T13:00:00Z")) == .week)
    }
}
