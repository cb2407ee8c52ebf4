import NIOCore

/// The bytes of streamed chunks, prebuilt once per response: every token event is
/// the same head, the choice index, the escaped text and a fixed tail, so writing one
/// costs a few memcpys and no JSON encoding.
struct ChunkFormat: Sendable {
    enum Kind: Sendable { case completion, chat }

    let kind: Kind
    /// `data: {"id":…,"object":…,"created":…,"model":…`, without the closing brace.
    private let head: ByteBuffer

    init(kind: Kind, id: String, created: Int, model: String) {
        self.kind = kind
        var head = ByteBuffer()
        head.writeStaticString("data: {\"id\":")
        head.writeJSONString(id)
        head.writeStaticString(kind == .chat ? ",\"object\":\"chat.completion.chunk\"" : ",\"object\":\"text_completion\"")
        head.writeStaticString(",\"created\":")
        head.writeString(String(created))
        head.writeStaticString(",\"model\":")
        head.writeJSONString(model)
        self.head = head
    }

    /// The chat stream's first chunk for a choice: the role with empty content.
    func writeRole(index: Int, into buffer: inout ByteBuffer) {
        buffer.writeImmutableBuffer(head)
        buffer.writeStaticString(",\"choices\":[{\"index\":")
        buffer.writeString(String(index))
        buffer.writeStaticString(
            #","delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null,"prompt_text":null}\#n\#n"#
        )
    }

    /// A content chunk. The last one of a choice carries the finish reason, its
    /// stop reason and, when no usage chunk follows, the system fingerprint.
    func writeToken(index: Int, text: [UInt8], finish: FinishReason?, fingerprint: Bool, into buffer: inout ByteBuffer)
    {
        buffer.writeImmutableBuffer(head)
        buffer.writeStaticString(",\"choices\":[{\"index\":")
        buffer.writeString(String(index))
        buffer.writeStaticString(kind == .chat ? ",\"delta\":{\"content\":\"" : ",\"text\":\"")
        buffer.writeJSONEscaped(text)
        buffer.writeStaticString(kind == .chat ? "\"},\"logprobs\":null,\"finish_reason\":" : "\",\"logprobs\":null,\"finish_reason\":")
        if let finish {
            buffer.writeJSONString(finish.name)
            buffer.writeStaticString(",\"stop_reason\":")
            finish.stopReason.write(to: &buffer)
        } else {
            buffer.writeStaticString(kind == .chat ? "null" : "null,\"stop_reason\":null")
        }
        buffer.writeStaticString(kind == .chat ? ",\"token_ids\":null}]" : ",\"prompt_token_ids\":null,\"token_ids\":null}]")
        if fingerprint { writeFingerprint(into: &buffer) }
        buffer.writeStaticString("}\n\n")
    }

    /// The usage chunk sent when `stream_options.include_usage` is true.
    func writeUsage(_ usage: Usage, into buffer: inout ByteBuffer) {
        buffer.writeImmutableBuffer(head)
        buffer.writeStaticString(",\"choices\":[],\"usage\":")
        usage.streamJSON.write(to: &buffer)
        writeFingerprint(into: &buffer)
        buffer.writeStaticString("}\n\n")
    }

    private func writeFingerprint(into buffer: inout ByteBuffer) {
        buffer.writeStaticString(",\"system_fingerprint\":")
        buffer.writeJSONString(Identifiers.systemFingerprint)
    }
}

/// Token counts of a request.
struct Usage: Sendable {
    var promptTokens: Int
    var completionTokens: Int

    /// As in non-streamed responses: every field, null ones included.
    var json: JSON {
        .object([
            ("prompt_tokens", .int(promptTokens)),
            ("total_tokens", .int(promptTokens + completionTokens)),
            ("completion_tokens", .int(completionTokens)),
            ("prompt_tokens_details", .null),
            ("completion_tokens_details", .null),
        ])
    }

    /// As in the streamed usage chunk, serialised without null fields.
    var streamJSON: JSON {
        .object([
            ("prompt_tokens", .int(promptTokens)),
            ("total_tokens", .int(promptTokens + completionTokens)),
            ("completion_tokens", .int(completionTokens)),
        ])
    }
}
