import Testing

@testable import ThreeScaleAdmin

/// The order check's moves, replayed as acts_as_list applies them: every arrival order
/// of new rules ends in the plan's order, with as few moves as a longest ordered run allows.
@Suite struct RuleListTests {
    static let keys = (1...6).map { MappingRuleKey(httpMethod: "GET", pattern: "/r\($0)") }

    /// Rules with ids 1…6 for keys 1…6, listed at positions in `arrival` order, below an
    /// optional rule of someone else's (id 99) at position 1.
    static func listed(_ arrival: [Int], other: Bool) -> [MappingRule] {
        var rules = arrival.enumerated().map { offset, key in
            MappingRule(id: key, metricID: 1, pattern: "/r\(key)", httpMethod: "GET", delta: 1, position: offset + (other ? 2 : 1))
        }
        if other { rules.append(MappingRule(id: 99, metricID: 1, pattern: "/", httpMethod: "GET", delta: 1, position: 1)) }
        return rules
    }

    /// acts_as_list's update of a position, independently of `RuleList`.
    static func replay(_ rules: [MappingRule], id: Int, to: Int) -> [MappingRule] {
        guard let from = rules.first(where: { $0.id == id })?.position else { return rules }
        return rules.map { rule in
            var rule = rule
            let position = rule.position ?? 0
            if rule.id == id { rule.position = to }
            else if from > to, position >= to, position < from { rule.position = position + 1 }
            else if from < to, position > from, position <= to { rule.position = position - 1 }
            return rule
        }
    }

    @Test(arguments: [
        ([1, 2, 3, 4, 5, 6], 0), ([1, 3, 2, 4, 5, 6], 1), ([2, 3, 4, 5, 6, 1], 1), ([6, 1, 2, 3, 4, 5], 1),
        ([6, 5, 4, 3, 2, 1], 5), ([2, 1, 4, 3, 6, 5], 3), ([4, 5, 6, 1, 2, 3], 3),
    ])
    func everyArrivalOrderEndsInThePlansOrder(arrival: [Int], expectedMoves: Int) throws {
        for other in [false, true] {
            var rules = Self.listed(arrival, other: other)
            var list = try RuleList(rules, keys: Self.keys, owner: .product("p"))
            #expect(list.isInOrder == (expectedMoves == 0))
            let moves = list.moves()
            #expect(moves.count == expectedMoves, "\(arrival)")
            for (index, position) in moves { rules = Self.replay(rules, id: index + 1, to: position) }
            let order = rules.sorted { ($0.position ?? .max, $0.id) < ($1.position ?? .max, $1.id) }.map(\.id).filter { $0 != 99 }
            #expect(order == [1, 2, 3, 4, 5, 6], "\(arrival) with \(moves)")
            #expect(try RuleList(rules, keys: Self.keys, owner: .product("p")).isInOrder)
        }
    }

    @Test func aMissingRuleAndAbsurdPositionsAreHandled() throws {
        let five = Array(Self.listed([1, 2, 3, 4, 5, 6], other: false).prefix(5))
        #expect(throws: AdminError.self) { try RuleList(five, keys: Self.keys, owner: .product("p")) }
        var huge = Self.listed([2, 1, 3, 4, 5, 6], other: false)
        huge[0].position = .max
        var list = try RuleList(huge, keys: Self.keys, owner: .product("p"))
        #expect(list.moves().isEmpty)
    }
}
