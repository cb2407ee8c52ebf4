import Untrusted

/// The sandbox's servers refuse request bodies nested deeper than this, before any
/// recursive decoder sees them.
extension JSONNesting {
    /// Deeper than any request the sandbox serves (chat messages with content parts
    /// nest 4 levels, a policy chain about 6) and far from any stack limit.
    public static let maximumDepth = 64

    /// The message both servers give for such a body.
    public static func message(limit: Int = maximumDepth) -> String {
        "JSON nested too deeply (more than \(limit) levels of arrays and objects)"
    }
}
