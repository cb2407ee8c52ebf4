/// A prompt as the model sees it: its tokens and its text (for `echo`).
struct Prompt: Sendable {
    var tokens: [Int]
    var text: String
}

extension RequestFields {
    /// Reads OpenAI's `str | list[str] | list[int] | list[list[int]]` input: one or
    /// several prompts, each given as text or as token ids.
    func prompts(_ key: String, tokenizer: Tokenizer) throws(APIError) -> [Prompt] {
        guard let value = members[key], !isNull(value) else { throw missing(key) }
        switch value {
        case .string(let text):
            return [Prompt(tokens: tokenizer.tokenize(text), text: text)]
        case .array(let elements) where elements.isEmpty:
            throw APIError.badRequest("\(key) must not be empty.", param: key)
        case .array(let elements):
            if case .int = elements[0] {
                return [try tokenPrompt(elements, key: key, tokenizer: tokenizer)]
            }
            var prompts: [Prompt] = []
            for element in elements {
                switch element {
                case .string(let text): prompts.append(Prompt(tokens: tokenizer.tokenize(text), text: text))
                case .array(let ids): prompts.append(try tokenPrompt(ids, key: key, tokenizer: tokenizer))
                default: throw mismatch(key, element, type: "string_type", message: "Input should be a valid string")
                }
            }
            return prompts
        default:
            throw mismatch(key, value, type: "string_type", message: "Input should be a valid string")
        }
    }

    private func tokenPrompt(_ elements: [JSON], key: String, tokenizer: Tokenizer) throws(APIError) -> Prompt {
        let tokens = try tokenIDs(elements, key: key, vocabularySize: tokenizer.vocabulary.count)
        return Prompt(tokens: tokens, text: tokenizer.detokenize(tokens))
    }

    /// Token ids, each checked against the vocabulary.
    func tokenIDs(_ elements: [JSON], key: String, vocabularySize: Int) throws(APIError) -> [Int] {
        var tokens: [Int] = []
        tokens.reserveCapacity(elements.count)
        for element in elements {
            guard case .int(let id) = element else {
                throw mismatch(key, element, type: "int_type", message: "Input should be a valid integer")
            }
            guard id >= 0 && id < vocabularySize else {
                throw APIError.badRequest("Token id \(id) is out of vocabulary (size \(vocabularySize)).", param: key)
            }
            tokens.append(id)
        }
        return tokens
    }

    private func isNull(_ value: JSON) -> Bool {
        if case .null = value { return true }
        return false
    }
}
