import Foundation
import Testing
@testable import ModelGateway

/// What `StreamChunk.read` put into a batch, per choice, for the tests below.
struct ParsedChunk {
    struct Choice: Equatable {
        var index: Int
        /// nil for an empty chunk (no text, or an empty one).
        var text: String?
        var finishReason: String?
    }

    var choices: [Choice] = []
    var usage: Usage?
    var isError = false

    init(parsing text: String) throws {
        var batch = StreamBatch()
        let summary = try Array(text.utf8).withUnsafeBytes { try StreamChunk.read($0, into: &batch) }
        usage = summary.usage
        isError = summary.isError
        for event in batch.streamEvents {
            switch event {
            case let .text(text, choice): choices.append(Choice(index: choice, text: text))
            case let .emptyChunk(choice): choices.append(Choice(index: choice))
            case let .finish(reason, choice) where choices.last?.index == choice: choices[choices.count - 1].finishReason = reason
            default: Issue.record("unexpected \(event)")
            }
        }
        #expect(summary.texts == choices.filter { $0.text != nil }.count)
    }
}

@Suite struct StreamChunkTests {
    @Test func completionAndChatChunks() throws {
        let completion = try ParsedChunk(parsing: #"{"id":"c","choices":[{"index":2,"text":" tok","logprobs":null,"finish_reason":null}],"usage":null}"#)
        #expect(completion.choices.map(\.index) == [2])
        #expect(completion.choices.first?.text == " tok")
        #expect(completion.choices.first?.finishReason == nil)
        #expect(completion.usage == nil)
        let chat = try ParsedChunk(parsing: #"{"choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":"stop","stop_reason":null}]}"#)
        #expect(chat.choices.first?.text == "Hi")
        #expect(chat.choices.first?.finishReason == "stop")
    }

    @Test func usageChunk() throws {
        let chunk = try ParsedChunk(parsing: #"{"choices":[],"usage":{"prompt_tokens":16,"total_tokens":19,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":0}}}"#)
        #expect(chunk.choices.isEmpty)
        #expect(chunk.usage == Usage(promptTokens: 16, completionTokens: 3, totalTokens: 19))
    }

    @Test func escapesAreDecoded() throws {
        let chunk = try ParsedChunk(parsing: #"{"choices":[{"text":"a\"b\\c\/d\n\t\u0019\u00e9\ud83d\ude80\ud800x"}]}"#)
        #expect(chunk.choices.first?.text == "a\"b\\c/d\n\t\u{19}é🚀\u{FFFD}x")
    }

    /// An escape or a closing quote after short and long runs of plain bytes, in keys and
    /// in texts, reads as JSON says.
    @Test(arguments: [0, 1, 30, 31, 32, 33, 100])
    func escapesAndQuotesAfterPlainBytes(_ padding: Int) throws {
        let pad = String(repeating: "p", count: padding)
        for tail in ["", #"\""#, #"\\"#, #"\n"#, #"x\"y"#] {
            let text = pad + tail
            let json = #"{"unknown_\#(pad)\#(tail)":"\#(pad)\#(tail)","choices":[{"text":"\#(text)"}]}"#
            let expected = try #require(
                (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["choices"] as? [[String: Any]]
            ).first?["text"] as? String
            // An empty text is an empty chunk.
            #expect(try ParsedChunk(parsing: json).choices.first?.text == expected.flatMap { $0.isEmpty ? nil : $0 }, "\(json)")
        }
        #expect(throws: (any Error).self) { try ParsedChunk(parsing: #"{"choices":[{"text":"\#(pad)"#) }
        #expect(throws: (any Error).self) { try ParsedChunk(parsing: #"{"choices":[{"text":"\#(pad)\"#) }
    }

    @Test func theLastTextMemberWinsAndInvalidUTF8IsRepaired() throws {
        #expect(try ParsedChunk(parsing: #"{"choices":[{"text":"a","delta":{"content":"b"}}]}"#).choices.first?.text == "b")
        #expect(try ParsedChunk(parsing: #"{"choices":[{"text":"a","text":null}]}"#).choices.first?.text == nil)
        let invalid: [UInt8] = [0x61, 0xFF, 0xE2, 0x82, 0x62, 0xED, 0xA0, 0x80]
        let payload = Array(#"{"choices":[{"text":""#.utf8) + invalid + Array(#""}]}"#.utf8)
        let decoded = StreamEventDecoder.decode([Array("data: ".utf8) + payload + Array("\n\ndata: [DONE]\n\n".utf8)])
        #expect(decoded.events == [.text(String(decoding: invalid, as: UTF8.self), choice: 0)])
    }

    @Test func unknownMembersOfEveryKindAreSkipped() throws {
        let chunk = try ParsedChunk(parsing: #" { "x" : [1, -2.5e-3, true, false, null, {"y": ["z", {}]}, []] , "choices" : [ { "logprobs" : {"a": [0.1]}, "text" : "ok" } ] } "#)
        #expect(chunk.choices.first?.text == "ok")
    }

    @Test func errorsAreRecognised() throws {
        #expect(try ParsedChunk(parsing: #"{"error":{"message":"m","type":"t","param":null,"code":400}}"#).isError)
        #expect(try ParsedChunk(parsing: #"{"object":"error","message":"m"}"#).isError)
        #expect(try !ParsedChunk(parsing: #"{"object":"text_completion","choices":[{"text":"error"}]}"#).isError)
    }

    @Test(arguments: [#"{"choices":[{"text":"x"}]"#, #"{"choices":[{"text":"x}]}"#, "not json", #"{"a":1} trailing"#, #"{"a":tru}"#, ""])
    func malformedChunksThrow(_ text: String) {
        #expect(throws: JSONScanner.Malformed.self) { try ParsedChunk(parsing: text) }
    }

    /// Property: on the recorded vLLM events the scanner reads what Foundation's
    /// JSON parser reads.
    @Test(arguments: [RecordedStreams.completion, RecordedStreams.chatWithUsage])
    func agreesWithFoundationOnRecordedEvents(_ recorded: String) throws {
        let payloads = recorded.components(separatedBy: "\n\n").map { $0.dropFirst(6) }.filter { !$0.isEmpty && $0 != "[DONE]" }
        #expect(!payloads.isEmpty)
        for payload in payloads {
            let chunk = try ParsedChunk(parsing: String(payload))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            let choices = object["choices"] as? [[String: Any]] ?? []
            #expect(chunk.choices.count == choices.count)
            for (parsed, expected) in zip(chunk.choices, choices) {
                let text = expected["text"] as? String ?? (expected["delta"] as? [String: Any])?["content"] as? String
                #expect((parsed.text ?? "") == (text ?? ""))
                #expect(parsed.finishReason == expected["finish_reason"] as? String)
                #expect(parsed.index == expected["index"] as? Int)
            }
            let usage = object["usage"] as? [String: Any]
            #expect(chunk.usage?.totalTokens == usage?["total_tokens"] as? Int)
        }
    }
}
