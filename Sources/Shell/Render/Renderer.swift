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
            let table = table()
            output.out.write(table.render(header: { output.style($0, .bold) }))
        case .json:
            output.print(try Self.json(value))
        case .yaml:
            output.out.write(try Self.yaml(value))
        }
    }

    /// Prints a key/value record: aligned `key: value` lines for tables.
    func emitRecord<Value: Encodable>(_ value: Value, fields: [(String, String)]) throws {
        switch format {
        case .table:
            let width = fields.map(\.0.count).max() ?? 0
            for (key, text) in fields {
                output.print(output.style((key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0), .bold) + " " + text)
            }
        case .json, .yaml:
            try emit(value, table: Table(columns: [], rows: []))
        }
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func yaml<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        encoder.options.allowUnicode = true
        return try encoder.encode(value)
    }
}
