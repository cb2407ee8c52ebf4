import Foundation
import Testing
@testable import ModelGateway

/// vLLM's `bench serve` counts every streamed chunk that has choices for time to first token
/// and inter-token latency, empty text included; the decoder hands `bench` one event per such
/// chunk so that it can count the same, on streams recorded from a real vLLM.
@Suite struct EmptyChunkTests {
    /// What `vllm bench serve` counts: data payloads whose `choices` is a non-empty array.
    static func chunksWithChoices(_ recorded: String) throws -> Int {
        let payloads = recorded.components(separatedBy: "\n\n").map { $0.dropFirst(6) }.filter { !$0.isEmpty && $0 != "[DONE]" }
        return try payloads.filter { payload in
            let object = try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any]
            return !((object?["choices"] as? [Any]) ?? []).isEmpty
        }.count
    }

    @Test(arguments: [RecordedStreams.completion, RecordedStreams.chatWithUsage])
    func oneEventForEveryChunkWithChoicesEmptyOnesIncluded(_ recorded: String) throws {
        let (events, failure) = StreamEventDecoder.decode([Array(recorded.utf8)])
        #expect(failure == nil)
        let counted = events.filter { event in
            switch event {
            case .text(_, 0), .emptyChunk(0): true
            default: false
            }
        }
        let empty = events.filter { $0 == .emptyChunk(choice: 0) }
        #expect(counted.count == (try Self.chunksWithChoices(recorded)))
        #expect(!empty.isEmpty, "the recording has empty chunks, which vLLM counts")
        // The text is the same with or without them.
        let text = events.compactMap { if case let .text(delta, 0) = $0 { delta } else { nil } }.joined()
        #expect(!text.isEmpty)
    }
}
