import Testing
@testable import ModelGateway

/// The bodies as sent: the fields in order, nil ones left out, `stream_options` only with `stream`.
@Suite struct RequestBodyTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func aStreamedCompletionWithEverySetting() {
        let options = SamplingOptions(maxTokens: 5, temperature: 0.7, topP: 1, stop: ["\n", "END"], seed: 42)
        let body = GenerationBody(model: "org/model", prompt: "say \"hi\"", options: options, echo: true, stream: true)
        #expect(Self.text(body.json) == #"{"model":"org/model","prompt":"say \"hi\"","max_tokens":5,"temperature":0.7,"top_p":1,"stop":["\n","END"],"seed":42,"echo":true,"stream":true,"stream_options":{"include_usage":true}}"#)
    }

    @Test func aChatWithDefaultsSendsOnlyTheModelAndMessages() {
        let body = GenerationBody(model: "m", messages: [.system("be brief"), .user("hello")], options: SamplingOptions(),
                                  echo: false, stream: false)
        #expect(Self.text(body.json) == #"{"model":"m","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hello"}]}"#)
    }

    @Test func theSmallBodies() {
        #expect(Self.text(EmbeddingsBody(model: "m", input: ["a", "b"]).json) == #"{"model":"m","input":["a","b"]}"#)
        #expect(Self.text(TokenizeBody(model: "m", prompt: "x").json) == #"{"model":"m","prompt":"x"}"#)
        #expect(Self.text(DetokenizeBody(model: "m", tokens: [1, 22, 333]).json) == #"{"model":"m","tokens":[1,22,333]}"#)
    }
}
