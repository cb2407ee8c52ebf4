/// Why the log could not be opened, read or written, in words a user can act on.
public struct PromptLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
