/// SplitMix64: a tiny, fast generator whose whole output follows from its seed,
/// which is what makes the sandbox model's answers reproducible.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}

/// FNV-1a, used to turn a request's prompt and sampling settings into a seed.
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ integer: UInt64) {
        var integer = integer
        for _ in 0..<8 {
            value = (value ^ (integer & 0xff)) &* 0x0000_0100_0000_01b3
            integer >>= 8
        }
    }

    mutating func combine(_ tokens: [Int]) {
        for token in tokens { combine(UInt64(bitPattern: Int64(token))) }
    }
}
