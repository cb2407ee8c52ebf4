import Foundation
import Yams

/// How a command's result is printed: `-o table|json|yaml`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, yaml
}

/// Prints a value as a table, JSON or YAML, per the effective output format.
struct Renderer {
    var output: Output
    var format: OutputFormat

    func emit<Value: Encodable>(_ value: Value, table: @autoclosure () -> Table) throws {
        switch format {
        case .table:
            output.write(table().render())
        case .json:
            output.print(try Self.json(value))
        case .yaml:
            output.write(try Self.yaml(value))
        }
    }

    /// Prints a key/value record: aligned `key: value` lines for tables; a value is one
    /// line, like a table cell.
    func emitRecord<Value: Encodable>(_ value: Value, fields: [(String, String)]) throws {
        switch format {
        case .table:
            let width = fields.map(\.0.count).max() ?? 0
            for (key, text) in fields {
                output.print(output.style((key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0), .bold) + " " + Table.cell(text))
            }
        case .json, .yaml:
            try emit(value, table: Table(columns: [], rows: []))
        }
    }

    /// JSON with every control character escaped: JSONEncoder escapes U+0000…U+001F but
    /// writes DEL and the C1 controls (U+0080…U+009F) raw, which a terminal may obey.
    /// They can only occur inside strings, where `\u00XX` means the same.
    /// `compact`: on one line (JSON lines).
    static func json<Value: Encodable>(_ value: Value, compact: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard text.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                escaped.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    static func yaml<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        encoder.options.allowUnicode = true
        return try encoder.encode(value)
    }
}
