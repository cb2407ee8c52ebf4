import ArgumentParser
import Profiles

/// A profile as printed: secrets masked and URLs without user-info unless revealed.
struct ProfileView: Encodable {
    var name: String
    var current: Bool
    var settings: [String: String]
    /// The profile is the sandbox's (`scripts/shell` starts the sandbox for it).
    var sandbox: Bool

    init(name: String, current: Bool, profile: Profile, reveal: Bool) {
        self.name = name
        self.current = current
        self.sandbox = profile.isSandbox
        var settings: [String: String] = [:]
        for field in ProfileField.allCases {
            guard let value = profile[field] else { continue }
            settings[field.rawValue] = field.display(value, reveal: reveal)
        }
        self.settings = settings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(name, forKey: DynamicKey("name"))
        try container.encode(current, forKey: DynamicKey("current"))
        if sandbox { try container.encode(true, forKey: DynamicKey("sandbox")) }
        for (key, value) in settings {
            if key == ProfileField.insecure.rawValue {
                try container.encode(value == "true", forKey: DynamicKey(key))
            } else {
                try container.encode(value, forKey: DynamicKey(key))
            }
        }
    }
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

@Sendable func completeProfileNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    ProfileNames.fromDefaultLocation()
}

/// `profile set log <Tab>`: a switch's values, after the setting it sets.
@Sendable func completeSettingValues(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    settingValues(Array(words.prefix(index)))
}

/// The values of the setting named by the last of `words`.
func settingValues(_ words: [String]) -> [String] {
    words.last.flatMap(ProfileField.init(userName:))?.choices ?? []
}

struct ProfileCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Manage the saved profiles (gateway, key, admin portal, token).",
        subcommands: [List.self, Show.self, Use.self, Set.self, Unset.self, Remove.self, Rename.self])

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the profiles.", aliases: ["ls"])

        @Flag(help: "Show secrets in clear.") var reveal = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let document = try context.profileStore.load()
            warnAboutPermissions(context)
            let current = try context.resolvedProfile().name
            let views = document.names.map {
                ProfileView(name: $0, current: $0 == current, profile: document.profiles[$0]!, reveal: reveal)
            }
            if views.isEmpty && context.renderer.format == .table {
                context.output.print("no profiles yet: create one with `login --gateway URL` or `admin login --url URL`")
                return
            }
            try context.renderer.emit(views, table: Table(
                columns: ["", "NAME", "GATEWAY", "API-KEY", "MODEL", "ADMIN-URL", "ADMIN-TOKEN"],
                rows: views.map { view in
                    [view.current ? "*" : "", view.name] + [ProfileField.gateway, .apiKey, .model, .adminURL, .adminToken].map {
                        view.settings[$0.rawValue] ?? "-"
                    }
                }))
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one profile (the current one by default).")

        @Argument(help: ArgumentHelp("The profile to show.", valueName: "profile"), completion: .custom(completeProfileNames))
        var name: String?
        @Flag(help: "Show secrets in clear.") var reveal = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let document = try context.profileStore.load()
            warnAboutPermissions(context)
            let name = try name ?? context.resolvedProfile().name
            let view = ProfileView(name: name, current: name == document.currentName, profile: try document.profile(named: name), reveal: reveal)
            let fields = [("name", name)] + ProfileField.allCases.compactMap { field in
                view.settings[field.rawValue].map { (field.rawValue, $0) }
            } + (view.sandbox ? [("sandbox", "yes")] : [])
            try context.renderer.emitRecord(view, fields: fields)
        }
    }

    struct Use: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "use", abstract: "Make a profile the current one.")

        @Argument(help: ArgumentHelp("The profile.", valueName: "profile"), completion: .custom(completeProfileNames))
        var name: String

        func run(in context: CommandContext) async throws {
            try context.profileStore.update { document throws(ProfileError) in
                _ = try document.profile(named: name)
                document.current = name
            }
            context.interpreter.profileBecameCurrent(name)
            if !context.options.quiet { context.output.print("now using profile '\(name)'") }
        }
    }

    struct Set: ShellCommand, DeclaresSecrets {
        /// The value is secret when the setting is (or is a `$VARIABLE`, which may name one).
        static let secrets = SecretArguments(positionals: { words in
            guard let field = words.firstIndex(where: { $0.map { ProfileField(userName: $0)?.isSecret ?? false } ?? true }) else { return [] }
            return Array(words.indices.dropFirst(field + 1))
        })
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set one setting of the current profile (or --profile).",
            discussion: "Settings: \(ProfileField.allCases.map(\.rawValue).joined(separator: ", ")). A secret left out is asked for without echo.")

        @Argument(help: ArgumentHelp("The setting.", valueName: "setting"), completion: .list(ProfileField.userNames))
        var field: String
        @Argument(help: ArgumentHelp("Its value.", valueName: "setting-value"), completion: .custom(completeSettingValues))
        var value: String?
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            guard let field = ProfileField(userName: field) else { throw ValidationError(ProfileError.unknownField(name: field).description) }
            if value == nil && !field.isSecret { throw ValidationError("missing the value for \(field.rawValue)") }
        }

        func run(in context: CommandContext) async throws {
            let field = ProfileField(userName: field)!
            var text = value
            if text == nil {
                text = try await context.interpreter.input.readLine(prompt: "\(field.rawValue): ", echo: false, output: context.output)
            }
            let name = try context.resolvedProfile().name
            try ProfileDocument.validateName(name)
            try context.profileStore.update { document throws(ProfileError) in
                var profile = document.profiles[name] ?? Profile()
                try profile.set(field, to: text)
                document.profiles[name] = profile
            }
            if !context.options.quiet {
                let shown = field.display(text ?? "", reveal: false)
                context.output.print("\(name): \(field.rawValue) = \(shown)")
            }
        }
    }

    struct Unset: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "unset", abstract: "Remove one setting from the current profile (or --profile).")

        @Argument(help: ArgumentHelp("The setting.", valueName: "setting"), completion: .list(ProfileField.userNames))
        var field: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            guard ProfileField(userName: field) != nil else { throw ValidationError(ProfileError.unknownField(name: field).description) }
        }

        func run(in context: CommandContext) async throws {
            let field = ProfileField(userName: field)!
            let name = try context.resolvedProfile().name
            try context.profileStore.update { document throws(ProfileError) in
                var profile = try document.profile(named: name)
                try profile.set(field, to: nil)
                document.profiles[name] = profile
            }
            if !context.options.quiet { context.output.print("\(name): \(field.rawValue) removed") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Delete a profile.", aliases: ["rm"])

        @Argument(help: ArgumentHelp("The profile.", valueName: "profile"), completion: .custom(completeProfileNames))
        var name: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try context.profileStore.update { document throws(ProfileError) in
                _ = try document.profile(named: name)
                document.profiles[name] = nil
                if document.current == name { document.current = nil }
            }
            if !context.options.quiet { context.output.print("removed profile '\(name)'") }
        }
    }

    struct Rename: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a profile.", aliases: ["mv"])

        @Argument(help: ArgumentHelp("The profile.", valueName: "profile"), completion: .custom(completeProfileNames))
        var name: String
        @Argument(help: "Its new name.")
        var newName: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            do { try ProfileDocument.validateName(newName) } catch { throw ValidationError(error.description) }
        }

        func run(in context: CommandContext) async throws {
            try context.profileStore.update { document throws(ProfileError) in
                let profile = try document.profile(named: name)
                guard document.profiles[newName] == nil else { throw .profileExists(name: newName) }
                document.profiles[name] = nil
                document.profiles[newName] = profile
                if document.current == name { document.current = newName }
            }
            if !context.options.quiet { context.output.print("renamed profile '\(name)' to '\(newName)'") }
        }
    }
}

func warnAboutPermissions(_ context: CommandContext) {
    if let warning = context.profileStore.permissionWarning() { context.output.warn(warning) }
}
