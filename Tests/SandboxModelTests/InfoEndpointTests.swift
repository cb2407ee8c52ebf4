import Testing
@testable import SandboxModel

@Suite struct InfoEndpointTests {
    @Test func healthIsAnEmpty200() async throws {
        try await withModelServer { client in
            let reply = try await client.get("/health")
            #expect(reply.status == 200)
            #expect(reply.body.isEmpty)
        }
    }

    @Test func versionReportsTheImitatedRelease() async throws {
        try await withModelServer { client in
            let reply = try await client.get("/version")
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"].first == "application/json")
            #expect(reply.body == #"{"version":"0.32.0+maas.sandbox"}"#)
        }
    }

    @Test func modelsListsEveryServedName() async throws {
        try await withModelServer(.init(modelNames: ["first/model", "second"])) { client in
            let reply = try await client.get("/v1/models")
            #expect(reply.status == 200)
            #expect(reply.body.hasPrefix(#"{"object":"list","data":[{"id":"first/model","object":"model","created":"#))
            let cards = try #require(reply.json["data"] as? [[String: Any]])
            #expect(cards.map { $0["id"] as? String } == ["first/model", "second"])
            #expect(cards.allSatisfy { $0["max_model_len"] as? Int == 32768 && $0["owned_by"] as? String == "vllm" })
            let permission = try #require((cards[0]["permission"] as? [[String: Any]])?.first)
            #expect((permission["id"] as? String)?.hasPrefix("modelperm-") == true)
        }
    }

    @Test func defaultModelNameIsTinyLlama() async throws {
        try await withModelServer { client in
            let cards = try #require(try await client.get("/v1/models").json["data"] as? [[String: Any]])
            #expect(cards.map { $0["id"] as? String } == ["tinyllama/tinyllama-1.1b-chat-v1.0"])
        }
    }
}
