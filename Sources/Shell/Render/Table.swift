/// A plain-text table: a header row and left-aligned columns sized to their widest cell.
public struct Table: Sendable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The header in bold, then one line a row. Cells are sanitised first, so that
    /// widths count what the terminal shows, and a line break or tab in a cell shows
    /// as ⏎ or ⇥ instead of breaking the table.
    public func render() -> StyledText {
        let header = columns.map(Self.cell)
        let body = rows.map { $0.map(Self.cell) }
        var widths = header.map(\.terminalColumns)
        for row in body {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.terminalColumns)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 || i >= widths.count ? cell : cell.padded(toColumns: widths[i])
            }.joined(separator: "  ")
        }
        var text = StyledText(line(header), style: .bold) + "\n"
        for row in body { text += line(row) + "\n" }
        return text
    }

    /// One cell's text as the terminal shows it, on one line.
    public static func cell(_ text: String) -> String {
        var clean = Output.sanitize(text)
        if clean.contains(where: { $0 == "\n" || $0 == "\t" }) {
            clean = clean.replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
        }
        return clean
    }
}
