/// An owner's mapping rules as 3scale lists them, with the plan's rules picked out in
/// the plan's order, and the fewest moves that put those in that order.
struct RuleList {
    /// The plan's rules, in the plan's order.
    let ours: [MappingRule]
    /// Every rule's position by id, kept as acts_as_list would after each planned move.
    private var positions: [Int: Int]

    init(_ rules: [MappingRule], keys: [MappingRuleKey], owner: MetricOwnerName) throws(AdminError) {
        var remaining = rules
        var ours: [MappingRule] = []
        for key in keys {
            guard let index = remaining.firstIndex(where: { $0.httpMethod == key.httpMethod && $0.pattern == key.pattern }) else {
                throw .notFound(what: "Mapping rule \(key) of \(owner)")
            }
            ours.append(remaining.remove(at: index))
        }
        self.ours = ours
        positions = Dictionary(rules.map { ($0.id, $0.position ?? .max) }, uniquingKeysWith: { first, _ in first })
    }

    private func place(_ index: Int) -> (Int, Int) { (positions[ours[index].id] ?? .max, ours[index].id) }

    /// No two rules share a position, and every one is in a plausible range.
    var hasDistinctPositions: Bool {
        Set(positions.values).count == positions.count && positions.values.allSatisfy { (0..<1_000_000_000).contains($0) }
    }

    var isInOrder: Bool {
        ours.indices.dropFirst().allSatisfy { place($0 - 1) < place($0) }
    }

    /// For each rule to move (by index in `ours`), the position to send, in the order to
    /// send them: each lands right after the rule before it in the plan's order (the first
    /// one before all of ours), and the rules of the longest run in order stay.
    mutating func moves() -> [(index: Int, position: Int)] {
        guard hasDistinctPositions else { return [] }
        let kept = longestRunInOrder()
        var moves: [(index: Int, position: Int)] = []
        for index in ours.indices where !kept.contains(index) {
            let from = place(index).0
            let target: Int
            if index > 0 {
                let before = place(index - 1).0
                target = from > before ? before + 1 : before
            } else {
                let first = ours.indices.dropFirst().map { place($0).0 }.min() ?? from
                target = from > first ? first : from
            }
            guard target != from else { continue }
            move(ours[index].id, from: from, to: target)
            moves.append((index, target))
        }
        return moves
    }

    /// acts_as_list's move: the rules between the two positions shift by one toward `from`.
    private mutating func move(_ id: Int, from: Int, to: Int) {
        for (other, position) in positions where other != id {
            if from > to, position >= to, position < from { positions[other] = position + 1 }
            if from < to, position > from, position <= to { positions[other] = position - 1 }
        }
        positions[id] = to
    }

    /// The indices of `ours` forming the longest subsequence already in the plan's order.
    private func longestRunInOrder() -> Set<Int> {
        // `ours` indices in 3scale's order; the longest increasing subsequence of that.
        let listed = ours.indices.sorted { place($0) < place($1) }
        var length = Array(repeating: 1, count: listed.count)
        var previous = Array(repeating: -1, count: listed.count)
        for i in listed.indices {
            for j in 0..<i where listed[j] < listed[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        guard var at = length.indices.max(by: { length[$0] < length[$1] }) else { return [] }
        var kept: Set<Int> = []
        while at >= 0 {
            kept.insert(listed[at])
            at = previous[at]
        }
        return kept
    }
}
