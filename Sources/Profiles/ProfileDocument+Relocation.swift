import Untrusted

/// A server that moved: every saved address on its old origin follows it.
extension ProfileDocument {
    /// Rewrites gateway and admin URLs on a moved origin. Returns the names of the profiles changed.
    @discardableResult
    public mutating func move(_ moves: OriginMoves) -> [String] {
        var changed: [String] = []
        for name in names {
            guard var profile = profiles[name] else { continue }
            let before = profile
            profile.gateway = profile.gateway.map { moves.apply(to: $0) ?? $0 }
            profile.adminURL = profile.adminURL.map { moves.apply(to: $0) ?? $0 }
            if profile != before {
                profiles[name] = profile
                changed.append(name)
            }
        }
        return changed
    }
}
