/// The names an import gives what it makes: deterministic, so that importing the same
/// document again finds the same objects, and always valid for 3scale
/// (`\A\w[\w\-/_]+\z`, at most 255 characters).
public enum ImportNaming {
    static let maxLength = 255

    /// `Llama 3 70b ` → `llama_3_70b`: lower case, each run of other characters one `_`.
    public static func systemName(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && !result.hasSuffix("_") {
                result.append("_")
            }
        }
        while result.hasSuffix("_") { result.removeLast() }
        if result.count < 2 { result = result.isEmpty ? "api" : result + "_api" }
        return String(result.prefix(maxLength))
    }

    /// A method's system name: the operationId (`createChatCompletion` →
    /// `create_chat_completion`), else the method and path (`post_v1_chat_completions`).
    static func methodSystemName(_ operation: OpenAPIOperation) -> String {
        guard let id = operation.operationID else { return systemName(operation.httpMethod + " " + operation.path) }
        var spaced = ""
        var previous: Character?
        for character in id {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { spaced.append("_") }
            spaced.append(character)
            previous = character
        }
        return systemName(spaced)
    }

    /// A method's friendly name: its summary, else its operationId, else `POST /v1/completions`.
    static func friendlyName(_ operation: OpenAPIOperation) -> String {
        String((operation.summary ?? operation.operationID ?? "\(operation.httpMethod) \(operation.path)").prefix(maxLength))
    }

    /// `name`, or `name` with the first free suffix (`_2`, `_3`…) when `taken` holds it;
    /// the result is added to `taken`. Room is kept for the suffix within the length limit.
    static func unique(_ name: String, taken: inout Set<String>, separator: String = "_") -> String {
        var candidate = name
        var number = 1
        while taken.contains(candidate) {
            number += 1
            let suffix = "\(separator)\(number)"
            candidate = String(name.prefix(maxLength - suffix.count)) + suffix
        }
        taken.insert(candidate)
        return candidate
    }
}
