import Foundation
import ModelGateway
import PropertyBased
import Testing
import ThreeScaleAdmin
import Yams
@testable import Shell

/// Strings as a hostile server sends them: escape sequences whole and in pieces, C0, DEL,
/// C1, CR, bidi controls, mixed with ordinary and any Unicode text.
enum Hostile {
    static let fragments = [
        "\u{1B}", "\u{1B}[", "\u{1B}]", "\u{1B}[2J", "\u{1B}[31m", "\u{1B}]52;c;cm0gLXJmIH4K\u{07}", "\u{1B}]0;title\u{1B}\\",
        "\u{1B}P", "\u{1B}\\", "\u{1B}(0", "\u{1B}c", "\u{9B}", "\u{9B}2J", "\u{9D}", "\u{9C}", "\u{90}", "\u{85}", "\u{7F}",
        "\u{0}", "\u{7}", "\u{8}", "\r", "\r\n", "\n", "\t", "\u{202E}", ";", "[", "]", "0", "m", "a", "é", "🚀",
    ]

    /// Each piece: a fragment above, a scalar up to U+009F (C0, ASCII, DEL, C1), or any scalar.
    static let text = zip(Gen.int(in: 0...3), Gen.int(in: 0...(fragments.count - 1)), Gen.int(in: 0...0x10FFFF))
        .array(of: 0...40)
        .map { pieces in
            pieces.map { kind, fragment, value -> String in
                switch kind {
                case 0, 1: return fragments[fragment]
                case 2: return String(Unicode.Scalar(UInt32(value % 0xA0))!)
                default: return Unicode.Scalar(UInt32(value)).map { String($0) } ?? "\u{FFFD}"
                }
            }.joined()
        }

    /// The C0 controls but newline and tab, DEL and the C1 controls in `text`.
    static func controls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || (0x7F...0x9F).contains($0) }
    }

    /// `text` without the colour codes maas itself writes.
    static func withoutOurStyles(_ text: String) -> String {
        // By scalars: a combining mark after the final `m` would hide it from a search by characters.
        let ours = ["0", "1", "2", "31", "32", "33", "36"].map { Array("\u{1B}[\($0)m".unicodeScalars) }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let code = ours.first(where: { scalars[index...].starts(with: $0) }) {
                index += code.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}

@Suite struct OutputSanitizingTests {
    static let hostileNames = [
        "Evil\u{1B}]52;c;cm0gLXJmIH4K\u{07}Corp\u{1B}[2J",
        "nul\u{0}bel\u{7}esc\u{1B}",
        "two\nlines\tand a tab",
        "c1\u{9B}31mred\u{9D}0;t\u{9C}",
        "cr\roverwrite",
    ]

    func capture(color: Bool, format: OutputFormat = .table) -> (Renderer, CapturingSink, CapturingSink) {
        let out = CapturingSink(), err = CapturingSink()
        return (Renderer(output: Output(out: out, err: err, isTerminal: true, color: color), format: format), out, err)
    }

    @Test func accountAndBackendListsWithHostileNamesShowNoControls() throws {
        let accounts = Self.hostileNames.enumerated().map { Account(id: $0, orgName: $1, state: "approved\u{1B}[8m") }
        let backends = Self.hostileNames.enumerated().map { BackendAPI(id: $0, name: $1, systemName: "b\($0)\u{1B}[1A", privateEndpoint: "http://x/\u{7}") }
        for color in [false, true] {
            let (renderer, out, _) = capture(color: color)
            try AccountCommand.List.emit(accounts, renderer: renderer)
            try BackendCommand.List.emit(backends, renderer: renderer)
            let text = Hostile.withoutOurStyles(out.text)
            #expect(Hostile.controls(in: text) == [], "\(text.debugDescription)")
            // One line a row plus the headers: a newline in a name does not break the table.
            #expect(text.split(separator: "\n").count == 2 * (Self.hostileNames.count + 1))
            #expect(text.contains("two⏎lines⇥and a tab"))
            #expect(text.contains("EvilCorp"))
        }
    }

    @Test func colourCodesAreOursAroundSanitisedText() {
        let out = CapturingSink(), err = CapturingSink()
        let output = Output(out: out, err: err, isTerminal: true, color: true)
        output.print(output.style("bold\u{1B}[5m", .bold) + " plain\u{1B}]0;x\u{7}")
        output.error("failed: \u{1B}[2Jbody")
        #expect(out.text == "\u{1B}[1mbold\u{1B}[0m plain\n")
        #expect(err.text == "\u{1B}[31mfailed: body\u{1B}[0m\n")
    }

    @Test func ourControlCodesPassOnlyAsTerminalControls() {
        let out = CapturingSink(), err = CapturingSink()
        let output = Output(out: out, err: err, isTerminal: true, color: false)
        output.writeError(StyledText(.carriageReturn) + "bench: 3/10\r\u{1B}[K" + StyledText(.eraseToEndOfLine))
        #expect(err.text == "\rbench: 3/10␍\u{1B}[K")
    }

    @Test func recordValuesStayOnOneLine() throws {
        let (renderer, out, _) = capture(color: false)
        struct View: Encodable { var state: String }
        try renderer.emitRecord(View(state: "x"), fields: [("state", "ok\nforged: yes\u{1B}[2J")])
        #expect(out.text == "state: ok⏎forged: yes\n")
    }

    @Test func jsonAndYAMLKeepHostileTextExactAndEscaped() throws {
        let accounts = Self.hostileNames.enumerated().map { AccountCommand.Row(id: $0, org_name: $1 + "\u{7F}\u{85}\u{9F}", state: nil) }
        struct Row: Decodable, Equatable { var id: Int; var org_name: String? }
        let expected = accounts.map { Row(id: $0.id, org_name: $0.org_name) }

        let (json, jsonOut, _) = capture(color: true, format: .json)
        try json.emit(accounts, table: Table(columns: [], rows: []))
        #expect(Hostile.controls(in: jsonOut.text) == [], "\(jsonOut.text.debugDescription)")
        #expect(try JSONDecoder().decode([Row].self, from: Data(jsonOut.text.utf8)) == expected)

        let (yaml, yamlOut, _) = capture(color: true, format: .yaml)
        try yaml.emit(accounts, table: Table(columns: [], rows: []))
        #expect(Hostile.controls(in: yamlOut.text) == [], "\(yamlOut.text.debugDescription)")
        #expect(try YAMLDecoder().decode([Row].self, from: yamlOut.text) == expected)
    }

    @Test func sanitisedTextHasNoControlButNewlineAndTab() async {
        await propertyCheck(count: 500, input: Hostile.text) { text in
            #expect(Hostile.controls(in: Output.sanitize(text)) == [])
            #expect(Hostile.controls(in: TextSanitizer.sanitize(text)) == [])
        }
    }

    @Test func streamedPiecesAreSanitisedToo() async {
        await propertyCheck(count: 300, input: Hostile.text.array(of: 1...6)) { pieces in
            var sanitizer = TextSanitizer()
            let text = pieces.map { sanitizer.feed($0) }.joined() + sanitizer.finish()
            #expect(Hostile.controls(in: text) == [])
        }
    }

    @Test func renderedStyledTextHasOnlyOurEscapes() async {
        let styles: [Output.Style?] = [nil, .bold, .dim, .red, .green, .yellow, .cyan]
        let segments = zip(Hostile.text, Gen.int(in: 0...(styles.count - 1))).array(of: 0...5)
        await propertyCheck(count: 300, input: segments) { segments in
            let coloured = Output(out: CapturingSink(), err: CapturingSink(), isTerminal: true, color: true)
            let plain = Output(out: CapturingSink(), err: CapturingSink(), isTerminal: true, color: false)
            let text = segments.reduce(StyledText("")) { $0 + StyledText($1.0, style: styles[$1.1]) }
            #expect(Hostile.controls(in: plain.render(text)) == [])
            #expect(Hostile.withoutOurStyles(coloured.render(text)) == plain.render(text))
        }
    }
}
