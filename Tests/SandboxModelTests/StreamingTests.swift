import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
@testable import SandboxModel

@Suite struct StreamingTests {
    @Test func completionStreamMatchesTheWholeAnswer() async throws {
        try await withModelServer { client in
            let whole = try await client.post("/v1/completions", CompletionTests.labRequest)
            let streamed = try await client.post(
                "/v1/completions",
                #"{"model":"tinyllama/tinyllama-1.1b-chat-v1.0","prompt":"San Francisco is a","max_tokens":15,"temperature":0,"stream":true}"#)
            #expect(streamed.status == 200)
            #expect(streamed.headers["content-type"].first == "text/event-stream; charset=utf-8")
            #expect(streamed.body.hasSuffix("\n\ndata: [DONE]\n\n"))
            let events = sseData(streamed.body)
            #expect(events.last == "[DONE]")
            let chunks = events.dropLast().map(jsonObject)
            #expect(chunks.count == 15)
            #expect(chunks.allSatisfy { $0["object"] as? String == "text_completion" && $0["usage"] == nil })
            #expect(Set(chunks.compactMap { $0["id"] as? String }).count == 1)
            #expect(chunks.map(text).joined() == text(whole.json))
            let last = try #require((chunks.last?["choices"] as? [[String: Any]])?.first)
            #expect(last["finish_reason"] as? String == "length")
            #expect(chunks.last?["system_fingerprint"] is String)
            #expect(events[0].contains(#""logprobs":null,"finish_reason":null,"stop_reason":null,"prompt_token_ids":null,"token_ids":null}]}"#))
        }
    }

    @Test func completionStreamWithUsageEndsWithAUsageChunk() async throws {
        try await withModelServer { client in
            let streamed = try await client.post(
                "/v1/completions",
                #"{"prompt":"San Francisco is a","max_tokens":3,"stream":true,"stream_options":{"include_usage":true}}"#)
            let events = sseData(streamed.body)
            #expect(events.count == 5)
            let usageChunk = jsonObject(events[3])
            #expect((usageChunk["choices"] as? [Any])?.isEmpty == true)
            #expect(events[3].contains(#""choices":[],"usage":{"prompt_tokens":4,"total_tokens":7,"completion_tokens":3},"system_fingerprint":"#))
        }
    }

    @Test func echoedStreamStartsWithThePrompt() async throws {
        try await withModelServer { client in
            let streamed = try await client.post(
                "/v1/completions", #"{"prompt":"San Francisco is a","max_tokens":3,"echo":true,"stream":true}"#)
            let first = jsonObject(sseData(streamed.body)[0])
            #expect(text(first).hasPrefix("San Francisco is a "))
        }
    }

    @Test func chatStreamHasRoleContentFinishUsageDone() async throws {
        try await withModelServer { client in
            let body = #"{"messages":[{"role":"user","content":"Hello"}],"max_tokens":3,"temperature":0"#
            let whole = try await client.post("/v1/chat/completions", body + "}")
            let streamed = try await client.post(
                "/v1/chat/completions", body + #","stream":true,"stream_options":{"include_usage":true}}"#)
            let events = sseData(streamed.body)
            #expect(events.count == 6)
            #expect(events[0].hasSuffix(#""choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null,"prompt_text":null}"#))
            #expect(events[1].hasSuffix(#""},"logprobs":null,"finish_reason":null,"token_ids":null}]}"#))
            #expect(events[3].hasSuffix(#""},"logprobs":null,"finish_reason":"length","stop_reason":null,"token_ids":null}]}"#))
            let deltas = events[1...3].map { event in
                ((jsonObject(event)["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])?["content"] as? String ?? "?"
            }
            #expect(deltas.joined() == text(whole.json))
            let usage = jsonObject(events[4])["usage"] as? [String: Any]
            #expect(usage?["completion_tokens"] as? Int == 3)
            #expect(events[5] == "[DONE]")
            #expect(jsonObject(events[0])["object"] as? String == "chat.completion.chunk")
        }
    }

    @Test func chatStreamEndingOnItsOwnReportsStop() async throws {
        try await withModelServer { client in
            let streamed = try await client.post(
                "/v1/chat/completions", #"{"messages":[{"role":"user","content":"Hello"}],"stream":true}"#)
            let events = sseData(streamed.body)
            let final = try #require((jsonObject(events[events.count - 2])["choices"] as? [[String: Any]])?.first)
            #expect(final["finish_reason"] as? String == "stop")
            #expect(final["stop_reason"] is NSNull)
        }
    }

    @Test func twentyThousandTokensStreamCompletely() async throws {
        try await withModelServer { client in
            let response = try await client.open(
                "/v1/completions", #"{"prompt":"The","max_tokens":20000,"stream":true,"stream_options":{"include_usage":true}}"#)
            var body = ByteBuffer()
            for try await chunk in response.body { body.writeImmutableBuffer(chunk) }
            let text = String(buffer: body)
            // 20,000 token events, the usage chunk and [DONE], each ended by a blank line.
            #expect(text.components(separatedBy: "\n\n").count - 1 == 20002)
            #expect(text.hasSuffix("\"completion_tokens\":20000},\"system_fingerprint\":\"vllm-0.32.0-sandbox\"}\n\ndata: [DONE]\n\n"))
        }
    }
}
