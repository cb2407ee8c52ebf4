/// How many terminal columns text takes, as terminals draw it (the rules of `wcwidth`):
/// East Asian wide and fullwidth characters and emoji take two, combining marks and
/// zero-width characters none, everything else one. Tables and side-by-side answers
/// pad and cut by this, so a column of Chinese or emoji stays aligned.
enum TerminalColumns {
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// A grapheme cluster takes the width of its first visible scalar; an emoji
    /// variation selector (U+FE0F) makes it two.
    static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F, width == 1 { return 2 }
            guard width == 0 else { continue }
            width = of(scalar)
        }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if value >= 0x1160 && value <= 0x11FF { return 0 }
        if scalar.properties.isEmojiPresentation || wide.contains(where: { $0.contains(value) }) { return 2 }
        return 1
    }

    /// Unicode's East Asian Wide (W) and Fullwidth (F) blocks.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// The columns this text takes on a terminal.
    var terminalColumns: Int { TerminalColumns.of(self) }
}

extension String {
    /// This text padded with spaces to `columns` terminal columns (unchanged when wider).
    func padded(toColumns columns: Int) -> String {
        let width = terminalColumns
        return width >= columns ? self : self + String(repeating: " ", count: columns - width)
    }
}

extension Substring {
    /// The longest start of this text that fits in `columns` terminal columns.
    func prefix(columns: Int) -> Substring {
        var used = 0
        var end = startIndex
        while end < endIndex {
            let width = TerminalColumns.of(self[end])
            if used + width > columns { break }
            used += width
            end = index(after: end)
        }
        return self[startIndex..<end]
    }
}
