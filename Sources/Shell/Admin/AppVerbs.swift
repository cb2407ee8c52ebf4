import ArgumentParser
import ModelGateway
import Profiles
import ThreeScaleAdmin

struct AppCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "app", abstract: "Applications: a developer's key for a product.",
        subcommands: [List.self, Show.self, Create.self, Delete.self, Key.self, Suspend.self, Resume.self, ChangePlan.self])

    struct Row: Encodable {
        var id: Int
        var name: String?
        var account: String?
        var product: String?
        var plan: String?
        var state: String?
        var user_key: String?

        init(_ app: Application, reveal: Bool) {
            id = app.id
            name = app.name
            account = app.orgName ?? app.accountID.map { "#\($0)" }
            product = app.serviceName ?? app.serviceID.map { "#\($0)" }
            plan = app.planName ?? app.planID.map { "#\($0)" }
            state = app.state
            user_key = app.userKey.map { reveal ? $0 : SecretMask.mask($0) }
        }
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List applications.", aliases: ["ls"])
        @Option(help: ArgumentHelp("Only this account's.", valueName: "account"), completion: .custom(noStaticValues)) var account: String?
        @Option(help: ArgumentHelp("Only this product's.", valueName: "product"), completion: .custom(noStaticValues)) var product: String?
        @Flag(help: "Show keys in clear.") var reveal = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let apps = try await AdminAccess.with(context) { access in
                try await access.client.applications(account: account.map(ObjectRef.init), product: product.map(ObjectRef.init))
            }
            context.interpreter.remember(apps.compactMap(\.name), for: "app")
            let rows = apps.map { Row($0, reveal: reveal) }
            let cells: [[String]] = rows.map { row in
                let fields: [String?] = [row.name, row.account, row.product, row.plan, row.state, row.user_key]
                return [String(row.id)] + fields.map { $0 ?? "-" }
            }
            try context.renderer.emit(rows, table: Table(columns: ["ID", "NAME", "ACCOUNT", "PRODUCT", "PLAN", "STATE", "KEY"], rows: cells))
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an application by id or name.")
        @Argument(help: ArgumentHelp("Its id or name.", valueName: "app"), completion: .custom(noStaticValues)) var app: String
        @Flag(help: "Show the key in clear.") var reveal = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let found = try await AdminAccess.with(context) { try await $0.client.application(app) }
            let row = Row(found, reveal: reveal)
            try context.renderer.emitRecord(row, fields: [
                ("id", String(row.id)), ("name", row.name ?? "-"), ("account", row.account ?? "-"), ("product", row.product ?? "-"),
                ("plan", row.plan ?? "-"), ("state", row.state ?? "-"), ("API key", row.user_key ?? "-"),
            ])
        }
    }

    struct Create: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an application: what the developer portal shows (endpoint, model, API key).",
            discussion: "With --save-profile NAME, writes a consumer profile (the product's production gateway, the key, the model) and makes it current, so `complete` works straight after.")
        @Argument(help: ArgumentHelp("The developer account.", valueName: "account"), completion: .custom(noStaticValues)) var account: String
        @Argument(help: ArgumentHelp("The product.", valueName: "product"), completion: .custom(noStaticValues)) var product: String
        @Option(help: "The application's name.") var name: String
        @Option(help: "The application plan (default: the product's only published plan).") var plan: String?
        @Option(help: "Save a consumer profile with this name.") var saveProfile: String?
        @Flag(help: "Show the key in clear.") var reveal = false
        @Flag(help: "When the account has an application of this name for the product on the same plan, use it and its key (on another plan: an error), so a script can run twice.")
        var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if let saveProfile { do { try ProfileDocument.validateName(saveProfile) } catch { throw ValidationError(error.description) } }
        }

        struct View: Encodable {
            var application: String
            var id: Int
            var endpoint: String?
            var model: String?
            var api_key: String
        }

        func run(in context: CommandContext) async throws {
            let outcome = try await AdminAccess.with(context) { access in
                try await access.client.issueApplicationIfAbsent(account: ObjectRef(account), product: ObjectRef(product), plan: plan, name: name)
            }
            let issued = outcome.object
            let app = issued.application
            try ExistingObject.settle(
                outcome, what: "application '\(name)' of \(account) for \(product) (id \(app.id))", existOk: existOk,
                change: "`app delete \(app.id)` first, or another --name", context: context)
            guard let key = app.userKey else { throw ShellError("the application was created (id \(app.id)) but 3scale returned no user key") }
            let endpoint = issued.gateway.production
            let consumer = ConsumerSettings.make(for: issued.gateway, key: key, admin: try context.resolvedProfile().settings)
            var model: String?
            if endpoint != nil {
                switch await GatewayModelProbe.servedModel(consumer, logger: context.logger) {
                case .model(let served): model = served
                case .unknown(let reason): context.output.note("note: \(reason); set one with `profile set model NAME`")
                }
            }
            let view = View(application: name, id: app.id, endpoint: endpoint, model: model, api_key: reveal ? key : SecretMask.mask(key))
            var note: String?
            if let saveProfile {
                var settings = consumer
                settings.model = model
                note = try await ConsumerProfile.save(saveProfile, settings, product: product, context: context)
            }
            try context.renderer.emitRecord(view, fields: [
                ("application", "\(name) (id \(app.id))"), ("endpoint", endpoint ?? "- (promote the product first)"),
                ("model", model ?? "-"), ("API key", view.api_key),
            ] + (note.map { [("profile", $0)] } ?? []))
        }
    }

    struct Delete: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an application (its key stops working).", aliases: ["rm"])
        @Argument(help: ArgumentHelp("Its id or name.", valueName: "app"), completion: .custom(noStaticValues)) var app: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            _ = try await AdminAccess.with(context) { try await $0.client.deleteApplication(app) }
            if !context.options.quiet { context.output.print("deleted application '\(app)'") }
        }
    }
}
