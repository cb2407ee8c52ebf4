#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// 3scale wraps each object in its type name (`{"backend_api": {…}}`) and each list in
/// the plural holding wrapped items (`{"backend_apis": [{"backend_api": {…}}]}`);
/// backend usages come as a bare array of wrapped items. These decoders unwrap both.
enum Envelope {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let singularKey = CodingUserInfoKey(rawValue: "envelope.singular")!
    static let pluralKey = CodingUserInfoKey(rawValue: "envelope.plural")!

    struct One<T: Decodable>: Decodable {
        let value: T
        init(from decoder: any Decoder) throws {
            guard let key = decoder.userInfo[Envelope.singularKey] as? String else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no envelope key"))
            }
            let container = try decoder.container(keyedBy: Key.self)
            // A product's metric list holds methods too, which some servers wrap as
            // `{"method": …}`: an item with one other wrapper key is taken as it is.
            if !container.contains(Key(key)), container.allKeys.count == 1, let only = container.allKeys.first {
                value = try container.decode(T.self, forKey: only)
            } else {
                value = try container.decode(T.self, forKey: Key(key))
            }
        }
    }

    struct Many<T: Decodable>: Decodable {
        let values: [T]
        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var values: [T] = []
                while !array.isAtEnd { values.append(try array.decode(One<T>.self).value) }
                self.values = values
                return
            }
            guard let key = decoder.userInfo[Envelope.pluralKey] as? String else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no envelope key"))
            }
            let container = try decoder.container(keyedBy: Key.self)
            values = try container.decode([One<T>].self, forKey: Key(key)).map(\.value)
        }
    }

    static func decoder(singular: String, plural: String? = nil) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[singularKey] = singular
        if let plural { decoder.userInfo[pluralKey] = plural }
        return decoder
    }

    static func one<T: Decodable>(_ type: T.Type, key: String, from body: [UInt8]) throws -> T {
        try decode(One<T>.self, from: body, with: decoder(singular: key)).value
    }

    static func many<T: Decodable>(_ type: T.Type, key: String, plural: String, from body: [UInt8]) throws -> [T] {
        try decode(Many<T>.self, from: body, with: decoder(singular: key, plural: plural)).values
    }

    /// The one way the client decodes a server's JSON with `JSONDecoder`: after the
    /// nesting check, so that no answer can nest deep enough to exhaust the stack.
    /// Throws `JSONNesting.TooDeep` before decoding, or what the decoder throws.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], with decoder: JSONDecoder = JSONDecoder()) throws
        -> T
    {
        try JSONNesting.check(body)
        return try decoder.decode(type, from: Data(body))
    }

    /// The error for a 2xx body that could not be decoded.
    static func failure(_ error: any Error, operation: String, body: [UInt8]) -> AdminError {
        if let error = error as? JSONNesting.TooDeep {
            return .refusedAnswer(operation: operation, reason: error.description)
        }
        return .unexpectedBody(operation: operation, reason: reason(error, body: body))
    }

    /// A short reason for a decoding failure, for `AdminError.unexpectedBody`.
    private static func reason(_ error: any Error, body: [UInt8]) -> String {
        let problem = ResponseMapper.bodyProblem(body)
        guard problem.hasPrefix("an unexpected body"), let error = error as? DecodingError else { return problem }
        switch error {
        case .keyNotFound(let key, let context):
            return "JSON without \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "JSON with an unexpected value at \(path.isEmpty ? "the top" : path)"
        @unknown default:
            return problem
        }
    }
}
