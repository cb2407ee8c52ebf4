/// `${NAME}` in the values of a resource file (the lab's model URL), filled in after the
/// YAML is parsed: a value can never add YAML structure, and a placeholder in a comment
/// is not read at all. One pass over the written text, so a value holding `${…}` stays as it is.
public struct VariableExpansion {
    /// The value of a variable; nil when it is not defined.
    public var lookup: (String) -> String?

    public init(lookup: @escaping (String) -> String?) {
        self.lookup = lookup
    }

    struct Failure: Error {
        var message: String
    }

    func expand(_ text: String) throws(Failure) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw Failure(message: "missing '}' after '${'")
            }
            let name = String(rest[open.upperBound..<close])
            guard let value = lookup(name) else {
                throw Failure(message: "undefined variable ${\(name)} (define it with `set \(name) VALUE` or export it)")
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
