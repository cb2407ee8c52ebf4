/// Why a choice stopped, in vLLM's terms.
enum FinishReason: Sendable, Equatable {
    case length
    /// End-of-sequence token (`stop_reason` null) or a stop string (`stop_reason` it).
    case stop(String?)

    var name: String {
        switch self {
        case .length: return "length"
        case .stop: return "stop"
        }
    }

    var stopReason: JSON {
        if case .stop(.some(let string)) = self { return .string(string) }
        return .null
    }
}

/// One generated token as the client sees it: the text it adds (possibly empty) and,
/// on the last one, why generation ended.
struct GenerationStep: Sendable {
    var text: [UInt8]
    var finish: FinishReason?
}

/// One choice's token stream: the grammar, `max_tokens`, end-of-sequence and stop
/// strings combined. Iterate with `next()` until a step carries a finish reason.
struct Generation: Sendable {
    private var generator: TextGenerator
    private var stopMatcher: StopMatcher
    private let maxTokens: Int
    private let vocabulary: Vocabulary
    private(set) var tokenCount = 0
    private(set) var finished = false

    init(generator: TextGenerator, maxTokens: Int, stops: [String], vocabulary: Vocabulary = .shared) {
        self.generator = generator
        self.stopMatcher = StopMatcher(stops: stops)
        self.maxTokens = maxTokens
        self.vocabulary = vocabulary
    }

    mutating func next() -> GenerationStep? {
        guard !finished else { return nil }
        let token = generator.next()
        tokenCount += 1
        if token == Vocabulary.endOfSequenceID {
            finished = true
            return GenerationStep(text: stopMatcher.flush(), finish: .stop(nil))
        }
        let (release, stop) = stopMatcher.feed(vocabulary.pieces[token])
        if let stop {
            finished = true
            return GenerationStep(text: release, finish: .stop(stop))
        }
        if tokenCount >= maxTokens {
            finished = true
            return GenerationStep(text: release + stopMatcher.flush(), finish: .length)
        }
        return GenerationStep(text: release, finish: nil)
    }

    /// Runs to the end; for non-streamed responses.
    mutating func collect() -> (text: [UInt8], finish: FinishReason) {
        var text: [UInt8] = []
        while let step = next() {
            text += step.text
            if let finish = step.finish { return (text, finish) }
        }
        return (text, .length)
    }
}
