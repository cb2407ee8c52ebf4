/// Everything that can go wrong with the profile file, each with a message a user can act on.
public enum ProfileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int?, column: Int?, reason: String)
    case unwritable(path: String, reason: String)
    case noSuchProfile(name: String, known: [String])
    case profileExists(name: String)
    case invalidName(name: String)
    case invalidValue(field: String, value: String, reason: String)
    case unknownField(name: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read profile file \(path): \(reason)"
        case let .malformed(path, line, column, reason):
            let position = [line, column].compactMap { $0.map(String.init) }.joined(separator: ":")
            let location = position.isEmpty ? path : "\(path):\(position)"
            return "\(location): the profile file does not parse: \(reason) (fix or move the file; maas will not overwrite it)"
        case let .unwritable(path, reason):
            return "cannot write profile file \(path): \(reason)"
        case let .noSuchProfile(name, known):
            let list = known.isEmpty ? "there are no profiles yet; create one with `login` or `admin login`" : "known profiles: \(known.joined(separator: ", "))"
            return "no profile named '\(name)'; \(list)"
        case let .profileExists(name):
            return "a profile named '\(name)' already exists"
        case let .invalidName(name):
            return "invalid profile name '\(name)': use letters, digits, '.', '_' or '-'"
        case let .invalidValue(field, value, reason):
            return "invalid \(field) '\(value)': \(reason)"
        case let .unknownField(name):
            return "unknown profile setting '\(name)'; settings are: \(ProfileField.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
