import Foundation
import Testing
@testable import SandboxModel

@Suite struct ChatTests {
    static let messages = #"[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}]"#

    @Test func answerHasVLLMShapeAndEndsOnItsOwn() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/chat/completions", #"{"messages":\#(Self.messages),"temperature":0}"#)
            #expect(reply.status == 200)
            #expect(reply.body.hasPrefix(#"{"id":"chatcmpl-"#))
            #expect(reply.json["object"] as? String == "chat.completion")
            let choice = try #require((reply.json["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "stop")
            let message = try #require(choice["message"] as? [String: Any])
            #expect(message["role"] as? String == "assistant")
            let content = try #require(message["content"] as? String)
            #expect(content.first?.isUppercase == true)
            #expect(content.hasSuffix("."))
            #expect(reply.body.contains(#""refusal":null,"annotations":null,"audio":null,"function_call":null,"reasoning":null}"#))
            let usage = try #require(reply.json["usage"] as? [String: Any])
            let prompt = "<|system|>\nBe brief.</s>\n<|user|>\nHello</s>\n<|assistant|>\n"
            #expect(usage["prompt_tokens"] as? Int == Tokenizer().tokenize(prompt).count)
        }
    }

    @Test func maxTokensEndsWithLength() async throws {
        try await withModelServer { client in
            let reply = try await client.post(
                "/v1/chat/completions", #"{"messages":\#(Self.messages),"max_tokens":4,"temperature":0}"#)
            let choice = try #require((reply.json["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "length")
            #expect((reply.json["usage"] as? [String: Any])?["completion_tokens"] as? Int == 4)
        }
    }

    @Test func maxCompletionTokensIsAnAlias() async throws {
        try await withModelServer { client in
            let reply = try await client.post(
                "/v1/chat/completions", #"{"messages":\#(Self.messages),"max_completion_tokens":3}"#)
            #expect((reply.json["usage"] as? [String: Any])?["completion_tokens"] as? Int == 3)
        }
    }

    @Test func contentPartsAreJoined() async throws {
        try await withModelServer { client in
            let parts = try await client.post(
                "/v1/chat/completions",
                #"{"messages":[{"role":"user","content":[{"type":"text","text":"Hel"},{"type":"text","text":"lo"}]}],"temperature":0}"#)
            let plain = try await client.post(
                "/v1/chat/completions", #"{"messages":[{"role":"user","content":"Hello"}],"temperature":0}"#)
            #expect(text(parts.json) == text(plain.json))
        }
    }

    @Test func conversationsDifferInTheirAnswers() async throws {
        try await withModelServer { client in
            let first = try await client.post(
                "/v1/chat/completions", #"{"messages":[{"role":"user","content":"Hello"}],"temperature":0}"#)
            let second = try await client.post(
                "/v1/chat/completions", #"{"messages":[{"role":"user","content":"Tell me a story"}],"temperature":0}"#)
            #expect(text(first.json) != text(second.json))
        }
    }
}
