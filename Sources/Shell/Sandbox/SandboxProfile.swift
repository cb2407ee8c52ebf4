import Profiles
import Sandbox
import Untrusted

/// What `sandbox` (and the embedded sandbox) tells the user and saves.
enum SandboxProfile {
    enum Current {
        /// `maas sandbox`: only when no profile is current.
        case whenNone
        /// `maas --sandbox`: unless the current profile is already one of the sandbox's
        /// (the consumer profile the lab saved stays current in the next session).
        case unlessSandbox
    }

    private enum Outcome {
        case becameCurrent, wasCurrent, notCurrent
        case kept(String)
    }

    /// Saves the admin URL and token, marked as the sandbox's. Returns the note the banner shows.
    static func save(_ endpoints: SandboxEndpoints, as name: String, current: Current, context: CommandContext) throws -> String {
        let outcome = try context.profileStore.update { document throws(ProfileError) -> Outcome in
            var profile = document.profiles[name] ?? Profile()
            try profile.set(.adminURL, to: endpoints.adminURL)
            try profile.set(.adminToken, to: endpoints.accessToken)
            profile.sandbox = true
            document.profiles[name] = profile
            let currentName = document.current.flatMap { document.profiles[$0] != nil ? $0 : nil }
            if currentName == name { return .wasCurrent }
            if let currentName {
                switch current {
                case .whenNone: return .notCurrent
                case .unlessSandbox where document.profiles[currentName]?.isSandbox == true: return .kept(currentName)
                case .unlessSandbox: break
                }
            }
            document.current = name
            return .becameCurrent
        }
        switch (outcome, current) {
        case (.becameCurrent, .whenNone): return "saved in profile '\(name)' (now current)"
        case (.becameCurrent, .unlessSandbox): return "profile '\(name)', now current"
        case (.wasCurrent, _): return "profile '\(name)', current"
        case (.kept(let other), _): return "profile '\(name)'; '\(other)' stays current"
        case (.notCurrent, _): return "saved in profile '\(name)' (use it with --profile \(name) or `profile use \(name)`)"
        }
    }

    /// After ports moved since the last run: every saved profile on an old address follows,
    /// and one line says what moved and which profiles changed.
    static func follow(_ relocations: [SandboxRelocation], context: CommandContext) throws {
        guard !relocations.isEmpty else { return }
        let changed = try context.profileStore.update { document throws(ProfileError) in
            document.move(OriginMoves(relocations: relocations))
        }
        let moves = relocations.map { "\($0.role) \(port($0.from)) → \(port($0.to))" }.joined(separator: ", ")
        let profiles = changed.isEmpty ? "no saved profile used them" : "updated profile" + (changed.count == 1 ? " " : "s ")
            + changed.map { "'\($0)'" }.joined(separator: ", ")
        context.output.note("note: ports taken since the last run, the sandbox moved: \(moves); \(profiles)")
    }

    private static func port(_ origin: String) -> String {
        origin.split(separator: ":").last.map(String.init) ?? origin
    }

    static func printBanner(_ endpoints: SandboxEndpoints, reveal: Bool, profileNote: String, resumed: Bool, context: CommandContext) {
        guard !context.options.quiet else { return }
        let token = reveal ? endpoints.accessToken : SecretMask.mask(endpoints.accessToken)
        let fields = [
            ("admin portal", endpoints.adminURL),
            ("access token", "\(token)  (\(profileNote))"),
            ("model server", "\(endpoints.modelURL)  (serves \(endpoints.modelName))"),
            ("developer", "account '\(endpoints.developerAccount)' (id \(endpoints.developerAccountID))"),
        ] + (endpoints.statePath.map { [("state file", $0 + (resumed ? "  (resumed)" : "  (new)"))] } ?? [])
        let width = fields.map(\.0.count).max() ?? 0
        for (key, value) in fields {
            context.output.print(context.output.style((key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0), .bold) + " " + value)
        }
    }
}
