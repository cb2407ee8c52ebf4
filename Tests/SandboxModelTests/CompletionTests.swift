import Foundation
import Testing
@testable import SandboxModel

@Suite struct CompletionTests {
    static let labRequest =
        #"{"model":"tinyllama/tinyllama-1.1b-chat-v1.0","prompt":"San Francisco is a","max_tokens":15,"temperature":0}"#

    @Test func labRequestGetsAPlausibleCompletion() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/completions", Self.labRequest)
            #expect(reply.status == 200)
            #expect(reply.body.hasPrefix(#"{"id":"cmpl-"#))
            let json = reply.json
            #expect(json["object"] as? String == "text_completion")
            #expect(json["model"] as? String == "tinyllama/tinyllama-1.1b-chat-v1.0")
            #expect(json["created"] is Int)
            let choice = try #require((json["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "length")
            #expect(choice["stop_reason"] is NSNull)
            let text = try #require(choice["text"] as? String)
            // English words after "a": starts with a space and a lowercase word.
            #expect(text.hasPrefix(" "))
            #expect(text.first { $0 != " " }?.isLowercase == true)
            let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
            #expect(words.allSatisfy { $0.allSatisfy(\.isLetter) })
            let usage = try #require(json["usage"] as? [String: Any])
            #expect(usage["prompt_tokens"] as? Int == 4)
            #expect(usage["completion_tokens"] as? Int == 15)
            #expect(usage["total_tokens"] as? Int == 19)
            #expect(reply.body.contains(#""usage":{"prompt_tokens":4,"total_tokens":19,"completion_tokens":15,"prompt_tokens_details":null,"completion_tokens_details":null}"#))
        }
    }

    @Test func sameInputGivesSameText() async throws {
        try await withModelServer { client in
            let body = #"{"prompt":"Tell me about the river","max_tokens":40,"temperature":0.8}"#
            let first = try await client.post("/v1/completions", body).json
            let second = try await client.post("/v1/completions", body).json
            #expect(text(first) == text(second))
            #expect(first["id"] as? String != second["id"] as? String)
            let other = try await client.post(
                "/v1/completions", #"{"prompt":"Tell me about the river","max_tokens":40,"temperature":1.5}"#)
            #expect(text(other.json) != text(first))
        }
    }

    @Test func shorterMaxTokensGivesAPrefix() async throws {
        try await withModelServer { client in
            let long = try await client.post("/v1/completions", #"{"prompt":"The city","max_tokens":30,"temperature":0}"#)
            let short = try await client.post("/v1/completions", #"{"prompt":"The city","max_tokens":10,"temperature":0}"#)
            #expect(text(long.json).hasPrefix(text(short.json)))
        }
    }

    @Test func echoPrependsThePrompt() async throws {
        try await withModelServer { client in
            let plain = try await client.post("/v1/completions", #"{"prompt":"San Francisco is a","max_tokens":5}"#)
            let echoed = try await client.post(
                "/v1/completions", #"{"prompt":"San Francisco is a","max_tokens":5,"echo":true}"#)
            #expect(text(echoed.json) == "San Francisco is a" + text(plain.json))
        }
    }

    @Test func stopStringCutsTheText() async throws {
        try await withModelServer { client in
            let full = text(try await client.post("/v1/completions", #"{"prompt":"The","max_tokens":60,"temperature":0}"#).json)
            // Stop at the second word of the full text, wherever it is.
            let words = full.split(separator: " ")
            let stop = " " + String(words[1].prefix(while: \.isLetter))
            let reply = try await client.post(
                "/v1/completions", #"{"prompt":"The","max_tokens":60,"temperature":0,"stop":["zzz","\#(stop)"]}"#)
            let choice = try #require((reply.json["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "stop")
            #expect(choice["stop_reason"] as? String == stop)
            let cut = try #require(choice["text"] as? String)
            #expect(full.hasPrefix(cut))
            #expect(!cut.contains(stop))
            #expect(full.dropFirst(cut.count).hasPrefix(stop))
        }
    }

    @Test func severalPromptsAndSamplesGiveIndexedChoices() async throws {
        try await withModelServer { client in
            let reply = try await client.post(
                "/v1/completions", #"{"prompt":["The river","A bridge"],"n":2,"max_tokens":4}"#)
            let choices = try #require(reply.json["choices"] as? [[String: Any]])
            #expect(choices.map { $0["index"] as? Int } == [0, 1, 2, 3])
            let usage = try #require(reply.json["usage"] as? [String: Any])
            #expect(usage["completion_tokens"] as? Int == 16)
            #expect(usage["prompt_tokens"] as? Int == 4)
        }
    }

    @Test func tokenIDPromptsAreAccepted() async throws {
        try await withModelServer { client in
            let tokens = Tokenizer().tokenize("San Francisco is a")
            let byText = try await client.post("/v1/completions", #"{"prompt":"San Francisco is a","max_tokens":6,"temperature":0}"#)
            let byIDs = try await client.post("/v1/completions", #"{"prompt":\#(tokens),"max_tokens":6,"temperature":0}"#)
            #expect(text(byIDs.json) == text(byText.json))
        }
    }
}

func text(_ json: [String: Any]) -> String {
    let choice = (json["choices"] as? [[String: Any]])?.first
    if let text = choice?["text"] as? String { return text }
    return ((choice?["message"] as? [String: Any])?["content"] as? String) ?? "<no text>"
}
