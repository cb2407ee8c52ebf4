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

/// One `data:` payload of vLLM's stream, read leniently: completion chunks carry
/// `text`, chat chunks `delta.content`; `usage` may be absent, null or present on
/// any chunk; a top-level `error` (or `"object":"error"`) means the server failed
/// mid-stream. Unknown members are skipped.
struct StreamChunk {
    struct Choice {
        var index = 0
        var text: String?
        var finishReason: String?
    }

    var choices: [Choice] = []
    var usage: Usage?
    var isError = false

    init(parsing data: String) throws {
        var data = data
        self = try data.withUTF8 { utf8 in
            var chunk = StreamChunk()
            var scanner = JSONScanner(UnsafeRawBufferPointer(utf8))
            try scanner.object { scanner, key in
                if key.elementsEqual("choices".utf8) {
                    try scanner.array { scanner in chunk.choices.append(try Self.choice(&scanner)) }
                } else if key.elementsEqual("usage".utf8) {
                    chunk.usage = try Self.usage(&scanner)
                } else if key.elementsEqual("error".utf8) {
                    chunk.isError = true
                    try scanner.skipValue()
                } else if key.elementsEqual("object".utf8) {
                    if try scanner.string() == "error" { chunk.isError = true }
                } else {
                    try scanner.skipValue()
                }
            }
            try scanner.end()
            return chunk
        }
    }

    private init() {}

    private static func choice(_ scanner: inout JSONScanner) throws -> Choice {
        var choice = Choice()
        try scanner.object { scanner, key in
            if key.elementsEqual("index".utf8) {
                choice.index = try scanner.integer() ?? 0
            } else if key.elementsEqual("text".utf8) {
                choice.text = try scanner.string()
            } else if key.elementsEqual("delta".utf8) {
                try scanner.object { scanner, key in
                    if key.elementsEqual("content".utf8) {
                        choice.text = try scanner.string()
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else if key.elementsEqual("finish_reason".utf8) {
                choice.finishReason = try scanner.string()
            } else {
                try scanner.skipValue()
            }
        }
        return choice
    }

    /// `null` gives nil; an object gives its counts (missing ones as 0).
    private static func usage(_ scanner: inout JSONScanner) throws -> Usage? {
        var prompt: Int?
        var completion: Int?
        var total: Int?
        var present = false
        try scanner.object { scanner, key in
            present = true
            if key.elementsEqual("prompt_tokens".utf8) {
                prompt = try scanner.integer()
            } else if key.elementsEqual("completion_tokens".utf8) {
                completion = try scanner.integer()
            } else if key.elementsEqual("total_tokens".utf8) {
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
