import Testing

@testable import ThreeScaleAdmin

/// The cap on admin calls in flight: permits, the order waiters get them in, and a
/// waiter cancelled before its turn.
@Suite struct CallLimiterTests {
    /// Waits until `count` calls wait for a permit.
    static func waitUntil(_ limiter: CallLimiter, waits count: Int) async {
        while await limiter.waitingCount != count { await Task.yield() }
    }

    @Test func waitersGetPermitsByPriorityThenArrival() async {
        let limiter = CallLimiter(permits: 1)
        #expect(await limiter.acquire(priority: 0))
        let order = Order()
        await withTaskGroup(of: Void.self) { group in
            let waiters = [("low", 1), ("high, first", 5), ("high, second", 5)]
            for index in waiters.indices {
                let (name, priority) = waiters[index]
                group.addTask {
                    #expect(await limiter.acquire(priority: priority))
                    await order.append(name)
                    await limiter.release()
                }
                await Self.waitUntil(limiter, waits: index + 1)
            }
            await limiter.release()
        }
        #expect(await order.names == ["high, first", "high, second", "low"])
        #expect(await limiter.acquire(priority: 0), "every permit came back")
    }

    @Test func aCancelledWaiterGetsNoPermitAndTakesNone() async {
        let limiter = CallLimiter(permits: 1)
        #expect(await limiter.acquire(priority: 0))
        let waiter = Task { await limiter.acquire(priority: 9) }
        await Self.waitUntil(limiter, waits: 1)
        waiter.cancel()
        #expect(await waiter.value == false)
        await Self.waitUntil(limiter, waits: 0)
        await limiter.release()
        #expect(await limiter.acquire(priority: 0))
    }

    @Test func aReservedPermitIsKeptForItsCallerAndLowerPrioritiesWait() async {
        let limiter = CallLimiter(permits: 2)
        await limiter.reserve(priority: 5)
        let reservation = Reservation()
        #expect(await limiter.acquire(priority: 1), "one permit is not reserved")
        let low = Task { await limiter.acquire(priority: 1) }
        await Self.waitUntil(limiter, waits: 1)
        #expect(await limiter.acquire(priority: 5, reservation: reservation), "the kept permit goes to its caller")
        #expect(!reservation.use(), "the caller used the reservation up")
        await limiter.release()
        #expect(await low.value, "then the lower priority gets the next one")
    }

    @Test func aSharedReadPassesReservationsAndAGivenBackOneFreesItsPermit() async {
        let limiter = CallLimiter(permits: 1)
        await limiter.reserve(priority: 5)
        #expect(await limiter.acquire(priority: 0, sharedRead: true), "what reserved callers wait for is not held back")
        await limiter.release()
        let low = Task { await limiter.acquire(priority: 1) }
        await Self.waitUntil(limiter, waits: 1)
        await limiter.unreserve(priority: 5)
        #expect(await low.value)
        await Self.waitUntil(limiter, waits: 0)
    }

    @Test func theAdminClientTakesAPermitPerCallAndCountsThem() async throws {
        try await SandboxAdmin.with { client, _ in
            let counter = CallCounter()
            let listed = await CallLimiter.limiting(to: 1) {
                await CallLimiter.$counter.withValue(counter) {
                    async let products = Result.capture { try await client.listProducts() }
                    async let backends = Result.capture { try await client.listBackends() }
                    return (await products, await backends)
                }
            }
            #expect((try? listed.0.get()) != nil && (try? listed.1.get()) != nil)
            #expect(counter.value == 2)
        }
    }
}

/// The order in which waiters got their permits.
private actor Order {
    var names: [String] = []

    func append(_ name: String) { names.append(name) }
}
