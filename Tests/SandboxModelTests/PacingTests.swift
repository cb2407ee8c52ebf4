import AsyncHTTPClient
import Foundation
import Testing
@testable import SandboxModel

@Suite struct PacingTests {
    @Test func pacedTokensArriveOneByOneWhileGenerationGoesOn() async throws {
        let recorder = OutcomeRecorder()
        try await withModelServer(.init(tokensPerSecond: 200), observer: recorder.observer) { client in
            let response = try await client.open("/v1/completions", #"{"prompt":"The","max_tokens":20,"stream":true}"#)
            var arrivals: [String] = []
            for try await chunk in response.body {
                arrivals.append(String(buffer: chunk))
            }
            // Each token was its own write: events never arrive batched, in order.
            let events = arrivals.joined().components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.count == 21)
            #expect(arrivals.count >= 20)
            #expect(await recorder.next() == .completed(tokens: 20))
        }
    }

    @Test func firstEventArrivesBeforeGenerationEnds() async throws {
        let recorder = OutcomeRecorder()
        try await withModelServer(.init(tokensPerSecond: 100), observer: recorder.observer) { client in
            let response = try await client.open("/v1/completions", #"{"prompt":"The","max_tokens":30,"stream":true}"#)
            var iterator = response.body.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            #expect(String(buffer: first).hasPrefix("data: {"))
            // The stream is still running: the observer has nothing to report yet.
            let early = Task { await recorder.next() }
            while try await iterator.next() != nil {}
            #expect(await early.value == .completed(tokens: 30))
        }
    }

    @Test func clientDisconnectStopsGeneration() async throws {
        let recorder = OutcomeRecorder()
        try await withModelServer(.init(tokensPerSecond: 100), observer: recorder.observer) { client in
            let (received, receivedContinuation) = AsyncStream.makeStream(of: Int.self)
            let reader = Task {
                let response = try await client.open(
                    "/v1/chat/completions",
                    #"{"messages":[{"role":"user","content":"Hi"}],"max_tokens":5000,"ignore_eos":true,"stream":true}"#)
                var count = 0
                for try await _ in response.body {
                    count += 1
                    receivedContinuation.yield(count)
                }
            }
            for await count in received where count >= 3 { break }
            reader.cancel()
            let outcome = await recorder.next()
            guard case .abandoned(let tokens) = outcome else {
                Issue.record("expected an abandoned stream, got \(String(describing: outcome))")
                return
            }
            #expect(tokens < 5000)
        }
    }
}
