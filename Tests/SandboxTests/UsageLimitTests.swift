import Foundation
import PropertyBased
@testable import Sandbox
import Testing

/// Plan limits against a clock the test sets, so a window boundary falls where the test
/// says and never by chance between two calls.
@Suite("Usage limits on a fixed clock")
struct UsageLimitTests {
    static func store(period: String, value: Int) -> AdminStore {
        var state = SandboxState()
        let stamp = "2025-01-01T00:00:00Z"
        state.metrics.append(Metric(id: 1, owner: .service, ownerID: 1, systemName: "hits", friendlyName: "Hits", unit: "hit",
                                    description: nil, parentID: nil, createdAt: stamp, updatedAt: stamp))
        state.limits.append(UsageLimit(id: 1, planID: 1, metricID: 1, period: period, value: value, createdAt: stamp, updatedAt: stamp))
        state.applications.append(Application(id: 1, accountID: 1, planID: 1, serviceID: 1, name: "app", description: nil,
                                              state: "live", userKey: "key", providerVerificationKey: "pvk", firstTrafficAt: nil,
                                              createdAt: stamp, updatedAt: stamp))
        return AdminStore(state: state, file: nil)
    }

    static func at(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test func aMinuteLimitWaitsForTheNextMinuteAndSaysHowLong() async throws {
        let store = Self.store(period: "minute", value: 1)
        #expect(await store.authorize(serviceID: 1, userKey: "key", usage: [1: 1], at: try Self.at("2025-03-01T12:00:30Z")) == .authorized)
        #expect(await store.authorize(serviceID: 1, userKey: "key", usage: [1: 1], at: try Self.at("2025-03-01T12:00:40Z"))
            == .limitsExceeded(retryAfter: 20))
        // The boundary a test with the real clock could straddle: the next minute starts afresh.
        #expect(await store.authorize(serviceID: 1, userKey: "key", usage: [1: 1], at: try Self.at("2025-03-01T12:01:00Z")) == .authorized)
    }

    @Test func anEternityLimitNeverResetsAndGivesNoRetryAfter() async throws {
        let store = Self.store(period: "eternity", value: 1)
        #expect(await store.authorize(serviceID: 1, userKey: "key", usage: [1: 1], at: try Self.at("2025-03-01T12:00:30Z")) == .authorized)
        #expect(await store.authorize(serviceID: 1, userKey: "key", usage: [1: 1], at: try Self.at("2030-01-01T00:00:00Z"))
            == .limitsExceeded(retryAfter: nil))
    }
    /// The windows of a fixed length are computed from Unix time; they are the ISO 8601 UTC
    /// calendar's, for any instant from 1901 to 2100, fractions of a second included.
    @Test func fixedLengthWindowsAreTheCalendars() async {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let components: [String: Calendar.Component] = [
            "minute": .minute, "hour": .hour, "day": .day, "week": .weekOfYear, "month": .month, "year": .year,
        ]
        await propertyCheck(count: 500, input: Gen.double(in: -2_177_452_800...4_102_444_800)) { seconds in
            let date = Date(timeIntervalSince1970: seconds)
            for (period, component) in components {
                let interval = calendar.dateInterval(of: component, for: date)
                let window = UsageLedger.window(period, at: date)
                #expect(window.start == interval?.start && window.end == interval?.end, "\(period) at \(date)")
            }
        }
        #expect(UsageLedger.window("eternity", at: Date()).end == nil)
    }
}
