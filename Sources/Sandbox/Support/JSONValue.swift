import Foundation
import SandboxModel
import Untrusted

/// A JSON document as a value: used for response bodies, request parameters,
/// policy configurations and proxy-config content.
enum JSONValue: Sendable, Equatable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if let integer = value.exactInteger {
                try container.encode(integer)
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Lenient number: form bodies carry numbers as strings.
    var doubleValue: Double? {
        switch self {
        case .number(let value): return value
        case .string(let value): return Double(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    enum ParseError: Error, Equatable {
        case nestedTooDeeply
        case invalid
    }

    /// Parses a body or a JSON parameter, refusing nesting deeper than
    /// `JSONNesting.maximumDepth` before the (recursive) decoder sees it.
    static func parse(_ data: Data) throws(ParseError) -> JSONValue {
        if JSONNesting.exceeds(JSONNesting.maximumDepth, in: data) { throw .nestedTooDeeply }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { throw .invalid }
        return value
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }

    static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// A number as an `Int` within `range`, clamped; `nil` for a non-number or NaN.
    func integer(clampedTo range: ClosedRange<Int>) -> Int? {
        guard let value = doubleValue, !value.isNaN else { return nil }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        return Int(value)
    }
}

extension Double {
    /// The value as an integer when it is one that a Double holds exactly (below 10^15,
    /// as JSON writers print it without an exponent); conversion never traps.
    var exactInteger: Int64? {
        guard abs(self) < 1e15 else { return nil }
        return Int64(exactly: self)
    }

    var integerText: String? { exactInteger.map { String($0) } }
}
