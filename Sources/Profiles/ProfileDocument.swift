/// The whole profile file: the named profiles and which one is current.
public struct ProfileDocument: Encodable, Equatable, Sendable {
    /// The name used when nobody has chosen one.
    public static let defaultName = "default"

    public var current: String?
    public var profiles: [String: Profile]

    public init(current: String? = nil, profiles: [String: Profile] = [:]) {
        self.current = current
        self.profiles = profiles
    }


    public var currentName: String { current ?? Self.defaultName }
    public var names: [String] { profiles.keys.sorted() }

    public func profile(named name: String) throws(ProfileError) -> Profile {
        guard let profile = profiles[name] else { throw .noSuchProfile(name: name, known: names) }
        return profile
    }

    public static func validateName(_ name: String) throws(ProfileError) {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard !name.isEmpty, allowed, !name.hasPrefix("-") else { throw .invalidName(name: name) }
    }
}
