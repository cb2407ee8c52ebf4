import Testing

/// The guard that keeps the gateway tests from hanging must itself be able to fail.
@Suite("Deadlock guard")
struct DeadlockGuardTests {
    @Test func aWaitThatNeverEndsFailsWithTheGuardsErrorInsteadOfHanging() async throws {
        let log = EventLog()
        await #expect(throws: DeadlockGuardTimeout.self) {
            try await withDeadlockGuard(upTo: .milliseconds(200)) { try await log.wait(for: "never recorded") }
        }
        #expect(await log.events.isEmpty)
    }

    @Test func aBodyThatFinishesGivesItsValue() async throws {
        let log = EventLog()
        await log.record("ready")
        let value = try await withDeadlockGuard {
            try await log.wait(for: "ready")
            return 42
        }
        #expect(value == 42)
    }
}
