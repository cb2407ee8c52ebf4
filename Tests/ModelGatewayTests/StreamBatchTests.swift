import Testing
@testable import ModelGateway

/// The fast path: network reads decoded into batches (text as bytes), then sanitised
/// from the bytes as the printer does.
@Suite struct StreamBatchTests {
    /// The batches of a stream cut into the given reads, with the error that ended it.
    static func batches(_ reads: [[UInt8]]) -> (batches: [StreamBatch], failure: GatewayError?) {
        var decoder = StreamEventDecoder(url: "stream")
        var batches: [StreamBatch] = []
        for read in reads {
            var batch = StreamBatch()
            read.withUnsafeBytes { decoder.feed($0, into: &batch) }
            batches.append(batch)
        }
        var last = StreamBatch()
        do {
            try decoder.finish(into: &last)
            batches.append(last)
            return (batches, nil)
        } catch {
            return (batches, error)
        }
    }

    static func events(_ reads: [[UInt8]]) -> [StreamEvent] {
        batches(reads).batches.flatMap(\.streamEvents)
    }

    /// What the printer writes for choice 0: each text range sanitised from the bytes.
    static func printed(_ batches: [StreamBatch]) -> String {
        var sanitizer = TextSanitizer()
        var output: [UInt8] = []
        for batch in batches {
            batch.text.withUnsafeBytes { text in
                for case let .text(range, 0) in batch.events {
                    sanitizer.feed(validUTF8: UnsafeRawBufferPointer(rebasing: text[range]), into: &output)
                }
            }
        }
        return String(decoding: output, as: UTF8.self) + sanitizer.finish()
    }

    static func chunk(_ text: String) -> String {
        #"data: {"object":"text_completion","choices":[{"index":0,"text":""# + text + #"","finish_reason":null}]}"# + "\n\n"
    }

    @Test(arguments: [RecordedStreams.completion, RecordedStreams.chatWithUsage])
    func everySplitIntoTwoReadsDecodesAsTheWhole(_ recorded: String) {
        let bytes = Array(recorded.utf8)
        let whole = Self.events([bytes])
        #expect(whole.contains { if case .text = $0 { true } else { false } })
        for cut in 0...bytes.count {
            let split = Self.events([Array(bytes[..<cut]), Array(bytes[cut...])])
            #expect(split == whole, "cut at \(cut)")
            if split != whole { return }
        }
        #expect(Self.events(bytes.map { [$0] }) == whole)
    }

    @Test func characterSplitAcrossReadsStaysWhole() {
        let bytes = Array((Self.chunk("é🚀\\u00e9") + "data: [DONE]\n\n").utf8)
        let start = bytes.firstIndex(of: 0xC3)!
        for cut in start...(start + 6) {
            let (batches, failure) = Self.batches([Array(bytes[..<cut]), Array(bytes[cut...])])
            #expect(failure == nil)
            #expect(batches.flatMap(\.streamEvents).first == .text("é🚀é", choice: 0), "cut at \(cut)")
            #expect(Self.printed(batches) == "é🚀é")
        }
    }

    @Test func controlCharactersAreSanitisedFromTheBytes() {
        // ESC [ 31 m split across two chunks, a title (OSC), BEL, U+0019, C1 U+0085, DEL, CR LF, lone CR.
        let texts = [#"a\u001b["#, #"31mred\u001b]0;title\u0007b\u0019c"#, "\u{85}d\u{7F}e\\r\\nf\\rg"]
        let bytes = Array((texts.map(Self.chunk).joined() + "data: [DONE]\n\n").utf8)
        let (batches, failure) = Self.batches([bytes])
        #expect(failure == nil)
        let printed = Self.printed(batches)
        #expect(printed == "aredb␙c\u{FFFD}d␡e\nf␍g")
        let raw = batches.flatMap(\.streamEvents).compactMap { if case let .text(text, 0) = $0 { text } else { nil } }.joined()
        #expect(printed == TextSanitizer.sanitize(raw))
        #expect(!printed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func anErrorMidStreamKeepsWhatCameBeforeIt() {
        let stream = Self.chunk("one") + #"data: {"choices":[{"index":0,"text":"lost"}],"error":{"message":"boom","type":"InternalServerError","code":500}}"#
            + "\n\n" + Self.chunk("after") + "data: [DONE]\n\n"
        let (batches, failure) = Self.batches([Array(stream.utf8)])
        #expect(batches.flatMap(\.streamEvents) == [.text("one", choice: 0)])
        #expect(batches.first?.text == Array("one".utf8), "the error chunk's text is rolled back")
        guard case .server(let status, let message, _, _) = failure else {
            Issue.record("expected a server error, got \(String(describing: failure))")
            return
        }
        #expect(status == 500)
        #expect(message.contains("boom"))
    }

    @Test func aMalformedChunkEndsTheStreamAfterTheEventsBeforeIt() {
        let stream = Self.chunk("one") + "data: {\"choices\":[{\"text\":\"x\"}\n\n" + Self.chunk("two")
        let (batches, failure) = Self.batches([Array(stream.utf8)])
        #expect(batches.flatMap(\.streamEvents) == [.text("one", choice: 0)])
        guard case .invalidResponse(_, let reason) = failure else {
            Issue.record("expected invalidResponse, got \(String(describing: failure))")
            return
        }
        #expect(reason.hasPrefix("a stream event is not a JSON chunk"))
    }

    @Test func anOversizedEventIsBoundedAndEndsTheStream() {
        var decoder = StreamEventDecoder(url: "stream")
        var batch = StreamBatch()
        Array(Self.chunk("before").utf8).withUnsafeBytes { decoder.feed($0, into: &batch) }
        #expect(batch.streamEvents == [.text("before", choice: 0)])
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 1024 * 1024)
        Array("data: ".utf8).withUnsafeBytes { decoder.feed($0, into: &batch) }
        for _ in 0...(SSEDecoder.maxEventSize / piece.count) {
            piece.withUnsafeBytes { decoder.feed($0, into: &batch) }
        }
        Array(("\n\n" + Self.chunk("after") + "data: [DONE]\n\n").utf8).withUnsafeBytes { decoder.feed($0, into: &batch) }
        #expect(batch.streamEvents == [.text("before", choice: 0)])
        #expect(decoder.failure == .invalidResponse(url: "stream", reason: "a stream event exceeds \(SSEDecoder.maxEventSize) bytes"))
        // One oversized line in a single read is refused as well.
        var single = StreamEventDecoder(url: "stream")
        let huge = Array("data: ".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: SSEDecoder.maxEventSize + 1) + Array("\n\n".utf8)
        var none = StreamBatch()
        huge.withUnsafeBytes { single.feed($0, into: &none) }
        #expect(none.isEmpty)
        #expect(single.failure != nil)
    }

    @Test func usageAndFinishComeThroughTheBatch() {
        let stream = #"data: {"choices":[{"index":0,"text":"a","finish_reason":"length"}]}"# + "\n\n"
            + #"data: {"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":1,"total_tokens":5}}"# + "\n\ndata: [DONE]\n\n"
        #expect(Self.events([Array(stream.utf8)]) == [
            .text("a", choice: 0), .finish(reason: "length", choice: 0),
            .usage(Usage(promptTokens: 4, completionTokens: 1, totalTokens: 5)),
        ])
    }

    /// Property: the validator agrees with the standard library's on every kind of byte mix.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var random = SeededGenerator(seed: 0xC0FFEE)
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int(random.next() % 12)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let actual = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
            #expect(actual == expected, "\(bytes)")
            if actual != expected { return }
        }
    }

    /// Property: sanitising the bytes piece by piece gives what sanitising the whole String gives.
    @Test func byteSanitiserMatchesTheWholeTextAtEverySplit() {
        let text = "x\u{1B}[1mé\u{19}🚀\u{1B}]0;t\u{7}y\r\nz\r\u{85}w\u{9B}2Jv\u{7F}"
        let whole = TextSanitizer.sanitize(text)
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count where String(validating: bytes[..<cut], as: UTF8.self) != nil {
            var sanitizer = TextSanitizer()
            var output: [UInt8] = []
            bytes.withUnsafeBytes { all in
                sanitizer.feed(validUTF8: UnsafeRawBufferPointer(rebasing: all[..<cut]), into: &output)
                sanitizer.feed(validUTF8: UnsafeRawBufferPointer(rebasing: all[cut...]), into: &output)
            }
            #expect(String(decoding: output, as: UTF8.self) + sanitizer.finish() == whole, "cut at \(cut)")
        }
    }
}
