/// An `application/x-www-form-urlencoded` body, the format 3scale's admin API reads.
/// Fields keep their order (repeated keys such as `a[]` are legal). Internal: callers
/// pass the typed writes (`NewBackend`, `ProxyChanges`, …), which know porta's names.
struct FormBody: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    var fields: [(name: String, value: String)]

    init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { (name: $0.0, value: $0.1) }
    }

    mutating func append(_ name: String, _ value: String?) {
        if let value { fields.append((name: name, value: value)) }
    }

    mutating func append(_ name: String, _ value: Bool?) {
        if let value { fields.append((name: name, value: value ? "true" : "false")) }
    }

    mutating func append(_ name: String, _ value: Int?) {
        if let value { fields.append((name: name, value: String(value))) }
    }

    var isEmpty: Bool { fields.isEmpty }

    /// The first value of a field.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    var encoded: String {
        fields.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    static func == (lhs: FormBody, rhs: FormBody) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    /// RFC 3986 unreserved characters stay; everything else is percent-encoded
    /// (so `+`, `&`, `=` and `/` in values such as URLs and JSON survive).
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
