import Benchmark
import ModelGateway

/// A recorded-shape vLLM completion stream of 2,000 chunks (one token each, with the
/// usage chunk and `[DONE]`), cut into 16 KiB reads as a socket delivers it.
enum RecordedStream {
    static let chunks = 2_000
    static let readSize = 16 * 1024

    static func reads() -> [[UInt8]] {
        var text = ""
        let words = [" steady", " place", " describes", " the", " city", " of", " hills", ",", " fog", " and", " é", " 🚀"]
        for index in 0..<chunks {
            let word = words[index % words.count]
            let finish = index == chunks - 1 ? #""length""# : "null"
            text += #"data: {"id":"cmpl-e3d027bcbd699212","object":"text_completion","created":1796507606,"#
                + #""model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"text":"\#(word)","logprobs":null,"#
                + #""finish_reason":\#(finish),"stop_reason":null,"prompt_token_ids":null,"token_ids":null}]}"# + "\n\n"
        }
        text += #"data: {"id":"cmpl-e3d027bcbd699212","object":"text_completion","created":1796507606,"#
            + #""model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[],"usage":{"prompt_tokens":4,"#
            + #""total_tokens":\#(chunks + 4),"completion_tokens":\#(chunks)}}"# + "\n\ndata: [DONE]\n\n"
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: readSize).map { Array(bytes[$0..<min($0 + readSize, bytes.count)]) }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .throughput, .wallClock],
        maxDuration: .seconds(2))

    let reads = RecordedStream.reads()

    // What `maas complete --stream` does with each read: decode it into a batch, then
    // sanitise the text of choice 0 from the bytes into the output buffer.
    Benchmark("decode and sanitise a 2,000-chunk stream") { benchmark in
        for _ in benchmark.scaledIterations {
            var decoder = StreamEventDecoder(url: "benchmark")
            var batch = StreamBatch()
            var sanitizer = TextSanitizer()
            var output: [UInt8] = []
            var tokens = 0
            for read in reads {
                batch.removeAll()
                read.withUnsafeBytes { decoder.feed($0, into: &batch) }
                batch.text.withUnsafeBytes { text in
                    for case let .text(range, 0) in batch.events {
                        tokens += 1
                        sanitizer.feed(validUTF8: UnsafeRawBufferPointer(rebasing: text[range]), into: &output)
                    }
                }
                output.removeAll(keepingCapacity: true)
            }
            do {
                try decoder.finish(into: &batch)
            } catch {
                benchmark.error("the recorded stream did not decode: \(error)")
            }
            if tokens != RecordedStream.chunks { benchmark.error("decoded \(tokens) tokens of \(RecordedStream.chunks)") }
            blackHole(tokens)
        }
    }
}
