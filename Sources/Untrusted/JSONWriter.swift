/// Compact JSON written straight into bytes, for the fixed shapes maas sends and stores
/// (request bodies, the prompt log's messages and parameters). Foundation's JSONEncoder
/// costs a one-shot command more than the writing itself: its first use in a process
/// instantiates its generic machinery and looks up the conformances of every type it meets.
///
/// Keys and values are written in the order the calls come; commas are placed here.
/// Strings are escaped as RFC 8259 requires (quote, backslash, control characters) and
/// kept as UTF-8 otherwise.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key is the first of its container (no comma before it).
    private var atStart = true

    public init() {
        bytes.reserveCapacity(256)
    }

    /// An object whose members `body` writes with the `field` methods.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes with the value methods.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    public mutating func string(_ value: String) {
        separate()
        quoted(value)
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A finite number; NaN and the infinities, which JSON cannot hold, are written as null.
    public mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else { return bytes.append(contentsOf: "null".utf8) }
        // Whole values as integers (1 rather than 1.0), as JSONEncoder writes them.
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A member's key; the value method called next writes its value.
    public mutating func key(_ name: String) {
        separate()
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    public mutating func field(_ name: String, _ value: String?) { member(name, value) { $0.string($1) } }

    public mutating func field(_ name: String, _ value: Int?) { member(name, value) { $0.int($1) } }

    public mutating func field(_ name: String, _ value: Double?) { member(name, value) { $0.double($1) } }

    public mutating func field(_ name: String, _ value: Bool?) { member(name, value) { $0.bool($1) } }

    public mutating func field(_ name: String, _ values: [String]?) {
        member(name, values) { json, values in json.array { for value in values { $0.string(value) } } }
    }

    /// A member whose value `write` writes, or nothing when the value is nil.
    private mutating func member<Value>(_ name: String, _ value: Value?, _ write: (inout JSONWriter, Value) -> Void) {
        guard let value else { return }
        key(name)
        write(&self, value)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(open)
        atStart = true
        body(&self)
        bytes.append(close)
        atStart = false
    }

    private mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
        atStart = false
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func quoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plainFrom = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: utf8[plainFrom..<index])
                plainFrom = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                default:
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: utf8[plainFrom...])
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
