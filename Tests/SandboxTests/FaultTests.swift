import AsyncHTTPClient
import Foundation
import NIOCore
@testable import Sandbox
import SandboxModel
import Testing
import LoopbackSockets

/// Faults a hostile or broken client can cause: numbers that overflow, bodies larger than
/// the limits sent before reading, connections that stall, half-close or stop reading.
/// The sandbox must answer, keep answering, and stop within a bounded time.
@Suite("Faults: overflowing numbers, oversize bodies, stuck connections, shutdown")
struct FaultTests {
    static func auth(_ key: String) -> [(String, String)] {
        [("Authorization", "Bearer \(key)"), ("Content-Type", "application/json")]
    }

    @Test func theOverflowReproductionsAre422sAndTheSandboxStillAnswers() async throws {
        try await TestSandbox.with { t in
            let page = try await t.call(.GET, "/admin/api/backend_apis.json", form: [("page", "9223372036854775807")])
            #expect(page.status == 200)
            #expect(page.json == ["backend_apis": []])
            let product = try await t.createProduct("Overflow")
            let id = try #require(product["id"]?.doubleValue).asInt
            let hits = try #require(try await t.call(.GET, "/admin/api/services/\(id)/metrics.json")
                .json["metrics"]?.arrayValue?.first?["metric"]?["id"]?.doubleValue).asInt
            let rule = try await t.call(.POST, "/admin/api/services/\(id)/proxy/mapping_rules.json", form: [
                ("http_method", "GET"), ("pattern", "/x"), ("delta", "1"), ("metric_id", String(hits)),
                ("position", "-9223372036854775808"),
            ])
            #expect(rule.status == 422)
            #expect(rule.json == ["errors": ["position": ["must be greater than or equal to -2147483648"]]])
            let json = try await t.call(.POST, "/admin/api/services/\(id)/proxy/mapping_rules.json", json: [
                "http_method": "GET", "pattern": "/x", "delta": .double(1e300), "metric_id": .int(hits),
            ])
            #expect(json.json == ["errors": ["delta": ["must be less than or equal to 2147483647"]]])
            #expect(try await t.call(.GET, "/admin/api/services.json").status == 200)
        }
    }

    @Test func anOversizeAdminBodySentBeforeReadingGetsItsAnswerAndTheConnectionCloses() async throws {
        try await TestSandbox.with { t in
            let url = t.admin
            let body = Data("name=".utf8) + Data(repeating: UInt8(ascii: "a"), count: 20 << 20)
            let request = RawConnection.request(
                "POST", "/admin/api/backend_apis.json?access_token=\(t.token)",
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
            let outcome = await RawConnection.blocking { () -> (sent: Bool, status: Int, head: String, closes: Bool)? in
                guard let connection = try? RawConnection(url) else { return nil }
                let sent = connection.send(request)
                let response = connection.receiveResponse()
                return (sent, response.status, response.head, response.closed || connection.closesAfterwards())
            }
            let result = try #require(outcome)
            #expect(result.sent)
            #expect(result.status == 413)
            #expect(result.head.lowercased().contains("connection: close"))
            #expect(result.closes)
            #expect(try await t.call(.GET, "/admin/api/services.json").status == 200)
        }
    }

    /// Only early answers close: a request read to its end keeps the connection for the next.
    @Test func answersAfterTheWholeRequestKeepTheConnection() async throws {
        try await TestSandbox.with { t in
            let url = t.admin
            let get = RawConnection.request("GET", "/admin/api/services.json?access_token=\(t.token)")
            let post = RawConnection.request("POST", "/admin/api/backend_apis.json?access_token=\(t.token)",
                                             headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                             body: Data("name=kept&private_endpoint=http://127.0.0.1:1".utf8))
            let statuses = await RawConnection.blocking { () -> [Int] in
                guard let connection = try? RawConnection(url) else { return [] }
                return [get, post, get].map { request in
                    connection.send(request)
                    return connection.receiveResponse().status
                }
            }
            #expect(statuses == [200, 201, 200])
        }
    }

    @Test func theGatewayPassesTheModelsEarly413OnAtOnce() async throws {
        try await TestSandbox.with { t in
            let product = try await t.publishedProduct("Big", rules: GatewayTests.vllmRules)
            let url = product.production
            let body = Data(#"{"prompt":""#.utf8) + Data(repeating: UInt8(ascii: "a"), count: 24 << 20) + Data(#""}"#.utf8)
            let request = RawConnection.request("POST", "/v1/completions", headers: Self.auth(product.userKey), body: body)
            for _ in 0..<4 {
                let reply = await RawConnection.blocking { () -> (status: Int, head: String, closes: Bool) in
                    guard let connection = try? RawConnection(url) else { return (-1, "", false) }
                    connection.send(request)
                    let response = connection.receiveResponse()
                    return (response.status, response.head.lowercased(), response.closed || connection.closesAfterwards())
                }
                // Answered before the body was read: the connection is not kept alive.
                #expect(reply.status == 413)
                #expect(reply.head.contains("connection: close"))
                #expect(reply.closes)
            }
            var small = HTTPClientRequest(url: url + "/v1/completions")
            small.method = .POST
            for (name, value) in Self.auth(product.userKey) { small.headers.add(name: name, value: value) }
            small.body = .bytes(ByteBuffer(string: #"{"prompt":"hello","max_tokens":3}"#))
            #expect(try await t.send(small).status == 200)
        }
    }

    /// Connections that never finish keep no listener from stopping: idle, half-closed,
    /// stalled in the middle of a body, and a stream whose client stopped reading.
    @Test func shutdownFinishesDespiteStuckConnections() async throws {
        let sandbox = try await RunningSandbox.start(.init())
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let t = TestSandbox(sandbox: sandbox, client: client)
        let product = try await t.publishedProduct("Stuck", rules: GatewayTests.vllmRules)
        try await client.shutdown()
        var held: [RawConnection] = []
        for url in [t.admin, product.production, sandbox.endpoints.modelURL] {
            held.append(try RawConnection(url))  // idle
            let half = try RawConnection(url)
            _ = half.send("GET /admin/api/services.json HTTP/1.1\r\nHost: x\r\n")
            half.shutdownWrite()
            held.append(half)
            let stalled = try RawConnection(url)
            _ = stalled.send("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n{\"pro")
            held.append(stalled)
        }
        let stream = try RawConnection(product.production)
        let body = Data(#"{"prompt":"tell me","max_tokens":30000,"stream":true}"#.utf8)
        stream.send(RawConnection.request("POST", "/v1/completions", headers: Self.auth(product.userKey), body: body))
        let first = await RawConnection.blocking { stream.receive(until: { $0.count > 100 }).data }
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        held.append(stream)  // and never read again

        let stopping = Task { try await sandbox.shutdown() }
        let stopped = await Listener.wait(for: stopping, upTo: .seconds(10))
        #expect(stopped, "shutdown did not return within 10 s")
        #expect(held.count == 10)
    }

    /// Graceful first: a stream already under way when the sandbox stops runs to its end.
    @Test func aStreamInFlightFinishesWhenTheSandboxStops() async throws {
        let sandbox = try await RunningSandbox.start(.init(model: .init(tokensPerSecond: 40)))
        let connection = try RawConnection(sandbox.endpoints.modelURL)
        let body = Data(#"{"prompt":"hello","max_tokens":12,"ignore_eos":true,"stream":true}"#.utf8)
        connection.send(RawConnection.request("POST", "/v1/completions", headers: [("Content-Type", "application/json")], body: body))
        let started = await RawConnection.blocking { connection.receive(until: { $0.range(of: Data("data: ".utf8)) != nil }) }
        #expect(String(decoding: started.data, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        try await sandbox.shutdown()
        let rest = await RawConnection.blocking { connection.receive(until: { $0.range(of: Data("[DONE]".utf8)) != nil }) }
        #expect(String(decoding: rest.data, as: UTF8.self).contains("data: [DONE]"))
    }

    // MARK: The relay's request-body pipe

    @Test func aFullPipeHoldsTheSenderUntilReadOrCancelled() async throws {
        let pipe = BodyPipe(capacity: 4)
        let chunk = ByteBuffer(string: "12345")
        let sender = Task { await pipe.send(chunk) }
        var iterator = pipe.makeAsyncIterator()
        #expect(try await iterator.next() == chunk)
        #expect(await sender.value)

        let blocked = Task {
            _ = await pipe.send(chunk)  // over capacity: waits
            return await pipe.send(chunk)
        }
        blocked.cancel()
        #expect(await blocked.value == false)
        // Cancelling the sender leaves the pipe open for the upstream side.
        #expect(try await iterator.next() == chunk)
    }

    @Test func cuttingThePipeEndsEveryWait() async throws {
        let empty = BodyPipe(capacity: 4)
        let receiver = Task { () -> Bool in
            var iterator = empty.makeAsyncIterator()
            do {
                _ = try await iterator.next()
                return false
            } catch {
                return error is BodyPipe.Cut
            }
        }
        let full = BodyPipe(capacity: 4)
        let sender = Task { () -> Bool in
            _ = await full.send(ByteBuffer(string: "0123456789"))
            return await full.send(ByteBuffer(string: "0123456789"))
        }
        empty.cut()
        full.cut()
        #expect(await receiver.value)
        #expect(await sender.value == false)
    }

    @Test func aFinishedPipeEndsAfterItsChunks() async throws {
        let pipe = BodyPipe(capacity: 100)
        #expect(await pipe.send(ByteBuffer(string: "a")))
        #expect(await pipe.send(ByteBuffer(string: "b")))
        pipe.finish()
        var received = ""
        for try await chunk in pipe { received += String(buffer: chunk) }
        #expect(received == "ab")
        #expect(await pipe.send(ByteBuffer(string: "c")) == false)
    }
}
