/// Rewrites a line for the history file with every secret value replaced by
/// `***`: the value after `--key`, `--token`, `--password` (and their `=` forms),
/// and the value of `profile set key|api-key|token|admin-token VALUE`.
public enum SecretRedactor {
    static let secretOptions: Set<String> = ["--key", "--token", "--password", "--api-key", "--admin-token"]
    static let secretFields: Set<String> = ["key", "api-key", "token", "admin-token"]
    static let mask = "***"

    public static func redact(_ line: String) -> String {
        guard case let .complete(commands)? = try? Tokenizer.tokenize(line) else {
            return redactUnparsed(line)
        }
        var changed = false
        let rendered = commands.map { command -> String in
            var words = command.words.map(render)
            let plain = command.words.map { word -> String? in
                if case let .literal(text)? = word.parts.first, word.parts.count == 1 { return text }
                return nil
            }
            var i = 0
            while i < words.count {
                if let word = plain[i] {
                    if secretOptions.contains(word), i + 1 < words.count {
                        words[i + 1] = mask
                        changed = true
                        i += 1
                    } else if let eq = word.firstIndex(of: "="), secretOptions.contains(String(word[..<eq])) {
                        words[i] = String(word[...eq]) + mask
                        changed = true
                    } else if word == "set", i >= 1, plain[i - 1] == "profile", i + 2 < words.count,
                              let field = plain[i + 1], secretFields.contains(field.lowercased()) {
                        words[i + 2] = mask
                        changed = true
                        i += 2
                    }
                }
                i += 1
            }
            return words.joined(separator: " ")
        }
        return changed ? rendered.joined(separator: "; ") : line
    }

    /// Shell-quotes a word so the redacted line still reads back the same.
    private static func render(_ word: Word) -> String {
        var text = ""
        for part in word.parts {
            switch part {
            case let .variable(name): text += "${\(name)}"
            case let .literal(literal): text += literal
            }
        }
        let safe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,+%{}$".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A line that does not tokenize (an open quote): drop everything after a secret option.
    private static func redactUnparsed(_ line: String) -> String {
        for option in secretOptions {
            if let range = line.range(of: option) { return String(line[..<range.upperBound]) + " " + mask }
        }
        if line.contains("profile") && line.contains("set") { return "profile set " + mask }
        return line
    }
}
