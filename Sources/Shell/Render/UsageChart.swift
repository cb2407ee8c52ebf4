/// Usage as a chart for the terminal: one sparkline row per series (a metric or method
/// over the period) with its total and peak, or one bar per ranked item. Drawn with block
/// characters, or ASCII where those may not show (no UTF-8 locale, NO_COLOR, a dumb
/// terminal). Fits the terminal's width: more granules than columns are summed in groups.
struct UsageChart {
    enum Glyphs: Equatable {
        case blocks, ascii

        /// Levels from the smallest non-zero value to the peak; zero is a blank.
        var levels: [Character] {
            switch self {
            case .blocks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            case .ascii: ["_", ".", "-", "=", "#"]
            }
        }

        var bar: Character { self == .blocks ? "█" : "#" }

        /// Blocks only with colour allowed (the terminal is not dumb, NO_COLOR unset) and a
        /// UTF-8 locale: the first of LC_ALL, LC_CTYPE, LANG that is set decides, as in C.
        static func choose(color: Bool, environment: [String: String]) -> Glyphs {
            guard color else { return .ascii }
            for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
                guard let value = environment[name], !value.isEmpty else { continue }
                let normalised = value.lowercased().replacingOccurrences(of: "-", with: "")
                return normalised.contains("utf8") ? .blocks : .ascii
            }
            return .ascii
        }
    }

    struct Row: Equatable {
        var label: String
        var values: [Int]
    }

    var glyphs: Glyphs
    /// The terminal's columns.
    var width: Int

    static let minimumSpark = 8
    static let maximumLabel = 24

    /// One line per row: `label  sparkline  total N  peak M`, the sparklines aligned.
    func sparklines(_ rows: [Row]) -> [StyledText] {
        let labels = rows.map { label($0.label) }
        let labelWidth = labels.map(\.terminalColumns).max() ?? 0
        let stats = rows.map { "total \(Self.sum($0.values))  peak \($0.values.max() ?? 0)" }
        let statsWidth = stats.map(\.count).max() ?? 0
        let room = max(Self.minimumSpark, width - labelWidth - statsWidth - 4)
        return zip(rows, zip(labels, stats)).map { row, text in
            StyledText(text.0.padded(toColumns: labelWidth) + "  ")
                + StyledText(sparkline(Self.fit(row.values, into: room)), style: .cyan)
                + "  " + StyledText(text.1, style: .dim)
        }
    }

    /// One line per row: `label  bar  value`, bars proportional to the largest value.
    func bars(_ rows: [(label: String, value: Int)]) -> [StyledText] {
        let labels = rows.map { label($0.label) }
        let labelWidth = labels.map(\.terminalColumns).max() ?? 0
        let valueWidth = rows.map { String($0.value).count }.max() ?? 0
        let room = max(Self.minimumSpark, width - labelWidth - valueWidth - 4)
        let peak = rows.map(\.value).max() ?? 0
        return zip(rows, labels).map { row, label in
            let length = peak > 0 && row.value > 0 ? max(1, Int((Double(row.value) / Double(peak) * Double(room)).rounded())) : 0
            return StyledText(label.padded(toColumns: labelWidth) + "  ")
                + StyledText(String(repeating: glyphs.bar, count: length), style: .cyan)
                + String(repeating: " ", count: room - length) + "  " + StyledText(String(row.value), style: .dim)
        }
    }

    /// Each value as a level of the row's own peak; any non-zero value shows.
    func sparkline(_ values: [Int]) -> String {
        let levels = glyphs.levels
        let peak = values.max() ?? 0
        guard peak > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard value > 0 else { return " " }
            let level = Int((Double(value) / Double(peak) * Double(levels.count)).rounded(.up)) - 1
            return levels[min(max(level, 0), levels.count - 1)]
        })
    }

    /// At most `columns` values: consecutive granules summed in equal groups (the last may be shorter).
    static func fit(_ values: [Int], into columns: Int) -> [Int] {
        guard columns > 0, values.count > columns else { return values }
        let group = (values.count + columns - 1) / columns
        return stride(from: 0, to: values.count, by: group).map { start in
            sum(values[start..<min(start + group, values.count)])
        }
    }

    /// A sum that stops at `Int.max` instead of overflowing.
    static func sum<Values: Sequence<Int>>(_ values: Values) -> Int {
        values.reduce(0) { sum, value in
            let (total, overflow) = sum.addingReportingOverflow(value)
            return overflow ? Int.max : total
        }
    }

    /// A label on one line as the terminal shows it, cut to `maximumLabel` characters.
    func label(_ text: String) -> String {
        let clean = Table.cell(text)
        guard clean.terminalColumns > Self.maximumLabel else { return clean }
        return String(Substring(clean).prefix(columns: Self.maximumLabel - 1)) + (glyphs == .blocks ? "…" : "~")
    }
}
