import ModelGateway
import Testing

@Suite struct TextSanitizerTests {
    @Test func plainTextTabsAndNewlinesPass() {
        #expect(TextSanitizer.sanitize("Hello,\tworld!\nÜnïcødé 🚀") == "Hello,\tworld!\nÜnïcødé 🚀")
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(TextSanitizer.sanitize("a\u{19}b\u{0}c\u{7}d\u{7F}e\rf") == "a␙b␀c␇d␡e␍f")
    }

    @Test func crlfIsANewlineButALoneCRIsShown() {
        #expect(TextSanitizer.sanitize("a\r\nb\r") == "a\nb␍")
        var sanitizer = TextSanitizer()
        #expect(sanitizer.feed("a\r") + sanitizer.feed("\nb") + sanitizer.finish() == "a\nb")
    }

    @Test func c1ControlsBecomeReplacementCharacters() {
        #expect(TextSanitizer.sanitize("a\u{85}b") == "a\u{FFFD}b")
    }

    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[2J\u{1B}[H", ""),
        ("\u{1B}]0;pwned title\u{7}after", "after"),
        ("\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{9B}1;2Hx", "x"),
        ("\u{9D}0;title\u{9C}y", "y"),
        ("\u{1B}Pq#0;2;0;0;0\u{1B}\\z", "z"),
        ("\u{1B}cReset", "Reset"),
        ("\u{1B}(Bascii", "ascii"),
    ])
    func escapeSequencesAreRemoved(_ input: String, _ expected: String) {
        #expect(TextSanitizer.sanitize(input) == expected)
    }

    @Test func escapeSequenceSplitAcrossDeltasIsRemoved() {
        var sanitizer = TextSanitizer()
        let pieces = ["Hello \u{1B}", "[3", "1m", "red", "\u{1B}]0;ti", "tle\u{7} done"]
        #expect(pieces.map { sanitizer.feed($0) }.joined() + sanitizer.finish() == "Hello red done")
    }

    @Test func unterminatedStringSequenceEndsAtNewline() {
        #expect(TextSanitizer.sanitize("a\u{1B}]0;never ends\nb") == "a\nb")
    }

    @Test func overlongStringSequenceIsAbandoned() {
        let long = String(repeating: "x", count: 600)
        let output = TextSanitizer.sanitize("\u{1B}]0;" + long + "tail")
        #expect(output.hasSuffix("tail"))
        #expect(output.count < 600)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect(TextSanitizer.sanitize(bytes: [0x61, 0xFF, 0x62, 0xC3]) == "a\u{FFFD}b\u{FFFD}")
    }

    @Test func characterSplitAcrossChunksStaysWhole() {
        let bytes = Array("é🚀ok".utf8)
        for cut in 1..<bytes.count {
            var sanitizer = TextSanitizer()
            let output = sanitizer.feed(bytes: bytes[..<cut]) + sanitizer.feed(bytes: bytes[cut...]) + sanitizer.finish()
            #expect(output == "é🚀ok", "cut at \(cut)")
        }
    }

    @Test func everyByteSplitOfMixedInputMatchesTheWhole() {
        let bytes = Array("x\u{1B}[1mé\u{19}🚀\u{1B}]0;t\u{7}y".utf8) + [0xFF] + Array("z".utf8)
        let whole = TextSanitizer.sanitize(bytes: bytes)
        var sanitizer = TextSanitizer()
        let pieces = bytes.map { sanitizer.feed(bytes: [$0]) }.joined() + sanitizer.finish()
        #expect(pieces == whole)
        #expect(whole == "xé␙🚀y\u{FFFD}z")
    }

    @Test func recordedModelOutputIsNeutralised() {
        // From the vLLM capture: U+FFFD and U+0019 inside generated text.
        #expect(TextSanitizer.sanitize("Ap\u{FFFD}Ap\u{19}\u{FFFD} st") == "Ap\u{FFFD}Ap␙\u{FFFD} st")
    }
}
