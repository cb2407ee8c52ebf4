/// The built-in English the sandbox model speaks. The order of these lists fixes the
/// token ids, so append new words at the end of a list only if ids may change.
enum WordLists {
    static let determiners = ["the", "a", "this", "every", "its", "our", "their", "that", "one", "each"]

    static let adjectives = [
        "large", "small", "beautiful", "old", "new", "quiet", "busy", "famous", "modern", "historic",
        "bright", "green", "open", "friendly", "ancient", "cold", "warm", "simple", "useful", "important",
        "popular", "local", "great", "long", "short", "strong", "gentle", "wide", "rich", "early",
        "remarkable", "vibrant", "diverse", "careful", "clear", "steady", "natural", "common", "rare", "good",
    ]

    static let nouns = [
        "city", "place", "river", "bridge", "harbor", "market", "street", "garden", "museum", "park",
        "building", "history", "culture", "community", "model", "server", "system", "network", "language",
        "question", "answer", "idea", "story", "family", "world", "time", "day", "light", "water",
        "morning", "evening", "journey", "road", "mountain", "valley", "island", "coast", "library", "school",
        "music", "art", "food", "restaurant", "team", "project", "computer", "engine", "tower",
        "neighborhood", "region", "country", "center", "home", "friend", "teacher", "student", "book", "word",
        "request", "token", "service", "gateway", "bay", "hill", "fog", "ocean", "summer", "winter",
    ]

    static let prepositions = [
        "in", "of", "near", "with", "along", "across", "from", "for", "by", "around",
        "beyond", "under", "over", "through", "between", "behind", "toward", "inside",
    ]

    static let verbs = [
        "has", "offers", "connects", "holds", "welcomes", "shows", "brings", "supports", "follows", "builds",
        "keeps", "shares", "attracts", "protects", "describes", "explains", "serves", "remembers", "creates",
        "includes", "needs", "finds", "changes", "reaches",
    ]

    static let adverbs = [
        "often", "always", "quietly", "slowly", "usually", "rarely", "clearly", "gently", "still", "also",
        "really", "truly", "simply",
    ]

    static let conjunctions = ["and", "but", "while", "because", "so", "although"]

    static let pronouns = ["it", "everyone", "nobody", "someone", "she", "he", "everything"]

    static let copulas = ["is", "was", "remains", "seems", "becomes"]

    /// Words a prompt is likely to contain that the generator never says on its own;
    /// listed so common prompts tokenize to words instead of bytes.
    static let promptWords = [
        "san", "francisco", "california", "hello", "hi", "please", "thanks", "thank", "you", "i",
        "we", "they", "what", "how", "why", "who", "where", "when", "which", "can",
        "do", "does", "tell", "me", "about", "write", "explain", "be", "brief", "yes",
        "no", "to", "at", "on", "as", "not", "my", "your", "an", "are",
        "were", "will", "would", "should", "could", "there", "here", "more", "most", "some",
        "any", "all", "like", "just", "up", "out", "if", "then", "than", "or",
        "york", "london", "paris", "chat", "test", "poem", "short", "assistant", "user", "system",
        "helpful", "sentence", "list", "name", "know", "good", "today", "weather", "capital", "many",
    ]
}
