/// The settings in force for one run: the selected profile with the
/// environment's `MAAS_*` overrides applied, remembering where each came from.
public struct ResolvedProfile: Equatable, Sendable {
    public enum Source: Equatable, Sendable, CustomStringConvertible {
        case profile
        case environment(String)

        public var description: String {
            switch self {
            case .profile: "profile"
            case let .environment(name): "env \(name)"
            }
        }
    }

    /// Environment variables that override one field for one run.
    public static let overrides: [(variable: String, field: ProfileField)] = [
        ("MAAS_GATEWAY_URL", .gateway),
        ("MAAS_API_KEY", .apiKey),
        ("MAAS_MODEL", .model),
        ("MAAS_ADMIN_URL", .adminURL),
        ("MAAS_ADMIN_TOKEN", .adminToken),
    ]

    public var name: String
    /// False when the named profile is not in the file (the settings may still come from the environment).
    public var exists: Bool
    public var settings: Profile
    public var sources: [ProfileField: Source]

    /// - Parameter selected: the `--profile` option, which wins over `MAAS_PROFILE` and the file's current one.
    public static func resolve(
        document: ProfileDocument, selected: String?, environment: [String: String]
    ) throws(ProfileError) -> ResolvedProfile {
        let name = selected ?? environment["MAAS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? document.currentName
        var settings = document.profiles[name] ?? Profile()
        var sources: [ProfileField: Source] = [:]
        for field in ProfileField.allCases where settings[field] != nil {
            sources[field] = .profile
        }
        for (variable, field) in overrides {
            guard let value = environment[variable], !value.isEmpty else { continue }
            try settings.set(field, to: value)
            sources[field] = .environment(variable)
        }
        return ResolvedProfile(name: name, exists: document.profiles[name] != nil, settings: settings, sources: sources)
    }
}
