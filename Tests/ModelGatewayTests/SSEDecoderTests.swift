import ModelGateway
import NIOCore
import Testing

@Suite struct SSEDecoderTests {
    func decode(_ chunks: [String]) -> [SSEEvent] {
        var decoder = SSEDecoder()
        return chunks.flatMap { decoder.feed(ByteBuffer(string: $0)) }
    }

    @Test func oneEventPerBlankLine() {
        #expect(decode(["data: a\n\ndata: b\n\n"]) == [SSEEvent(data: "a"), SSEEvent(data: "b")])
    }

    @Test func eventSplitAcrossChunks() {
        #expect(decode(["da", "ta: hel", "lo\n", "\n"]) == [SSEEvent(data: "hello")])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingWorks(_ end: String) {
        let stream = "data: one\(end)data: two\(end)\(end): comment\(end)data: three\(end)\(end)"
        #expect(decode([stream]) == [SSEEvent(data: "one\ntwo"), SSEEvent(data: "three")])
    }

    @Test func carriageReturnAndLineFeedInDifferentChunks() {
        #expect(decode(["data: a\r", "\ndata: b\r", "\n\r", "\n"]) == [SSEEvent(data: "a\nb")])
    }

    @Test func commentsAndUnknownFieldsAreIgnored() {
        #expect(decode([": keep-alive\n\nretry: 10\nfoo: bar\ndata: x\n\n"]) == [SSEEvent(data: "x")])
    }

    @Test func eventTypeAndIDAreKept() {
        let events = decode(["event: update\nid: 7\ndata: x\n\ndata: y\n\n"])
        #expect(events == [SSEEvent(event: "update", data: "x", id: "7"), SSEEvent(data: "y", id: "7")])
    }

    @Test func fieldValueSpacing() {
        #expect(decode(["data:no space\n\ndata:  two spaces\n\ndata\n\n"]) == [
            SSEEvent(data: "no space"), SSEEvent(data: " two spaces"), SSEEvent(data: ""),
        ])
    }

    @Test func blankLinesWithoutDataDispatchNothing() {
        #expect(decode(["\n\n\nevent: x\n\n"]).isEmpty)
    }

    @Test func leadingByteOrderMarkIsSkipped() {
        var decoder = SSEDecoder()
        var events = decoder.feed(ByteBuffer(bytes: [0xEF, 0xBB]))
        events += decoder.feed(ByteBuffer(bytes: [0xBF] + Array("data: x\n\n".utf8)))
        #expect(events == [SSEEvent(data: "x")])
    }

    @Test func oversizedEventIsDropped() {
        var decoder = SSEDecoder()
        let piece = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1024 * 1024)
        var events = decoder.feed(ByteBuffer(string: "data: "))
        for _ in 0...(SSEDecoder.maxEventSize / piece.readableBytes) { events += decoder.feed(piece) }
        events += decoder.feed(ByteBuffer(string: "\n\ndata: next\n\n"))
        #expect(decoder.oversizedEventDropped)
        #expect(events == [SSEEvent(data: "next")])
    }

    @Test func unfinishedEventIsPending() {
        var decoder = SSEDecoder()
        #expect(decoder.feed(ByteBuffer(string: "data: a\n\ndata: b")).count == 1)
        #expect(decoder.hasPendingEvent)
        #expect(decoder.feed(ByteBuffer(string: "\n\n")) == [SSEEvent(data: "b")])
        #expect(!decoder.hasPendingEvent)
    }

    @Test func multiByteCharactersSplitAcrossChunks() {
        let bytes = Array("data: 🚀é\n\n".utf8)
        var decoder = SSEDecoder()
        var events: [SSEEvent] = []
        for byte in bytes { events += decoder.feed(ByteBuffer(bytes: [byte])) }
        #expect(events == [SSEEvent(data: "🚀é")])
    }

    /// Property: however a recorded stream is cut into chunks, and whichever line
    /// ending it uses, it decodes to the same events.
    @Test(arguments: [RecordedStreams.completion, RecordedStreams.chatWithUsage])
    func anySplitOfARecordedStreamDecodesTheSame(_ recorded: String) {
        let expected = decode([recorded])
        #expect(expected.count == recorded.components(separatedBy: "\n\n").count - 1)
        #expect(expected.last == SSEEvent(data: "[DONE]"))
        var random = SeededGenerator(seed: 0x5EED)
        for ending in ["\n", "\r\n", "\r"] {
            let bytes = Array(recorded.replacingOccurrences(of: "\n", with: ending).utf8)
            for _ in 0..<300 {
                var decoder = SSEDecoder()
                var events: [SSEEvent] = []
                var start = 0
                while start < bytes.count {
                    // Mostly small pieces, sometimes large ones, sometimes single bytes.
                    let length = random.next() % 4 == 0 ? 1 : 1 + Int(random.next() % 300)
                    let end = min(bytes.count, start + length)
                    events += decoder.feed(ByteBuffer(bytes: bytes[start..<end]))
                    start = end
                }
                #expect(events == expected)
                if events != expected { return }
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
