import Untrusted

/// The one way handlers read an integer a client sent: always with the range the value
/// may take, so no client number reaches arithmetic unchecked. Out of range gives the
/// Rails `numericality` message of the bound it crossed, never a trap.
struct IntegerRule: Sendable {
    let range: ClosedRange<Int>
    let belowMessage: String
    let aboveMessage: String

    /// `greater_than_or_equal_to` / `less_than_or_equal_to` messages.
    static func between(_ range: ClosedRange<Int>) -> IntegerRule {
        IntegerRule(
            range: range,
            belowMessage: "must be greater than or equal to \(range.lowerBound)",
            aboveMessage: "must be less than or equal to \(range.upperBound)"
        )
    }

    /// A 4-byte integer column (porta's MySQL `int(11)`).
    static let column = between(Int(Int32.min)...Int(Int32.max))
    /// acts_as_list position of a mapping rule.
    static let position = column
    /// `validates :delta, numericality: { greater_than: 0 }` on a 4-byte column.
    static let delta = IntegerRule(
        range: 1...Int(Int32.max), belowMessage: "must be greater than 0",
        aboveMessage: "must be less than or equal to \(Int32.max)"
    )
    static let nonNegativeColumn = between(0...Int(Int32.max))
    static let pricingBound = between(1...Int(Int32.max))
    static let errorStatus = IntegerRule(
        range: 200...599, belowMessage: "must be between 200 and 599", aboveMessage: "must be between 200 and 599"
    )
    static let page = between(1...Int.max)
    static let perPage = between(1...500)
}

/// What a parameter holds when read as an integer.
enum IntegerReading: Equatable, Sendable {
    /// Absent, JSON null or blank.
    case absent
    case value(Int)
    case notANumber
    /// An array or object where a scalar belongs.
    case wrongShape
    case below
    case above

    /// Reads any parameter value against a range without trapping: integers written
    /// as text (`"42"`, `" -7 "`) or as JSON numbers (`42`, `4.2e1`); digits beyond
    /// `Int` are out of range on their sign's side.
    static func read(_ value: JSONValue?, in range: ClosedRange<Int>) -> IntegerReading {
        switch value {
        case .none, .null: return .absent
        case .bool: return .notANumber
        case .array, .object: return .wrongShape
        case .int(let integer):
            return check(integer, range)
        case .double(let number):
            guard !number.isNaN else { return .notANumber }
            guard number.isInfinite || number.rounded(.towardZero) == number else { return .notANumber }
            guard let integer = Int(exactly: number) else { return number < 0 ? .below : .above }
            return check(integer, range)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .absent }
            guard isIntegerLiteral(trimmed) else { return .notANumber }
            guard let integer = Int(trimmed) else { return trimmed.hasPrefix("-") ? .below : .above }
            return check(integer, range)
        }
    }

    private static func check(_ integer: Int, _ range: ClosedRange<Int>) -> IntegerReading {
        if integer < range.lowerBound { return .below }
        if integer > range.upperBound { return .above }
        return .value(integer)
    }

    /// Rails' `only_integer` form: `\A[+-]?\d+\z` over ASCII digits.
    static func isIntegerLiteral(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

extension Params {
    /// An integer within `rule`'s range; `nil` when absent or blank; otherwise a 422
    /// naming the field (`is not a number`, or the bound it crossed).
    func int(_ key: String, _ rule: IntegerRule) throws(AdminAPIFailure) -> Int? {
        switch IntegerReading.read(values[key], in: rule.range) {
        case .absent: return nil
        case .value(let value): return value
        case .notANumber: throw .invalid(key, "is not a number")
        case .wrongShape: throw .invalid(key, "is invalid")
        case .below: throw .invalid(key, rule.belowMessage)
        case .above: throw .invalid(key, rule.aboveMessage)
        }
    }
}

extension Dictionary where Key == String, Value == [String] {
    /// Runs a read; its field errors join these (so one 422 lists every bad field),
    /// any other error is thrown.
    mutating func collect<T>(_ read: () throws(AdminAPIFailure) -> T?) throws(AdminAPIFailure) -> T? {
        do throws(AdminAPIFailure) {
            return try read()
        } catch {
            guard case .invalid(let fieldErrors) = error else { throw error }
            merge(fieldErrors) { $0 + $1 }
            return nil
        }
    }
}

extension Int {
    /// Addition for counters built from stored values (usage deltas, limits): it stops
    /// at the largest or smallest `Int` instead of trapping.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
