/// Several answers laid out for reading together: in columns that share the terminal's
/// width, each under its title, or — when a column would be narrower than
/// `minimumColumn`, or there is no terminal to fit — one after another under headers.
/// Texts are sanitised before they are measured, so widths count what the terminal shows.
struct SideBySide: Sendable {
    struct Column: Sendable, Equatable {
        var title: String
        var text: String
    }

    static let minimumColumn = 24
    static let gutter = " │ "

    var columns: [Column]

    /// Columns on a terminal `width` wide; stacked when `width` is nil or too small.
    func render(width: Int?) -> StyledText {
        if let width, let lines = sideBySide(width: width) {
            return lines.reduce(StyledText("")) { $0 + $1 + "\n" }
        }
        return stacked()
    }

    /// Each text under a bold `── title` header.
    func stacked() -> StyledText {
        var text = StyledText("")
        for (index, column) in columns.enumerated() {
            if index > 0 { text += "\n" }
            text += StyledText("── " + Table.cell(column.title), style: .bold) + "\n"
            let body = Self.clean(column.text)
            text += StyledText(body.hasSuffix("\n") || body.isEmpty ? body : body + "\n")
        }
        return text
    }

    /// The width of each column when they all fit in `width`, else nil.
    static func columnWidth(count: Int, width: Int) -> Int? {
        guard count > 0 else { return nil }
        let available = width - gutter.count * (count - 1)
        let each = available / count
        return each >= minimumColumn ? each : nil
    }

    /// The lines of the columns side by side: titles, a rule, then the wrapped texts.
    func sideBySide(width: Int) -> [StyledText]? {
        guard let each = Self.columnWidth(count: columns.count, width: width) else { return nil }
        let titles = columns.map { Self.cut(Table.cell($0.title), to: each) }
        let bodies = columns.map { Self.wrap(Self.clean($0.text), width: each) }
        let height = bodies.map(\.count).max() ?? 0
        var lines = [Self.row(titles, width: each, style: .bold)]
        lines.append(StyledText(Array(repeating: String(repeating: "─", count: each), count: columns.count).joined(separator: "─┼─")))
        for index in 0..<height {
            lines.append(Self.row(bodies.map { index < $0.count ? $0[index] : "" }, width: each, style: nil))
        }
        return lines
    }

    static func row(_ cells: [String], width: Int, style: Output.Style?) -> StyledText {
        var line = StyledText("")
        for (index, cell) in cells.enumerated() {
            if index > 0 { line += StyledText(gutter) }
            let padded = index == cells.count - 1 ? cell : cell.padded(toColumns: width)
            line += StyledText(padded, style: style)
        }
        return line
    }

    /// Sanitised, tabs as spaces: what is measured is what is shown.
    static func clean(_ text: String) -> String {
        Output.sanitize(text).replacingOccurrences(of: "\t", with: "    ")
    }

    /// The text cut to `width` terminal columns, ending in `…` when it was longer.
    static func cut(_ text: String, to width: Int) -> String {
        text.terminalColumns <= width ? text : String(Substring(text).prefix(columns: max(0, width - 1))) + "…"
    }

    /// The text's lines wrapped at `width` terminal columns, at a space where there is one.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(paragraph)
            while rest.terminalColumns > width {
                var head = rest.prefix(columns: width)
                // A character wider than the whole column still takes a line of its own.
                if head.isEmpty { head = rest.prefix(1) }
                let breakAt = head.lastIndex(of: " ").map { rest.index(after: $0) } ?? head.endIndex
                lines.append(String(rest[..<breakAt]).trimmingTrailingSpaces)
                rest = rest[breakAt...]
            }
            lines.append(String(rest))
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
