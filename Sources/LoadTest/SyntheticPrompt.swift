/// Prompts of a chosen length for `--prompt-tokens`, made of common short English
/// words: each is one token for word-level tokenizers and almost always one for
/// BPE tokenizers, so N words come close to N prompt tokens. The report shows the
/// count the server returned in `usage`, which is the one to trust.
public enum SyntheticPrompt {
    static let words = [
        "the", "cat", "sat", "on", "a", "mat", "and", "the", "dog", "ran", "to", "the", "park", "in", "the", "sun",
    ]

    public static func text(tokens: Int) -> String {
        guard tokens > 0 else { return "" }
        var text = ""
        text.reserveCapacity(tokens * 4)
        for index in 0..<tokens {
            if index > 0 { text += " " }
            text += words[index % words.count]
        }
        return text
    }
}
