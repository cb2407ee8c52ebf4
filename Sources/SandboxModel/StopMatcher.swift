/// Applies `stop` strings to generated text as vLLM does: the text is cut before the
/// first stop string, and while streaming the last `longest stop - 1` bytes are held
/// back so that a stop string split over two tokens is never partly sent.
struct StopMatcher: Sendable {
    private let stops: [[UInt8]]
    private let holdBack: Int
    private var pending: [UInt8] = []

    init(stops: [String]) {
        self.stops = stops.map { Array($0.utf8) }.filter { !$0.isEmpty }
        self.holdBack = max(0, (self.stops.map(\.count).max() ?? 0) - 1)
    }

    var isActive: Bool { !stops.isEmpty }

    /// Feeds one token's bytes; returns the bytes that may be sent now and the stop
    /// string that ended the text, if one did.
    mutating func feed(_ piece: [UInt8]) -> (release: [UInt8], stop: String?) {
        guard isActive else { return (piece, nil) }
        pending += piece
        var earliest: (index: Int, stop: [UInt8])?
        for stop in stops {
            if let index = firstIndex(of: stop, in: pending), index < (earliest?.index ?? Int.max) {
                earliest = (index, stop)
            }
        }
        if let earliest {
            let release = Array(pending[..<earliest.index])
            pending = []
            return (release, String(decoding: earliest.stop, as: UTF8.self))
        }
        let releasable = pending.count - holdBack
        guard releasable > 0 else { return ([], nil) }
        let release = Array(pending[..<releasable])
        pending.removeFirst(releasable)
        return (release, nil)
    }

    /// The held-back tail, released when generation ends for another reason.
    mutating func flush() -> [UInt8] {
        defer { pending = [] }
        return pending
    }

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
