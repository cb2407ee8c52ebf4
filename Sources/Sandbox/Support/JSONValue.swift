import Foundation
import SandboxModel
import Untrusted

/// What the sandbox adds to the shared JSON tree: the readings of request parameters
/// (form bodies carry numbers as strings) and its request nesting limit.
extension JSONValue {
    /// Lenient number: form bodies carry numbers as strings.
    var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .string(let value): return Double(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// Parses a request body or a JSON parameter, refusing nesting deeper than
    /// `JSONNesting.maximumDepth` (the sandbox's request limit).
    static func parseRequest(_ data: Data) throws(ParseError) -> JSONValue {
        try parse(data, nestingLimit: JSONNesting.maximumDepth)
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// A number as an `Int` within `range`, clamped; `nil` for a non-number or NaN.
    func integer(clampedTo range: ClosedRange<Int>) -> Int? {
        if case .int(let value) = self { return min(max(value, range.lowerBound), range.upperBound) }
        guard let value = doubleValue, !value.isNaN else { return nil }
        if value <= Double(range.lowerBound) { return range.lowerBound }
        if value >= Double(range.upperBound) { return range.upperBound }
        return Int(value)
    }
}

extension Double {
    var integerText: String? { exactInteger.map { String($0) } }
}
