/// Servers that moved, as origins (`http://127.0.0.1:41000` → `http://127.0.0.1:41007`):
/// the sandbox rewrites its state and the saved profiles with the same rule.
public struct OriginMoves: Sendable, Equatable {
    public var moves: [String: String]

    public init(_ moves: [String: String]) {
        self.moves = moves
    }

    public var isEmpty: Bool { moves.isEmpty }

    /// The URL on its new origin, or nil when it is on none of the old ones. The origin
    /// must end the URL or be followed by `/`, `?` or `#`, so `:8000` never matches `:80001`.
    public func apply(to url: String) -> String? {
        for (from, to) in moves where url.hasPrefix(from) {
            let rest = url.dropFirst(from.count)
            if rest.isEmpty || ["/", "?", "#"].contains(rest.first) { return to + rest }
        }
        return nil
    }
}
