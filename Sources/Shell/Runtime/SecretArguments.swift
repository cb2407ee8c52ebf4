/// What on a verb's command line is a secret. Each verb that takes one declares it next
/// to its options (`DeclaresSecrets`); the catalogue carries it, and the history redactor
/// reads it from there, so a new secret option is marked in one place.
public struct SecretArguments: Sendable {
    /// Options whose value is a secret: `--key K`, `--key=K`.
    public var options: Set<String>
    /// Given the verb's positional words (nil for a word holding a `$VARIABLE`), the
    /// indices of the secret ones.
    public var positionals: @Sendable ([String?]) -> [Int]

    public init(options: Set<String> = [], positionals: @escaping @Sendable ([String?]) -> [Int] = { _ in [] }) {
        self.options = options
        self.positionals = positionals
    }
}

/// A verb with secret options or arguments.
protocol DeclaresSecrets {
    static var secrets: SecretArguments { get }
}
