import ArgumentParser
import Profiles
import ThreeScaleAdmin

/// An application after its creation: a new key, suspended and resumed, another plan.
extension AppCommand {
    /// The application argument every lifecycle verb takes.
    struct AppRef: ParsableArguments {
        @Argument(help: ArgumentHelp("Its id or name.", valueName: "app"), completion: .custom(noStaticValues))
        var app: String
    }

    struct Key: CommandGroup {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: "An application's API key.", subcommands: [Regenerate.self])
    }

    struct Regenerate: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "regenerate",
            abstract: "Give an application a new API key; the old one is refused at the gateway at once.",
            discussion: "Every saved profile that called the product's gateway with the old key gets the new one. With --save-profile NAME, also writes a consumer profile (as `app create --save-profile` does) and makes it current.")
        @OptionGroup var ref: AppRef
        @Option(help: "Save a consumer profile with this name.") var saveProfile: String?
        @Flag(help: "Show the new key in clear.") var reveal = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if let saveProfile { do { try ProfileDocument.validateName(saveProfile) } catch { throw ValidationError(error.description) } }
        }

        struct View: Encodable {
            var application: String?
            var id: Int
            var api_key: String
            var profiles_updated: [String]
        }

        func run(in context: CommandContext) async throws {
            let rotated = try await AdminAccess.with(context) { try await $0.client.regenerateKey(ofApplication: ref.app) }
            let app = rotated.application
            // The old key is dead from here on: every profile holding it gets the new one, even if saving another fails.
            var updated = try ConsumerProfile.replaceKey(rotated.previousKey, with: rotated.newKey, on: rotated.gateway, context: context)
            var notes = [updated.isEmpty
                ? "no saved profile held the old key"
                : "\(updated.map { "'\($0)'" }.joined(separator: ", ")) now hold\(updated.count == 1 ? "s" : "") the new key"]
            if let saveProfile {
                var consumer = ConsumerSettings.make(for: rotated.gateway, key: rotated.newKey, admin: try context.resolvedProfile().settings)
                if consumer.gateway != nil, case .model(let served) = await GatewayModelProbe.servedModel(consumer, logger: context.logger) {
                    consumer.model = served
                }
                notes.append(try await ConsumerProfile.save(
                    saveProfile, consumer, product: app.serviceName ?? app.serviceID.map(String.init) ?? ref.app, context: context))
                if !updated.contains(saveProfile) { updated = (updated + [saveProfile]).sorted() }
            }
            let shown = reveal ? rotated.newKey : SecretMask.mask(rotated.newKey)
            let view = View(application: app.name, id: app.id, api_key: shown, profiles_updated: updated)
            try context.renderer.emitRecord(view, fields: [
                ("application", "\(app.name ?? "-") (id \(app.id))"), ("API key", shown), ("profiles", notes.joined(separator: "; ")),
            ])
        }
    }

    struct StateView: Encodable {
        var application: String?
        var id: Int
        var state: String?
        var changed: Bool
    }

    struct Suspend: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend", abstract: "Suspend an application: its key is refused at the gateway until `app resume`.")
        @OptionGroup var ref: AppRef
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let change = try await AdminAccess.with(context) { try await $0.client.suspendApplication(ref.app) }
            try emit(change, meaning: "its key is refused at the gateway until `app resume \(ref.app)`", context: context)
        }
    }

    struct Resume: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a suspended application: its key works again.")
        @OptionGroup var ref: AppRef
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let change = try await AdminAccess.with(context) { try await $0.client.resumeApplication(ref.app) }
            try emit(change, meaning: "its key works again", context: context)
        }
    }

    static func emit(_ change: ApplicationStateChange, meaning: String, context: CommandContext) throws {
        let app = change.application
        let state = app.state ?? "-"
        try context.renderer.emitRecord(StateView(application: app.name, id: app.id, state: app.state, changed: change.changed), fields: [
            ("application", "\(app.name ?? "-") (id \(app.id))"),
            ("state", change.changed ? "\(state): \(meaning)" : "\(state) (already; nothing changed)"),
        ])
    }

    struct ChangePlan: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Move an application to another plan of its product; the new plan's limits apply from the next call.")
        @OptionGroup var ref: AppRef
        @Argument(help: ArgumentHelp("The plan's name, system name or id.", valueName: "plan")) var plan: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        struct View: Encodable {
            var application: String?
            var id: Int
            var previous_plan: String?
            var plan: String
            var changed: Bool
        }

        func run(in context: CommandContext) async throws {
            let change = try await AdminAccess.with(context) { try await $0.client.changePlan(ofApplication: ref.app, to: plan) }
            let app = change.application
            let previous = change.previous?.name ?? app.planName
            let shown = change.changed ? "\(previous ?? "-") → \(change.plan.name)" : "\(change.plan.name) (already; nothing changed)"
            try context.renderer.emitRecord(
                View(application: app.name, id: app.id, previous_plan: previous, plan: change.plan.name, changed: change.changed),
                fields: [("application", "\(app.name ?? "-") (id \(app.id))"), ("plan", shown)])
        }
    }
}
