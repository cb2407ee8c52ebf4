#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any JSON value, as a tree: free-form bodies (policy configurations, OpenAPI
/// documents, proxy configs) read by the admin client and served by the sandbox.
///
/// Integers are kept as `Int`, so ids and counters above 2^53 survive a round trip
/// exactly; other numbers are `Double`. Numbers compare by value, so a YAML `180`
/// equals a JSON `180.0`. Decoding recurses once per level, so text from outside is
/// read with `parse`, which checks its nesting first.
public enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value):
            // A whole number is written as one (`5`, not `5.0`), as servers write it.
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

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        // Exact: 2^53 + 1 is not equal to the Double 2^53 it would round to.
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): Int(exactly: b) == a
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        // Equal numbers hash alike: a whole Double hashes as its Int.
        case .int(let value): hasher.combine(value)
        case .double(let value):
            if let integer = Int(exactly: value) { hasher.combine(integer) } else { hasher.combine(value) }
        case .string(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .object(let value): hasher.combine(value)
        }
    }

    /// The number as a `Double` (rounded above 2^53); nil for anything else.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Compact JSON with sorted keys: stable text for form bodies and messages.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    public var description: String { jsonText }

    public enum ParseError: Error, Sendable, Equatable {
        case nestedTooDeeply
        case invalid
    }

    /// Parses JSON from outside, refusing nesting deeper than `nestingLimit` before the
    /// (recursive) decoder sees it.
    public static func parse(_ bytes: some Collection<UInt8>, nestingLimit: Int = JSONNesting.limit)
        throws(ParseError) -> JSONValue
    {
        if JSONNesting.exceeds(nestingLimit, in: bytes) { throw .nestedTooDeeply }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else { throw .invalid }
        return value
    }

    /// The JSON in `text`; nil when it is not JSON or nests deeper than `JSONNesting.limit`.
    public static func parse(_ text: String) -> JSONValue? {
        try? parse(Array(text.utf8))
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension Double {
    /// The value as an integer when it is one that a Double holds exactly and JSON
    /// writers print without an exponent (below 10^15); conversion never traps.
    public var exactInteger: Int64? {
        guard abs(self) < 1e15 else { return nil }
        return Int64(exactly: self)
    }
}
