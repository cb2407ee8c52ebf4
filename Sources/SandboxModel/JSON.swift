#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import Untrusted

/// A JSON value. Objects keep their member order so responses come out in vLLM's
/// field order; request objects are looked up by key.
enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    enum ParseError: Error, Equatable {
        case nestedTooDeeply
        case invalid
    }

    /// Parses a request body, refusing nesting deeper than `JSONNesting.maximumDepth`
    /// before the (recursive) decoder sees it.
    static func parse(_ buffer: ByteBuffer) throws(ParseError) -> JSON {
        let bytes = buffer.readableBytesView
        if JSONNesting.exceeds(JSONNesting.maximumDepth, in: bytes) { throw .nestedTooDeeply }
        guard let json = try? JSONDecoder().decode(JSON.self, from: Data(bytes)) else { throw .invalid }
        return json
    }
}

extension JSON: Decodable {
    init(from decoder: any Decoder) throws {
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
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            let members = try container.decode([String: JSON].self)
            self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }
}

extension JSON {
    /// Compact serialisation, like Python's `json.dumps(separators=(",", ":"))`.
    func write(to buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("null")
        case .bool(let value): buffer.writeStaticString(value ? "true" : "false")
        case .int(let value): buffer.writeString(String(value))
        case .double(let value): buffer.writeJSONNumber(value)
        case .string(let value): buffer.writeJSONString(value)
        case .array(let elements):
            buffer.writeInteger(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                element.write(to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "]"))
        case .object(let members):
            buffer.writeInteger(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                buffer.writeJSONString(member.0)
                buffer.writeInteger(UInt8(ascii: ":"))
                member.1.write(to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "}"))
        }
    }

    var byteBuffer: ByteBuffer {
        var buffer = ByteBuffer()
        write(to: &buffer)
        return buffer
    }

    /// How pydantic shows an offending input inside its validation messages.
    var validationInput: String {
        switch self {
        case .null: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .array(let elements): return "<list of \(elements.count) items>"
        case .object(let members): return "<dict of \(members.count) items>"
        }
    }
}
