/// Bounds what one entry stores: a pasted file or a runaway answer must not fill the log alone.
public enum TextCap {
    /// The most bytes of UTF-8 one prompt, message or answer keeps.
    public static let textLimit = 1 << 20
    /// The most bytes an error line keeps.
    public static let errorLimit = 4096

    /// `text` when it fits in `limit` bytes; else its start, cut at a character, and a mark saying so.
    public static func cap(_ text: String, limit: Int = textLimit) -> String {
        let size = text.utf8.count
        guard size > limit else { return text }
        var kept = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text[index].utf8.count
            if kept + next > limit { break }
            kept += next
            end = text.index(after: index)
        }
        return String(text[..<end]) + "\n[… cut at \(limit) of \(size) bytes]"
    }
}

extension PromptLogEntry {
    /// The entry with every text within its bound.
    public var capped: PromptLogEntry {
        var entry = self
        entry.prompt = prompt.map { TextCap.cap($0) }
        entry.answer = TextCap.cap(answer)
        entry.messages = messages.map { Message(role: TextCap.cap($0.role, limit: 64), content: TextCap.cap($0.content)) }
        entry.error = error.map { TextCap.cap($0, limit: TextCap.errorLimit) }
        return entry
    }
}
