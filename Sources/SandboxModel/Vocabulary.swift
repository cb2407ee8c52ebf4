/// The token table: every id maps to a fixed byte string ("piece").
///
/// Layout, stable across runs: special tokens, then one token per byte value (the
/// fallback that lets any text round-trip), then single characters, then each word in
/// four spellings: `word`, ` word`, `Word`, ` Word` (the leading space is part of the
/// piece, as in SentencePiece vocabularies).
struct Vocabulary: Sendable {
    static let shared = Vocabulary()

    static let unknownID = 0
    static let endOfSequenceID = 2
    static let specialTokens = ["<unk>", "<s>", "</s>", "<|system|>", "<|user|>", "<|assistant|>"]
    static let firstByteID = specialTokens.count

    /// Printable ASCII punctuation and whitespace that get a token of their own.
    static let characters: [String] =
        [" ", "\n", "\t"] + (33...126).compactMap { code -> String? in
            let scalar = Unicode.Scalar(UInt8(code))
            let isAlphanumeric =
                (65...90).contains(code) || (97...122).contains(code) || (48...57).contains(code)
            return isAlphanumeric ? nil : String(Character(scalar))
        } + (0...9).map(String.init)

    let pieces: [[UInt8]]
    let ids: [[UInt8]: Int]

    private init() {
        var pieces: [[UInt8]] = Self.specialTokens.map { Array($0.utf8) }
        pieces += (0...255).map { [UInt8($0)] }
        pieces += Self.characters.map { Array($0.utf8) }
        var seen = Set<String>()
        for word in Self.allWords where seen.insert(word).inserted {
            let capitalized = word.prefix(1).uppercased() + word.dropFirst()
            for spelling in [word, " " + word, capitalized, " " + capitalized] {
                pieces.append(Array(spelling.utf8))
            }
        }
        var ids: [[UInt8]: Int] = [:]
        // Byte-fallback tokens are reached only through `byteID`, never by lookup,
        // so a single-character piece wins over the byte with the same value.
        for (id, piece) in pieces.enumerated() where !Self.isByteToken(id) {
            ids[piece] = ids[piece] ?? id
        }
        self.pieces = pieces
        self.ids = ids
    }

    static let allWords: [String] =
        WordLists.determiners + WordLists.adjectives + WordLists.nouns + WordLists.prepositions
        + WordLists.verbs + WordLists.adverbs + WordLists.conjunctions + WordLists.pronouns
        + WordLists.copulas + WordLists.promptWords

    static func isByteToken(_ id: Int) -> Bool {
        id >= firstByteID && id < firstByteID + 256
    }

    static func byteID(_ byte: UInt8) -> Int { firstByteID + Int(byte) }

    static func isSpecial(_ id: Int) -> Bool { id < specialTokens.count }

    var count: Int { pieces.count }

    /// Id of the piece ` word` (with the leading space) or `word`.
    func id(of word: String, leadingSpace: Bool) -> Int {
        ids[Array(((leadingSpace ? " " : "") + word).utf8)] ?? Self.unknownID
    }

    /// A piece as a tokenizer shows it in `token_strs`: byte-level BPE notation, where
    /// a leading space is `Ġ`, a newline `Ċ`, and byte tokens `<0xNN>`.
    func displayString(_ id: Int) -> String {
        if Self.isByteToken(id) {
            let value = id - Self.firstByteID
            let hex = String(value, radix: 16, uppercase: true)
            return "<0x" + (value < 16 ? "0" : "") + hex + ">"
        }
        let text = String(decoding: pieces[id], as: UTF8.self)
        return String(text.map { $0 == " " ? "Ġ" : $0 == "\n" ? "Ċ" : $0 })
    }
}
