import Foundation
import Testing
@testable import ModelGateway

@Suite struct StreamChunkTests {
    @Test func completionAndChatChunks() throws {
        let completion = try StreamChunk(parsing: #"{"id":"c","choices":[{"index":2,"text":" tok","logprobs":null,"finish_reason":null}],"usage":null}"#)
        #expect(completion.choices.map(\.index) == [2])
        #expect(completion.choices.first?.text == " tok")
        #expect(completion.choices.first?.finishReason == nil)
        #expect(completion.usage == nil)
        let chat = try StreamChunk(parsing: #"{"choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":"stop","stop_reason":null}]}"#)
        #expect(chat.choices.first?.text == "Hi")
        #expect(chat.choices.first?.finishReason == "stop")
    }

    @Test func usageChunk() throws {
        let chunk = try StreamChunk(parsing: #"{"choices":[],"usage":{"prompt_tokens":16,"total_tokens":19,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":0}}}"#)
        #expect(chunk.choices.isEmpty)
        #expect(chunk.usage == Usage(promptTokens: 16, completionTokens: 3, totalTokens: 19))
    }

    @Test func escapesAreDecoded() throws {
        let chunk = try StreamChunk(parsing: #"{"choices":[{"text":"a\"b\\c\/d\n\t\u0019\u00e9\ud83d\ude80\ud800x"}]}"#)
        #expect(chunk.choices.first?.text == "a\"b\\c/d\n\t\u{19}é🚀\u{FFFD}x")
    }

    @Test func unknownMembersOfEveryKindAreSkipped() throws {
        let chunk = try StreamChunk(parsing: #" { "x" : [1, -2.5e-3, true, false, null, {"y": ["z", {}]}, []] , "choices" : [ { "logprobs" : {"a": [0.1]}, "text" : "ok" } ] } "#)
        #expect(chunk.choices.first?.text == "ok")
    }

    @Test func errorsAreRecognised() throws {
        #expect(try StreamChunk(parsing: #"{"error":{"message":"m","type":"t","param":null,"code":400}}"#).isError)
        #expect(try StreamChunk(parsing: #"{"object":"error","message":"m"}"#).isError)
        #expect(try !StreamChunk(parsing: #"{"object":"text_completion","choices":[{"text":"error"}]}"#).isError)
    }

    @Test(arguments: [#"{"choices":[{"text":"x"}]"#, #"{"choices":[{"text":"x}]}"#, "not json", #"{"a":1} trailing"#, #"{"a":tru}"#, ""])
    func malformedChunksThrow(_ text: String) {
        #expect(throws: JSONScanner.Malformed.self) { try StreamChunk(parsing: text) }
    }

    /// Property: on the recorded vLLM events the scanner reads what Foundation's
    /// JSON parser reads.
    @Test(arguments: [RecordedStreams.completion, RecordedStreams.chatWithUsage])
    func agreesWithFoundationOnRecordedEvents(_ recorded: String) throws {
        let payloads = recorded.components(separatedBy: "\n\n").map { $0.dropFirst(6) }.filter { !$0.isEmpty && $0 != "[DONE]" }
        #expect(!payloads.isEmpty)
        for payload in payloads {
            let chunk = try StreamChunk(parsing: String(payload))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            let choices = object["choices"] as? [[String: Any]] ?? []
            #expect(chunk.choices.count == choices.count)
            for (parsed, expected) in zip(chunk.choices, choices) {
                let text = expected["text"] as? String ?? (expected["delta"] as? [String: Any])?["content"] as? String
                #expect(parsed.text == text)
                #expect(parsed.finishReason == expected["finish_reason"] as? String)
                #expect(parsed.index == expected["index"] as? Int)
            }
            let usage = object["usage"] as? [String: Any]
            #expect(chunk.usage?.totalTokens == usage?["total_tokens"] as? Int)
        }
    }
}
