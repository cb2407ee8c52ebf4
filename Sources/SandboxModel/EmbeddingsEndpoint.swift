#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore

/// `POST /v1/embeddings`: a unit vector per input. Each token contributes a fixed
/// pseudo-random direction, so texts that share words get similar vectors.
extension ModelServer {
    static let embeddingSize = 128

    func embeddings(_ request: Request) async throws -> Response {
        let fields = try await readBody(request)
        let model = try resolveModel(fields)
        let inputs = try fields.prompts("input", tokenizer: tokenizer)
        let encoding = try fields.string("encoding_format") ?? "float"
        guard encoding == "float" || encoding == "base64" else {
            throw fields.mismatch(
                "encoding_format", .string(encoding), type: "literal_error", message: "Input should be 'float' or 'base64'")
        }
        let dimensions = try fields.int("dimensions") ?? Self.embeddingSize
        guard (1...Self.embeddingSize).contains(dimensions) else {
            throw APIError.badRequest(
                "dimensions must be between 1 and \(Self.embeddingSize), got \(dimensions).", param: "dimensions")
        }
        let promptTokens = inputs.map(\.tokens.count).reduce(0, +)
        if let tooLong = inputs.first(where: { $0.tokens.count > ModelServerConfiguration.maxModelLength }) {
            throw APIError.badRequest(
                "This model's maximum context length is \(ModelServerConfiguration.maxModelLength) tokens. "
                    + "However, your request has \(tooLong.tokens.count) input tokens. Please reduce the length of "
                    + "the input.")
        }
        let data: [JSON] = inputs.enumerated().map { index, input in
            let vector = Self.embedding(of: input.tokens, dimensions: dimensions)
            let embedding: JSON =
                encoding == "base64"
                ? .string(Self.base64(vector))
                : .array(vector.map { .double(Double($0)) })
            return .object([("index", .int(index)), ("object", .string("embedding")), ("embedding", embedding)])
        }
        return .json(
            .object([
                ("id", .string(Identifiers.make("embd-"))),
                ("object", .string("list")),
                ("created", .int(Identifiers.now())),
                ("model", .string(model)),
                ("data", .array(data)),
                ("usage", Usage(promptTokens: promptTokens, completionTokens: 0).json),
            ])
        )
    }

    static func embedding(of tokens: [Int], dimensions: Int) -> [Float] {
        var sum = [Double](repeating: 0, count: embeddingSize)
        for token in tokens {
            var random = SplitMix64(seed: UInt64(token) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
            for index in 0..<embeddingSize { sum[index] += random.unit() * 2 - 1 }
        }
        // Like matryoshka models, a shorter vector is a prefix, normalised again.
        let prefix = sum.prefix(dimensions)
        let norm = prefix.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return prefix.map { norm > 0 ? Float($0 / norm) : 0 }
    }

    /// vLLM's base64 format: the little-endian float32 bytes.
    static func base64(_ vector: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        }
        return Data(bytes).base64EncodedString()
    }
}
