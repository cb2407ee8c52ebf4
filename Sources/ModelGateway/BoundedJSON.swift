#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// The one way this module decodes a server's JSON with `JSONDecoder`: after the
/// nesting check, so that no answer can nest deep enough to exhaust the stack.
enum BoundedJSON {
    /// Throws `JSONNesting.TooDeep` before decoding, or what `JSONDecoder` throws.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try JSONNesting.check(bytes)
        return try JSONDecoder().decode(type, from: Data(bytes))
    }
}
