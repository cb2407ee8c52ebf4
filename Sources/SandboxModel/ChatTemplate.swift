/// TinyLlama's (Zephyr-style) chat template, which turns messages into the prompt
/// text the model continues:
/// `<|user|>\nHello</s>\n<|assistant|>\n`.
enum ChatTemplate {
    struct Message: Sendable {
        var role: String
        var content: String
    }

    static func render(_ messages: [Message], addGenerationPrompt: Bool) -> String {
        var text = ""
        for message in messages {
            text += "<|\(message.role)|>\n\(message.content)</s>\n"
        }
        if addGenerationPrompt { text += "<|assistant|>\n" }
        return text
    }
}

extension RequestFields {
    /// Reads `messages`: each needs a string `role`; `content` is a string, a list of
    /// `{"type":"text","text":…}` parts (joined), or null.
    func chatMessages(_ key: String) throws(APIError) -> [ChatTemplate.Message] {
        guard let elements = try array(key) else { throw missing(key) }
        var messages: [ChatTemplate.Message] = []
        for (index, element) in elements.enumerated() {
            let location = "\(key).\(index)"
            guard case .object = element else {
                throw APIError.validation(
                    type: "dict_type", location: "body.\(location)",
                    message: "Input should be a valid dictionary", input: element.validationInput)
            }
            let message = try RequestFields(element)
            guard case .string(let role)? = element["role"] else {
                throw APIError.validation(
                    type: "missing", location: "body.\(location).role", message: "Field required",
                    input: element.validationInput)
            }
            messages.append(ChatTemplate.Message(role: role, content: try message.contentText(location: location)))
        }
        return messages
    }

    private func contentText(location: String) throws(APIError) -> String {
        switch members["content"] {
        case nil, .null?:
            return ""
        case .string(let text)?:
            return text
        case .array(let parts)?:
            var text = ""
            for part in parts {
                guard case .string(let partText)? = part["text"] else {
                    throw APIError.validation(
                        type: "missing", location: "body.\(location).content.text", message: "Field required",
                        input: part.validationInput)
                }
                text += partText
            }
            return text
        case let other?:
            throw APIError.validation(
                type: "string_type", location: "body.\(location).content", message: "Input should be a valid string",
                input: other.validationInput)
        }
    }
}
