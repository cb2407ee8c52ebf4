import Testing
@testable import SandboxModel

@Suite struct TokenizeTests {
    @Test func labPromptIsFourWordTokens() async throws {
        try await withModelServer { client in
            let reply = try await client.post(
                "/tokenize", #"{"model":"tinyllama/tinyllama-1.1b-chat-v1.0","prompt":"San Francisco is a"}"#)
            #expect(reply.status == 200)
            #expect(reply.body.hasPrefix(#"{"count":4,"max_model_len":32768,"tokens":["#))
            #expect(reply.body.hasSuffix(#"],"token_strs":null}"#))
        }
    }

    @Test func tokenStringsUseByteLevelNotation() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/tokenize", #"{"prompt":"San Francisco\n","return_token_strs":true}"#)
            #expect(reply.json["token_strs"] as? [String] == ["San", "ĠFrancisco", "Ċ"])
        }
    }

    @Test func messagesAreRenderedThroughTheChatTemplate() async throws {
        try await withModelServer { client in
            let reply = try await client.post(
                "/tokenize", #"{"messages":[{"role":"user","content":"hi"}],"return_token_strs":true}"#)
            #expect(reply.json["token_strs"] as? [String] == ["<|user|>", "Ċ", "hi", "</s>", "Ċ", "<|assistant|>", "Ċ"])
            #expect(reply.json["count"] as? Int == 7)
        }
    }

    @Test(arguments: [
        "San Francisco is a", "Hello, world! 42 ünïcødé 🚀 <|user|> tabs\tand\nlines", "", "   spaced   out  ",
        "Zebras\u{0019} and \"quotes\" \\ back",
    ])
    func tokenizeDetokenizeRoundTrips(_ text: String) async throws {
        let tokenizer = Tokenizer()
        #expect(tokenizer.detokenize(tokenizer.tokenize(text)) == text)
    }

    @Test func detokenizeOverHTTPRoundTrips() async throws {
        try await withModelServer { client in
            let text = "The city near the bay, 2048 tokens. Ünïcode too."
            let escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
            let tokens = try #require(try await client.post("/tokenize", #"{"prompt":"\#(escaped)"}"#).json["tokens"] as? [Int])
            let reply = try await client.post("/detokenize", #"{"tokens":\#(tokens)}"#)
            #expect(reply.status == 200)
            #expect(reply.json["prompt"] as? String == text)
        }
    }

    @Test func detokenizeRejectsUnknownIDs() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/detokenize", #"{"tokens":[1,99999999]}"#)
            #expect(reply.status == 400)
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect(error["type"] as? String == "BadRequestError")
            #expect(error["code"] as? Int == 400)
        }
    }

    @Test func idsAreStable() {
        let tokenizer = Tokenizer()
        #expect(tokenizer.tokenize("the") == [Vocabulary.shared.id(of: "the", leadingSpace: false)])
        #expect(Vocabulary.shared.id(of: "the", leadingSpace: false) == 6 + 256 + Vocabulary.characters.count)
    }
}
