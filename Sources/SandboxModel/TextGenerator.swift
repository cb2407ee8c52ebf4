/// Produces readable (if aimless) English from a small grammar driven by a seeded
/// generator: determiner → adjective → noun → preposition … period. Every token is a
/// vocabulary word or punctuation mark, so generated text always round-trips through
/// the tokenizer.
struct TextGenerator: Sendable {
    private enum WordClass {
        case sentenceStart, determiner, adjective, noun, preposition, verb, adverb
        case conjunction, pronoun, copula, predicate, comma, period
    }

    private var random: SplitMix64
    private var last: WordClass
    private var atStartOfText: Bool
    private var capitalizeNext: Bool
    /// Higher values favour the first (most common) words of each list: greedy at
    /// temperature 0, flatter as the temperature rises.
    private let skew: Int
    private let sentenceLimit: Int?
    private var sentences = 0
    private var wordsInSentence = 0
    private var sentenceLength = 0
    private var ended = false
    /// Whether the current clause has its verb; decides between verb and object.
    private var hasVerb: Bool
    /// The prompt ends with the article "a": the first word must not start with a vowel.
    private var promptEndsWithA: Bool
    /// A word drawn ahead of time (after "a", to choose "a" or "an").
    private var queued: (wordClass: WordClass, word: String)?
    private let vocabulary: Vocabulary

    /// - Parameters:
    ///   - prompt: the prompt's tokens; its last word decides how the text goes on.
    ///   - endsWithEndOfSequence: a chat answer ends after a few sentences with the
    ///     end-of-sequence token; a plain completion goes on until `max_tokens`.
    init(prompt: [Int], seed: UInt64, temperature: Double, startsAnswer: Bool, endsWithEndOfSequence: Bool,
         vocabulary: Vocabulary = .shared)
    {
        self.vocabulary = vocabulary
        self.random = SplitMix64(seed: seed)
        self.skew = temperature <= 0.3 ? 3 : temperature <= 0.9 ? 2 : 1
        self.atStartOfText = startsAnswer
        self.last = startsAnswer ? .sentenceStart : Self.wordClass(ofLast: prompt, in: vocabulary)
        self.hasVerb = !startsAnswer && Self.clauseHasVerb(prompt, in: vocabulary)
        let article = [vocabulary.id(of: "a", leadingSpace: true), vocabulary.id(of: "a", leadingSpace: false)]
        self.promptEndsWithA = !startsAnswer && prompt.last.map(article.contains) == true
        self.capitalizeNext = last == .sentenceStart || last == .period
        self.sentenceLimit = endsWithEndOfSequence ? 2 + Int(random.next() % 3) : nil
        self.sentenceLength = nextSentenceLength()
    }

    /// The next token id; after the end-of-sequence token it keeps returning it.
    mutating func next() -> Int {
        if ended { return Vocabulary.endOfSequenceID }
        var (wordClass, drawnWord) = queued ?? draw()
        queued = nil
        // After a prompt ending in "a", redraw words that would need "an".
        while promptEndsWithA, let first = drawnWord.first, "aeiou".contains(first) {
            (wordClass, drawnWord) = draw()
        }
        promptEndsWithA = false
        last = wordClass
        switch wordClass {
        case .sentenceStart:
            ended = true
            return Vocabulary.endOfSequenceID
        case .period:
            sentences += 1
            wordsInSentence = 0
            hasVerb = false
            sentenceLength = nextSentenceLength()
            capitalizeNext = true
            return vocabulary.id(of: ".", leadingSpace: false)
        case .comma:
            return vocabulary.id(of: ",", leadingSpace: false)
        case .verb, .copula:
            hasVerb = true
        case .conjunction:
            hasVerb = false
        default:
            break
        }
        var word = drawnWord
        if word == "a" {
            // Look ahead so the article agrees with the word after it.
            let following = draw()
            queued = following
            if let first = following.word.first, "aeiou".contains(first) { word = "an" }
        }
        if capitalizeNext { word = word.prefix(1).uppercased() + word.dropFirst() }
        let leadingSpace = !atStartOfText
        atStartOfText = false
        capitalizeNext = false
        wordsInSentence += 1
        return vocabulary.id(of: word, leadingSpace: leadingSpace)
    }

    private mutating func draw() -> (wordClass: WordClass, word: String) {
        let wordClass = nextClass()
        let words = Self.words(for: wordClass)
        return (wordClass, words.isEmpty ? "" : pick(from: words))
    }

    /// The grammar: subject, verb, object, prepositional phrases, clauses joined by
    /// conjunctions. Returning `.sentenceStart` means "end of the answer".
    private mutating func nextClass() -> WordClass {
        switch last {
        case .sentenceStart, .period:
            if last == .period, let sentenceLimit, sentences >= sentenceLimit { return .sentenceStart }
            return chance(0.65) ? .determiner : .pronoun
        case .determiner: return chance(0.45) ? .adjective : .noun
        case .adjective: return .noun
        case .noun, .predicate:
            let roll = random.unit()
            if !hasVerb {
                return roll < 0.25 ? .preposition : roll < 0.75 ? .verb : .copula
            }
            if wordsInSentence >= sentenceLength { return .period }
            if roll < 0.35 { return .preposition }
            if roll < 0.45 { return .comma }
            if roll < 0.55 { return .conjunction }
            return wordsInSentence >= 4 ? .period : .preposition
        case .preposition: return .determiner
        case .verb: return .determiner
        case .adverb: return .verb
        case .pronoun:
            let roll = random.unit()
            return roll < 0.2 ? .adverb : roll < 0.7 ? .verb : .copula
        case .copula: return chance(0.6) ? .determiner : .predicate
        case .comma: return .conjunction
        case .conjunction: return chance(0.6) ? .determiner : .pronoun
        }
    }

    private mutating func chance(_ probability: Double) -> Bool {
        random.unit() < probability
    }

    private mutating func pick(from words: [String]) -> String {
        let u = random.unit()
        var skewed = u
        for _ in 1..<skew { skewed *= u }
        return words[min(words.count - 1, Int(skewed * Double(words.count)))]
    }

    private mutating func nextSentenceLength() -> Int {
        6 + Int(random.next() % 9)
    }

    private static func words(for wordClass: WordClass) -> [String] {
        switch wordClass {
        case .determiner: return WordLists.determiners
        case .adjective, .predicate: return WordLists.adjectives
        case .noun: return WordLists.nouns
        case .preposition: return WordLists.prepositions
        case .verb: return WordLists.verbs
        case .adverb: return WordLists.adverbs
        case .conjunction: return WordLists.conjunctions
        case .pronoun: return WordLists.pronouns
        case .copula: return WordLists.copulas
        case .sentenceStart, .comma, .period: return []
        }
    }

    /// Whether the prompt's last clause (since a period or conjunction) has a verb:
    /// "San Francisco is a" does, so the text goes on with an object, not a verb.
    private static func clauseHasVerb(_ prompt: [Int], in vocabulary: Vocabulary) -> Bool {
        for token in prompt.reversed() where token < vocabulary.count && !Vocabulary.isSpecial(token) {
            let word = String(decoding: vocabulary.pieces[token], as: UTF8.self).trimmingSpaces.lowercased()
            if [".", "!", "?", "\n", ","].contains(word) || WordLists.conjunctions.contains(word) { return false }
            if WordLists.verbs.contains(word) || WordLists.copulas.contains(word) || ["are", "were"].contains(word) {
                return true
            }
        }
        return false
    }

    /// Where the grammar stands after the prompt: after "San Francisco is a" it is
    /// after a determiner, so the text goes on with an adjective or a noun.
    private static func wordClass(ofLast prompt: [Int], in vocabulary: Vocabulary) -> WordClass {
        guard let last = prompt.last(where: { !Vocabulary.isSpecial($0) }), last < vocabulary.count else {
            return .sentenceStart
        }
        let piece = String(decoding: vocabulary.pieces[last], as: UTF8.self)
        let word = piece.trimmingSpaces.lowercased()
        if [".", "!", "?", "\n"].contains(word) || word.isEmpty { return .period }
        if WordLists.determiners.contains(word) || word == "an" { return .determiner }
        if WordLists.adjectives.contains(word) { return .adjective }
        if WordLists.prepositions.contains(word) || word == "to" || word == "at" || word == "on" { return .preposition }
        if WordLists.verbs.contains(word) { return .verb }
        if WordLists.copulas.contains(word) || word == "are" || word == "were" { return .copula }
        if WordLists.conjunctions.contains(word) || word == "," { return .conjunction }
        if WordLists.pronouns.contains(word) { return .pronoun }
        return .noun
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
