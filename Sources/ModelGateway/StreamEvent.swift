/// What a streamed completion or chat answer delivers, in order.
public enum StreamEvent: Sendable, Equatable {
    /// New text of a choice (untrusted: sanitise before printing).
    case text(String, choice: Int)
    /// A choice is complete: `stop`, `length`, `abort`, `tool_calls`….
    case finish(reason: String, choice: Int)
    /// Token counts, once, after the last choice finished.
    case usage(Usage)
}

/// One `data:` payload of vLLM's stream, decoded leniently: completion chunks carry
/// `text`, chat chunks `delta.content`; `usage` may be absent, null or present on
/// any chunk; an `error` object means the server failed mid-stream.
struct StreamChunk: Decodable {
    struct Choice: Decodable {
        struct Delta: Decodable {
            var content: String?
        }

        var index: Int?
        var text: String?
        var delta: Delta?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, text, delta
            case finishReason = "finish_reason"
        }
    }

    var choices: [Choice]?
    var usage: Usage?
}
