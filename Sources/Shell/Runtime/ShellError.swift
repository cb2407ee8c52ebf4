/// A failure a command reports to the user: one line, and whether it was a
/// usage mistake (exit status 2) or a failure to do the job (exit status 1).
public struct ShellError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case failure
        case usage
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .failure) {
        self.message = message
        self.kind = kind
    }

    public static func usage(_ message: String) -> ShellError { ShellError(message, kind: .usage) }

    public var description: String { message }
    public var exitStatus: Int32 { kind == .usage ? 2 : 1 }
}
