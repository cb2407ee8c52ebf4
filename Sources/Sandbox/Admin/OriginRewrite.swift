import Foundation
import Untrusted

/// Moves stored addresses to a new origin wherever the state holds them: products'
/// endpoints, backends' private endpoints, deployed proxy configs. It walks the
/// snapshot's JSON, so collections added to the state are covered with no more work.
extension SandboxState {
    func moving(_ moves: OriginMoves) throws -> SandboxState {
        guard !moves.isEmpty else { return self }
        let tree = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(self))
        return try JSONDecoder().decode(SandboxState.self, from: JSONEncoder().encode(Self.moving(moves, in: tree)))
    }

    private static func moving(_ moves: OriginMoves, in value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(moves.apply(to: text) ?? text)
        case .array(let items): return .array(items.map { moving(moves, in: $0) })
        case .object(let fields): return .object(fields.mapValues { moving(moves, in: $0) })
        case .null, .bool, .int, .double: return value
        }
    }
}
