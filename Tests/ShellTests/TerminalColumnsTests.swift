import Testing
@testable import Shell

/// Widths count terminal columns, so tables and side-by-side answers stay aligned
/// whatever script or emoji the text holds.
@Suite struct TerminalColumnsTests {
    @Test(arguments: [
        ("llama", 5), ("旧金山", 6), ("ｆｕｌｌ", 8), ("e\u{301}", 1), ("👍", 2), ("❤\u{FE0F}", 2),
        ("a\u{200B}b", 2), ("한국어", 6), ("", 0),
    ])
    func countsWhatTheTerminalDraws(text: String, columns: Int) {
        #expect(text.terminalColumns == columns)
    }

    @Test func aTableAlignsWideCells() {
        let lines = String(Table(columns: ["NAME", "OWNER"], rows: [["旧金山", "x"], ["llama", "y"]]).render().description)
            .split(separator: "\n")
        let ownerColumns = lines.map { line in line.prefix(while: { $0 != "x" && $0 != "y" && $0 != "O" }).terminalColumns }
        #expect(Set(ownerColumns).count == 1, "\(lines)")
    }

    @Test func sideBySideWrapsAndCutsByColumns() {
        let text = String(repeating: "旧金山是一座城市", count: 6)
        let lines = SideBySide.wrap(text, width: 25)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.terminalColumns <= 25 }, "\(lines)")
        #expect(lines.joined() == text)
        #expect(SideBySide.cut("旧金山是一座城市", to: 7) == "旧金山…")
        #expect(SideBySide.wrap("👍", width: 1) == ["👍"])
        let row = SideBySide.row(["旧金", "x"], width: 6, style: nil).description
        #expect(row == "旧金  " + SideBySide.gutter + "x")
    }
}
