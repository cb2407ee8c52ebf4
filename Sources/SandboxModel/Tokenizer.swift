/// A word-level tokenizer over `Vocabulary`. Known words (with their leading space)
/// are one token, digits and punctuation one token each, special tokens such as
/// `<|user|>` one token, and anything else falls back to one token per UTF-8 byte,
/// so `detokenize(tokenize(text)) == text` for every text.
struct Tokenizer: Sendable {
    let vocabulary: Vocabulary

    init(vocabulary: Vocabulary = .shared) {
        self.vocabulary = vocabulary
    }

    func tokenize(_ text: String) -> [Int] {
        let bytes = Array(text.utf8)
        var tokens: [Int] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        var index = 0
        while index < bytes.count {
            if let (id, length) = special(in: bytes, at: index) {
                tokens.append(id)
                index += length
                continue
            }
            let hasSpace = bytes[index] == UInt8(ascii: " ") && index + 1 < bytes.count && isLetter(bytes[index + 1])
            let wordStart = hasSpace ? index + 1 : index
            if isLetter(bytes[wordStart]) {
                var wordEnd = wordStart
                while wordEnd < bytes.count && isLetter(bytes[wordEnd]) { wordEnd += 1 }
                appendWord(bytes[index..<wordEnd], hasSpace: hasSpace, to: &tokens)
                index = wordEnd
            } else if bytes[index] < 0x80, let id = vocabulary.ids[[bytes[index]]] {
                tokens.append(id)
                index += 1
            } else {
                tokens.append(Vocabulary.byteID(bytes[index]))
                index += 1
            }
        }
        return tokens
    }

    /// The text of a token sequence; byte tokens are joined before decoding so a
    /// multi-byte character split over several tokens comes back whole.
    func detokenize(_ tokens: [Int]) -> String {
        var bytes: [UInt8] = []
        for token in tokens where token >= 0 && token < vocabulary.count {
            bytes += vocabulary.pieces[token]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendWord(_ piece: ArraySlice<UInt8>, hasSpace: Bool, to tokens: inout [Int]) {
        if let id = vocabulary.ids[Array(piece)] {
            tokens.append(id)
            return
        }
        let word = hasSpace ? piece.dropFirst() : piece
        if hasSpace { tokens.append(vocabulary.ids[[UInt8(ascii: " ")]] ?? Vocabulary.byteID(UInt8(ascii: " "))) }
        if let id = vocabulary.ids[Array(word)] {
            tokens.append(id)
        } else {
            tokens += word.map(Vocabulary.byteID)
        }
    }

    private func special(in bytes: [UInt8], at index: Int) -> (Int, Int)? {
        guard bytes[index] == UInt8(ascii: "<") else { return nil }
        for id in Vocabulary.specialTokens.indices {
            let piece = vocabulary.pieces[id]
            if bytes.count - index >= piece.count && bytes[index..<(index + piece.count)].elementsEqual(piece) {
                return (id, piece.count)
            }
        }
        return nil
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
