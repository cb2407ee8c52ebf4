import AsyncHTTPClient
import Foundation
import Testing
@testable import SandboxModel

@Suite struct PacingTests {
    @Test func pacedTokensArriveInOrderOverSeveralReads() async throws {
        let request = #"{"prompt":"The","max_tokens":20,"temperature":0,"stream":true}"#
        let unpaced = try await withModelServer { client in
            sseData(try await client.post("/v1/completions", request).body).map(jsonObject).map(text)
        }
        let recorder = OutcomeRecorder()
        try await withModelServer(.init(tokensPerSecond: 100), observer: recorder.observer) { client in
            let response = try await client.open("/v1/completions", request)
            var arrivals: [String] = []
            for try await chunk in response.body {
                arrivals.append(String(buffer: chunk))
            }
            // Pacing spreads the events over many reads but never reorders them.
            #expect(arrivals.count > 1)
            #expect(sseData(arrivals.joined()).map(jsonObject).map(text) == unpaced)
            #expect(await recorder.next() == .completed(tokens: 20))
        }
    }

    @Test func firstEventArrivesBeforeGenerationEnds() async throws {
        let recorder = OutcomeRecorder()
        try await withModelServer(.init(tokensPerSecond: 100), observer: recorder.observer) { client in
            let response = try await client.open("/v1/completions", #"{"prompt":"The","max_tokens":30,"stream":true}"#)
            var iterator = response.body.makeAsyncIterator()
            let first = String(buffer: try #require(try await iterator.next()))
            // Paced tokens leave one by one: the first read holds the first event
            // only, long before the 30th token's slot.
            #expect(first.hasPrefix("data: {"))
            #expect(first.components(separatedBy: "\n\n").count - 1 < 30)
            #expect(!first.contains("[DONE]"))
            while try await iterator.next() != nil {}
            #expect(await recorder.next() == .completed(tokens: 30))
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
