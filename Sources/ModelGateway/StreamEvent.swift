/// What a streamed completion or chat answer delivers, in order.
public enum StreamEvent: Sendable, Equatable {
    /// New text of a choice (untrusted: sanitise before printing).
    case text(String, choice: Int)
    /// A chunk of a choice that carries no text: real vLLM sends one when a token ends inside
    /// a UTF-8 character, and chat's first (role-only) and last chunks may be empty. Printers
    /// skip it; `bench` counts it as vLLM's `bench serve` counts every chunk with choices,
    /// for time to first token and inter-token latency.
    case emptyChunk(choice: Int)
    /// A choice is complete: `stop`, `length`, `abort`, `tool_calls`….
    case finish(reason: String, choice: Int)
    /// Token counts, once, after the last choice finished.
    case usage(Usage)
}

/// One `data:` payload of vLLM's stream, read leniently straight into a batch:
/// completion chunks carry `text`, chat chunks `delta.content`; `usage` may be absent,
/// null or present on any chunk; a top-level `error` (or `"object":"error"`) means the
/// server failed mid-stream. Unknown members are skipped.
enum StreamChunk {
    struct Summary {
        /// Text events appended.
        var texts = 0
        var usage: Usage?
        var isError = false
    }

    /// Appends the payload's events to `batch`. When it throws, or the payload is an
    /// error, what it appended is left for the caller to roll back.
    static func read(_ payload: UnsafeRawBufferPointer, into batch: inout StreamBatch) throws -> Summary {
        var summary = Summary()
        var scanner = JSONScanner(payload)
        try scanner.object { scanner, key in
            if key.matches("choices") {
                try scanner.array { scanner in
                    if try choice(&scanner, into: &batch) { summary.texts += 1 }
                }
            } else if key.matches("usage") {
                summary.usage = try usage(&scanner)
            } else if key.matches("error") {
                summary.isError = true
                try scanner.skipValue()
            } else if key.matches("object") {
                if try scanner.string(equals: "error") { summary.isError = true }
            } else {
                try scanner.skipValue()
            }
        }
        try scanner.end()
        return summary
    }

    /// Reads one choice and appends its events; true when one of them is text.
    private static func choice(_ scanner: inout JSONScanner, into batch: inout StreamBatch) throws -> Bool {
        var index = 0
        let textStart = batch.text.count
        var finishReason: String?
        try scanner.object { scanner, key in
            if key.matches("index") {
                index = try scanner.integer() ?? 0
            } else if key.matches("text") {
                try readText(&scanner, from: textStart, into: &batch)
            } else if key.matches("delta") {
                try scanner.object { scanner, key in
                    if key.matches("content") {
                        try readText(&scanner, from: textStart, into: &batch)
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else if key.matches("finish_reason") {
                finishReason = try scanner.string()
            } else {
                try scanner.skipValue()
            }
        }
        let hasText = batch.text.count > textStart
        batch.events.append(hasText ? .text(textStart..<batch.text.count, choice: index) : .emptyChunk(choice: index))
        if let finishReason { batch.events.append(.finish(reason: finishReason, choice: index)) }
        return hasText
    }

    /// The choice's text, replacing one read before (the last member wins); `null`
    /// or another kind of value leaves none.
    private static func readText(_ scanner: inout JSONScanner, from start: Int, into batch: inout StreamBatch) throws {
        batch.text.removeSubrange(start...)
        if try scanner.appendString(to: &batch.text) { batch.repairText(from: start) }
    }

    /// `null` gives nil; an object gives its counts (missing ones as 0).
    private static func usage(_ scanner: inout JSONScanner) throws -> Usage? {
        var prompt: Int?
        var completion: Int?
        var total: Int?
        var present = false
        try scanner.object { scanner, key in
            present = true
            if key.matches("prompt_tokens") {
                prompt = try scanner.integer()
            } else if key.matches("completion_tokens") {
                completion = try scanner.integer()
            } else if key.matches("total_tokens") {
                total = try scanner.integer()
            } else {
                try scanner.skipValue()
            }
        }
        guard present else { return nil }
        return Usage(
            promptTokens: prompt ?? 0, completionTokens: completion ?? 0,
            totalTokens: total ?? (prompt ?? 0) + (completion ?? 0))
    }
}
