import Foundation
import Testing
@testable import SandboxModel
import Untrusted

@Suite struct ErrorTests {
    @Test func unknownModelIs404NotFoundError() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/completions", #"{"model":"nope","prompt":"x"}"#)
            #expect(reply.status == 404)
            #expect(
                reply.body
                    == #"{"error":{"message":"The model `nope` does not exist. Valid aliases: tinyllama/tinyllama-1.1b-chat-v1.0.","type":"NotFoundError","param":"model","code":404}}"#
            )
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/completions", "{bad")
            #expect(reply.status == 400)
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect((error["message"] as? String)?.hasPrefix("1 validation error:\n  {'type': 'json_invalid'") == true)
            #expect(error["type"] as? String == "Bad Request")
            #expect(error["code"] as? Int == 400)
        }
    }

    /// Refused before the recursive decoder runs, on every JSON endpoint.
    @Test(arguments: ["/v1/completions", "/v1/chat/completions", "/v1/embeddings", "/tokenize", "/detokenize"])
    func deeplyNestedBodiesAre400(_ path: String) async throws {
        try await withModelServer { client in
            let deep = #"{"prompt":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
            let reply = try await client.post(path, deep)
            #expect(reply.status == 400)
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect(error["message"] as? String == JSONNesting.message())
            let fits = #"{"prompt":"# + String(repeating: "[", count: 63) + "1" + String(repeating: "]", count: 63) + "}"
            #expect(try await client.post(path, fits).body.contains("nested too deeply") == false)
        }
    }

    @Test func promptListsTimesNAreBounded() async throws {
        try await withModelServer { client in
            let prompts = "[" + Array(repeating: #""a""#, count: 65).joined(separator: ",") + "]"
            let reply = try await client.post("/v1/completions", #"{"prompt":"# + prompts + #","n":4,"max_tokens":1}"#)
            #expect(reply.status == 400)
            #expect(reply.body.contains("at most 256 choices (prompts × n), got 260"))
            let fits = try await client.post("/v1/completions", #"{"prompt":"# + prompts + #","n":3,"max_tokens":1}"#)
            #expect(fits.status == 200)
        }
    }

    @Test(arguments: [
        (#"{"prompt":"x","max_tokens":"abc"}"#, "body.max_tokens"),
        (#"{"prompt":"x","temperature":"hot"}"#, "body.temperature"),
        (#"{"prompt":"x","stream":"yes"}"#, "body.stream"),
        (#"{"prompt":{"a":1}}"#, "body.prompt"),
        (#"{"max_tokens":3}"#, "body.prompt"),
        (#"[1,2]"#, "body"),
    ])
    func wrongTypesAre400WithTheField(_ body: String, _ param: String) async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/completions", body)
            #expect(reply.status == 400)
            let error = try #require(reply.json["error"] as? [String: Any])
            #expect(error["param"] as? String == param)
        }
    }

    @Test func missingMessagesIs400() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/chat/completions", #"{"model":"tinyllama/tinyllama-1.1b-chat-v1.0"}"#)
            #expect(reply.status == 400)
            #expect(reply.body.contains(#"{'type': 'missing', 'loc': 'body.messages', 'msg': 'Field required', 'input': '<dict of 1 items>'}"#))
        }
    }

    @Test func maxTokensOverTheContextIs400EvenWhenStreamed() async throws {
        try await withModelServer { client in
            let reply = try await client.post(
                "/v1/chat/completions", #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":100000,"stream":true}"#)
            #expect(reply.status == 400)
            #expect(
                reply.body
                    == #"{"error":{"message":"max_tokens=100000 cannot be greater than max_model_len=32768. Please request fewer output tokens. (parameter=max_tokens, value=100000)","type":"BadRequestError","param":"max_tokens","code":400}}"#
            )
        }
    }

    @Test func promptPlusMaxTokensOverTheContextIs400() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/completions", #"{"prompt":"the city","max_tokens":32767}"#)
            #expect(reply.status == 400)
            #expect((reply.json["error"] as? [String: Any])?["message"] as? String
                == "'max_tokens' or 'max_completion_tokens' is too large: 32767. This model's maximum context length is 32768 tokens and your request has 2 input tokens (32767 > 32768 - 2).")
        }
    }

    @Test func streamOptionsWithoutStreamIs400() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/completions", #"{"prompt":"x","stream_options":{"include_usage":true}}"#)
            #expect(reply.status == 400)
            #expect(reply.body.contains("Stream options can only be defined when `stream=True`."))
        }
    }

    @Test func nonJSONMediaTypeIs400() async throws {
        try await withModelServer { client in
            let reply = try await client.request(.POST, "/v1/completions", body: #"{"prompt":"x"}"#, contentType: "text/plain")
            #expect(reply.status == 400)
            #expect(reply.body.contains("Unsupported Media Type: Only 'application/json' is allowed"))
        }
    }

    @Test func unknownPathIsFastAPINotFound() async throws {
        try await withModelServer { client in
            for path in ["/v1/nothing", "/docs", "/"] {
                let reply = try await client.get(path)
                #expect(reply.status == 404)
                #expect(reply.body == #"{"detail":"Not Found"}"#)
                #expect(reply.headers["content-type"].first == "application/json")
            }
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await withModelServer { client in
            let reply = try await client.get("/v1/completions")
            #expect(reply.status == 405)
            #expect(reply.body == #"{"detail":"Method Not Allowed"}"#)
            #expect(reply.headers["allow"].first == "POST")
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        try await withModelServer { client in
            let big = String(repeating: "a ", count: 3 * 1024 * 1024)
            let reply = try await client.post("/v1/completions", #"{"prompt":"\#(big)"}"#)
            #expect(reply.status == 413)
        }
    }
}
