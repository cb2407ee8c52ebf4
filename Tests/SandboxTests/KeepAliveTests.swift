import Foundation
@testable import Sandbox
import Testing
import LoopbackSockets

/// The gateway keeps client connections alive between requests, as APIcast (nginx) does,
/// and closes one that stays idle for its keep-alive timeout.
@Suite("Gateway keep-alive")
struct KeepAliveTests {
    static func models(_ key: String) -> Data {
        RawConnection.request("GET", "/v1/models", headers: [("Authorization", "Bearer \(key)")])
    }

    @Test func requestsOnOneConnectionAllAnswerAndItStaysOpen() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("Kept", rules: GatewayTests.vllmRules)
            let completion = RawConnection.request("POST", "/v1/completions", headers: FaultTests.auth(product.userKey),
                                                   body: Data(#"{"prompt":"hello","max_tokens":3}"#.utf8))
            let refused = RawConnection.request("GET", "/v1/models")
            let requests = [Self.models(product.userKey), completion, refused, Self.models(product.userKey)]
            let url = product.production
            let replies = await RawConnection.blocking { () -> [(status: Int, head: String, closed: Bool)] in
                guard let connection = try? RawConnection(url) else { return [] }
                return requests.map { request in
                    connection.send(request)
                    let reply = connection.receiveResponse()
                    return (reply.status, reply.head.lowercased(), reply.closed)
                }
            }
            #expect(replies.map(\.status) == [200, 200, 403, 200])
            #expect(replies.allSatisfy { !$0.closed && !$0.head.contains("connection: close") })
        }
    }

    @Test func anIdleConnectionClosesAfterTheKeepAliveTimeout() async throws {
        let keepAlive = Duration.milliseconds(300)
        try await TestSandbox.with(.init(gatewayKeepAlive: keepAlive)) { t in
            let product = try await t.publishedProduct("Idle", rules: GatewayTests.vllmRules)
            let request = Self.models(product.userKey)
            let url = product.production
            let outcome = await RawConnection.blocking { () -> (status: Int, closed: Bool, open: Duration)? in
                guard let connection = try? RawConnection(url, readTimeout: 10) else { return nil }
                let clock = ContinuousClock()
                let start = clock.now
                connection.send(request)
                let status = connection.receiveResponse().status
                // Blocks until the server closes (or the 10 s receive timeout).
                let closed = connection.closesAfterwards()
                return (status, closed, clock.now - start)
            }
            let result = try #require(outcome)
            #expect(result.status == 200)
            #expect(result.closed)
            #expect(result.open >= keepAlive)
        }
    }
}
