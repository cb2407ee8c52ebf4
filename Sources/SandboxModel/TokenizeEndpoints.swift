import Hummingbird
import NIOCore

/// `POST /tokenize` and `POST /detokenize`.
extension ModelServer {
    /// Tokenizes `prompt`, or `messages` rendered through the chat template.
    func tokenize(_ request: Request) async throws -> Response {
        let fields = try await readBody(request)
        _ = try resolveModel(fields)
        let tokens: [Int]
        if fields.has("messages") {
            let messages = try fields.chatMessages("messages")
            let addGenerationPrompt = try fields.bool("add_generation_prompt") ?? true
            tokens = tokenizer.tokenize(ChatTemplate.render(messages, addGenerationPrompt: addGenerationPrompt))
        } else {
            tokens = tokenizer.tokenize(try fields.requiredString("prompt"))
        }
        let tokenStrings: JSON =
            try fields.bool("return_token_strs") == true
            ? .array(tokens.map { .string(tokenizer.vocabulary.displayString($0)) })
            : .null
        return .json(
            .object([
                ("count", .int(tokens.count)),
                ("max_model_len", .int(ModelServerConfiguration.maxModelLength)),
                ("tokens", .array(tokens.map(JSON.int))),
                ("token_strs", tokenStrings),
            ])
        )
    }

    func detokenize(_ request: Request) async throws -> Response {
        let fields = try await readBody(request)
        _ = try resolveModel(fields)
        guard let elements = try fields.array("tokens") else { throw fields.missing("tokens") }
        let tokens = try fields.tokenIDs(elements, key: "tokens", vocabularySize: tokenizer.vocabulary.count)
        return .json(.object([("prompt", .string(tokenizer.detokenize(tokens)))]))
    }
}
