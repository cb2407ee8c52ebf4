import ArgumentParser
import Profiles
import ThreeScaleAdmin

/// Writes settings into the chosen profile (creating it) and makes it current.
/// A secret that was not given is asked for without echo; an empty answer keeps the saved one.
private func saveLogin(
    _ context: CommandContext, settings: [(ProfileField, String?)], secret: ProfileField, secretValue: String?, label: String
) async throws {
    let name = try context.resolvedProfile().name
    try ProfileDocument.validateName(name)
    var secretText = secretValue
    if secretText == nil {
        let existing = try context.profileStore.load().profiles[name]?[secret]
        let hint = existing.map { " [keep \(SecretMask.mask($0))]" } ?? ""
        let typed = try await context.interpreter.input.readLine(prompt: "\(label)\(hint): ", echo: false, output: context.output)
        if !typed.isEmpty { secretText = typed } else if existing == nil { throw ShellError("no \(label) given") }
    }
    let finalSecret = secretText
    let sandboxOrigins = await context.interpreter.sandboxOrigins()
    try context.profileStore.update { document throws(ProfileError) in
        let before = document.profiles[name]
        var profile = before ?? Profile()
        for (field, value) in settings where value != nil {
            try profile.set(field, to: value)
        }
        if let finalSecret { try profile.set(secret, to: finalSecret) }
        SandboxMark.update(&profile, before: before, origins: sandboxOrigins)
        document.profiles[name] = profile
        document.current = name
    }
    context.interpreter.profileBecameCurrent(name)
    warnAboutPermissions(context)
    if !context.options.quiet {
        context.output.print("saved profile '\(name)' in \(context.profileStore.path) (now current)")
    }
}

struct LoginCommand: ShellCommand, DeclaresSecrets {
    static let secrets = SecretArguments(options: ["--key"])
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Save a gateway URL and API key (a consumer profile).")

    @Option(help: "The product's gateway URL (its production endpoint).")
    var gateway: String
    @Option(help: "The application's API key (asked for without echo when left out).")
    var key: String?
    @Option(help: "The default model id.")
    var model: String?
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        var probe = Profile()
        do { try probe.set(.gateway, to: gateway) } catch { throw ValidationError(error.description) }
    }

    func run(in context: CommandContext) async throws {
        try await saveLogin(context, settings: [(.gateway, gateway), (.model, model)], secret: .apiKey, secretValue: key, label: "API key")
    }
}

struct AdminCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administer 3scale: sign in to the admin portal.",
        subcommands: [Login.self])

    struct Login: ShellCommand, DeclaresSecrets {
        static let secrets = SecretArguments(options: ["--token"])
        static let configuration = CommandConfiguration(
            commandName: "login", abstract: "Save a 3scale admin portal URL and access token.")

        @Option(help: "The admin portal URL, e.g. https://3scale-admin.apps.example.com.")
        var url: String
        @Option(help: "An access token with the Account Management API scope (asked for without echo when left out).")
        var token: String?
        @Flag(help: "Read the token from the cluster's system-seed secret with `oc`, as the lab does.")
        var fromOpenshift = false
        @Option(help: "The namespace 3scale runs in (with --from-openshift).")
        var namespace = "3scale"
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            var probe = Profile()
            do { try probe.set(.adminURL, to: url) } catch { throw ValidationError(error.description) }
            if fromOpenshift && token != nil { throw ValidationError("give --token or --from-openshift, not both") }
        }

        func run(in context: CommandContext) async throws {
            var secret = token
            if fromOpenshift {
                do {
                    secret = try await OpenShiftToken.read(namespace: namespace, environment: context.environment)
                } catch {
                    throw ShellError(error.description)
                }
            }
            try await saveLogin(context, settings: [(.adminURL, url)], secret: .adminToken, secretValue: secret, label: "Access token")
        }
    }
}

struct WhoamiCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show the profile in force and where each setting comes from.")

    @Flag(help: "Show secrets in clear.") var reveal = false
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let resolved = try context.resolvedProfile()
        warnAboutPermissions(context)
        guard resolved.exists || !resolved.sources.isEmpty else {
            throw ShellError("no profile '\(resolved.name)' yet: create it with `login --gateway URL` or `admin login --url URL`")
        }
        let view = ProfileView(name: resolved.name, current: true, profile: resolved.settings, reveal: reveal)
        var fields = [("profile", resolved.name + (resolved.exists ? "" : " (not saved; from the environment)"))]
        for field in ProfileField.allCases {
            guard let value = view.settings[field.rawValue] else { continue }
            let source = resolved.sources[field].map { $0 == .profile ? "" : "  (\($0))" } ?? ""
            fields.append((field.rawValue, value + source))
        }
        if view.sandbox { fields.append(("sandbox", "yes")) }
        try context.renderer.emitRecord(view, fields: fields)
    }
}
