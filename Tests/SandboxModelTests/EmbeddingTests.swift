import Foundation
import Testing
@testable import SandboxModel

@Suite struct EmbeddingTests {
    @Test func embeddingsAreUnitVectorsPerInput() async throws {
        try await withModelServer { client in
            let reply = try await client.post("/v1/embeddings", #"{"input":["hello world","the river"]}"#)
            #expect(reply.status == 200)
            #expect(reply.body.hasPrefix(#"{"id":"embd-"#))
            #expect(reply.json["object"] as? String == "list")
            let data = try #require(reply.json["data"] as? [[String: Any]])
            #expect(data.map { $0["index"] as? Int } == [0, 1])
            for item in data {
                let vector = try #require(item["embedding"] as? [Double])
                #expect(vector.count == 128)
                #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
            }
            let usage = try #require(reply.json["usage"] as? [String: Any])
            #expect(usage["completion_tokens"] as? Int == 0)
            #expect(usage["prompt_tokens"] as? Int == usage["total_tokens"] as? Int)
        }
    }

    @Test func embeddingsAreDeterministicAndSimilarForSharedWords() async throws {
        try await withModelServer { client in
            func vector(_ text: String) async throws -> [Double] {
                let reply = try await client.post("/v1/embeddings", #"{"input":"\#(text)"}"#)
                return try #require((reply.json["data"] as? [[String: Any]])?.first?["embedding"] as? [Double])
            }
            let a = try await vector("the old bridge over the river")
            #expect(try await vector("the old bridge over the river") == a)
            let near = try await vector("the old bridge near the river")
            let far = try await vector("Zebras play jazz")
            let dot = { (x: [Double], y: [Double]) in zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
            #expect(dot(a, near) > dot(a, far))
        }
    }

    @Test func dimensionsAndBase64() async throws {
        try await withModelServer { client in
            let short = try await client.post("/v1/embeddings", #"{"input":"hi","dimensions":8}"#)
            #expect(((short.json["data"] as? [[String: Any]])?.first?["embedding"] as? [Double])?.count == 8)
            let encoded = try await client.post("/v1/embeddings", #"{"input":"hi","encoding_format":"base64"}"#)
            let string = try #require((encoded.json["data"] as? [[String: Any]])?.first?["embedding"] as? String)
            #expect(Data(base64Encoded: string)?.count == 128 * 4)
            let tooMany = try await client.post("/v1/embeddings", #"{"input":"hi","dimensions":4096}"#)
            #expect(tooMany.status == 400)
        }
    }
}
