import ArgumentParser
import ModelGateway
import Profiles
import ThreeScaleAdmin

struct AppCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "app", abstract: "Applications: a developer's key for a product.",
        subcommands: [List.self, Show.self, Create.self, Delete.self])

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
                let client = access.client
                var productID: Int?
                if let product { productID = try await client.productID(ObjectRef(product)) }
                if let account {
                    let accountID = try await client.accountID(ObjectRef(account))
                    return try await client.applications(accountID: accountID).filter { productID == nil || $0.serviceID == productID }
                }
                return try await client.allApplications(productID: productID)
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
            let found = try await AdminAccess.with(context) { access in try await findApp(access.client, app) }
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
            let (app, endpoint, model) = try await AdminAccess.with(context) { access in
                let client = access.client
                let accountID = try await client.accountID(ObjectRef(account))
                let productID = try await client.productID(ObjectRef(product))
                let plans = try await client.applicationPlans(productID: productID)
                let chosen: ApplicationPlan
                if let plan {
                    guard let found = plans.first(where: { $0.name == plan || $0.systemName == plan || String($0.id) == plan }) else {
                        throw ShellError("product '\(product)' has no application plan '\(plan)'; plans: \(plans.map(\.name).joined(separator: ", "))")
                    }
                    chosen = found
                } else {
                    let published = plans.filter(\.isPublished)
                    guard let only = published.count == 1 ? published.first : (plans.count == 1 ? plans.first : nil) else {
                        throw ShellError("choose an application plan with --plan: \(plans.map(\.name).joined(separator: ", "))")
                    }
                    chosen = only
                }
                let app = try await client.createApplication(accountID: accountID, planID: chosen.id, name: name)
                let endpoint = try await client.proxy(productID: productID).endpoint
                return (app, endpoint, await servedModel(client, productID: productID))
            }
            guard let key = app.userKey else { throw ShellError("the application was created (id \(app.id)) but 3scale returned no user key") }
            let view = View(application: name, id: app.id, endpoint: endpoint, model: model, api_key: reveal ? key : SecretMask.mask(key))
            var note: String?
            if let saveProfile {
                note = try save(profile: saveProfile, endpoint: endpoint, key: key, model: model, context: context)
            }
            try context.renderer.emitRecord(view, fields: [
                ("application", "\(name) (id \(app.id))"), ("endpoint", endpoint ?? "- (promote the product first)"),
                ("model", model ?? "-"), ("API key", view.api_key),
            ] + (note.map { [("profile", $0)] } ?? []))
        }

        private func save(profile name: String, endpoint: String?, key: String, model: String?, context: CommandContext) throws -> String {
            guard let endpoint else { throw ShellError("product '\(product)' has no production endpoint yet: run `promote \(product)` and then `login`") }
            let admin = try context.resolvedProfile().settings
            try context.profileStore.update { document throws(ProfileError) in
                var profile = document.profiles[name] ?? Profile()
                try profile.set(.gateway, to: endpoint)
                try profile.set(.apiKey, to: key)
                if let model { try profile.set(.model, to: model) }
                // Keep admin access from the profile in force, so one profile does both jobs.
                if profile.adminURL == nil, let url = admin.adminURL, let token = admin.adminToken {
                    try profile.set(.adminURL, to: url)
                    try profile.set(.adminToken, to: token)
                }
                document.profiles[name] = profile
                document.current = name
            }
            return "'\(name)' saved and now current"
        }
    }

    struct Delete: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an application (its key stops working).", aliases: ["rm"])
        @Argument(help: ArgumentHelp("Its id or name.", valueName: "app"), completion: .custom(noStaticValues)) var app: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let found = try await findApp(access.client, app)
                guard let accountID = found.accountID else { throw ShellError("application \(found.id) has no account") }
                try await access.client.deleteApplication(accountID: accountID, id: found.id)
            }
            if !context.options.quiet { context.output.print("deleted application '\(app)'") }
        }
    }
}

private func findApp(_ client: AdminClient, _ ref: String) async throws -> Application {
    let apps = try await client.allApplications()
    let matches = apps.filter { String($0.id) == ref || $0.name == ref }
    guard let app = matches.first else { throw ShellError("no application '\(ref)'") }
    guard matches.count == 1 else {
        throw ShellError("\(matches.count) applications are named '\(ref)'; use an id: \(matches.map { String($0.id) }.joined(separator: ", "))")
    }
    return app
}

/// The model the product's backend serves, asked straight from its private URL; nil when unreachable.
private func servedModel(_ client: AdminClient, productID: Int) async -> String? {
    guard let usage = try? await client.backendUsages(productID: productID).first,
          let backend = try? await client.backend(.id(usage.backendID)), let url = backend.privateEndpoint,
          let gateway = try? GatewayClient(configuration: GatewayConfiguration(baseURL: url, connectTimeout: .seconds(3), readTimeout: .seconds(5)))
    else { return nil }
    let models = try? await gateway.models()
    try? await gateway.shutdown()
    return models?.first?.id
}
