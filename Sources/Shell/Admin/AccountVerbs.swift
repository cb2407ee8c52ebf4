import ArgumentParser
import ThreeScaleAdmin

struct AccountCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Developer accounts (the lab's user1).", subcommands: [List.self, Show.self, Create.self])

    struct Row: Encodable {
        var id: Int
        var org_name: String?
        var state: String?
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the developer accounts.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let accounts = try await AdminAccess.with(context) { try await $0.client.accounts() }
            context.interpreter.remember(accounts.compactMap(\.orgName), for: "account")
            try Self.emit(accounts, renderer: context.renderer)
        }

        static func emit(_ accounts: [Account], renderer: Renderer) throws {
            let rows = accounts.map { Row(id: $0.id, org_name: $0.orgName, state: $0.state) }
            try renderer.emit(rows, table: Table(
                columns: ["ID", "ORGANIZATION", "STATE"], rows: rows.map { [String($0.id), $0.org_name ?? "-", $0.state ?? "-"] }))
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an account, its users and subscriptions.")
        @Argument(help: ArgumentHelp("Its organization, a user's name, or its id.", valueName: "account"), completion: .custom(noStaticValues))
        var account: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        struct View: Encodable {
            var id: Int
            var org_name: String?
            var state: String?
            var users: [String]
            var subscriptions: [Int]
        }

        func run(in context: CommandContext) async throws {
            let view = try await AdminAccess.with(context) { access in
                let id = try await access.client.accountID(ObjectRef(account))
                async let account = access.client.account(id: id)
                async let users = access.client.users(accountID: id)
                async let subscriptions = access.client.serviceSubscriptions(accountID: id)
                let found = try await account
                return View(id: id, org_name: found.orgName, state: found.state,
                            users: try await users.map(\.username), subscriptions: try await subscriptions.compactMap(\.serviceID))
            }
            try context.renderer.emitRecord(view, fields: [
                ("id", String(view.id)), ("organization", view.org_name ?? "-"), ("state", view.state ?? "-"),
                ("users", view.users.joined(separator: ", ")),
                ("subscribed products", view.subscriptions.isEmpty ? "none" : view.subscriptions.map { "#\($0)" }.joined(separator: ", ")),
            ])
        }
    }

    struct Create: ShellCommand, DeclaresSecrets {
        static let secrets = SecretArguments(options: ["--password"])
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Sign up a developer account with its first user.")
        @Argument(help: "The organization's name.") var orgName: String
        @Option(help: "The first user's name.") var username: String
        @Option(help: "The first user's e-mail.") var email: String
        @Option(help: "Its password (asked for without echo when left out; empty for none).") var password: String?
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            var secret = password
            if secret == nil, context.interpreter.input.isTerminal {
                secret = try await context.interpreter.input.readLine(prompt: "Password (empty for none): ", echo: false, output: context.output)
            }
            let chosen = secret.flatMap { $0.isEmpty ? nil : $0 }
            let account = try await AdminAccess.with(context) { access in
                try await access.client.signup(orgName: orgName, username: username, email: email, password: chosen)
            }
            if !context.options.quiet { context.output.print("created account '\(orgName)' (id \(account.id)) with user '\(username)'") }
        }
    }
}

/// The service plan to subscribe with: the named one, else the product's default, else `Default`, else the only one.
private func servicePlan(_ client: AdminClient, productID: Int, named name: String?) async throws -> ServicePlan {
    let plans = try await client.servicePlans(productID: productID)
    let chosen = name.map { wanted in plans.first { $0.name == wanted || $0.systemName == wanted || String($0.id) == wanted } }
        ?? plans.first { $0.isDefault == true } ?? plans.first { $0.name == "Default" } ?? (plans.count == 1 ? plans.first : nil)
    guard let chosen else {
        throw ShellError("choose a service plan with --plan: \(plans.map(\.name).joined(separator: ", "))")
    }
    return chosen
}

struct SubscribeCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe", abstract: "Subscribe a developer account to a product (a service subscription).")
    @Argument(help: ArgumentHelp("The account (organization, user name or id).", valueName: "account"), completion: .custom(noStaticValues))
    var account: String
    @Argument(help: ArgumentHelp("The product.", valueName: "product"), completion: .custom(noStaticValues))
    var product: String
    @Option(help: "The service plan (default: the product's default plan).") var plan: String?
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let message = try await AdminAccess.with(context) { access in
            let client = access.client
            let accountID = try await client.accountID(ObjectRef(account))
            let productID = try await client.productID(ObjectRef(product))
            let chosen = try await servicePlan(client, productID: productID, named: plan)
            let current = try await client.serviceSubscriptions(accountID: accountID)
            if current.contains(where: { $0.planID == chosen.id || $0.serviceID == productID }) {
                return "'\(account)' is already subscribed to '\(product)'"
            }
            _ = try await client.subscribe(accountID: accountID, servicePlanID: chosen.id)
            return "subscribed '\(account)' to '\(product)' (service plan '\(chosen.name)')"
        }
        if !context.options.quiet { context.output.print(message) }
    }
}

struct UnsubscribeCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "unsubscribe", abstract: "End a developer account's subscription to a product.")
    @Argument(help: ArgumentHelp("The account.", valueName: "account"), completion: .custom(noStaticValues)) var account: String
    @Argument(help: ArgumentHelp("The product.", valueName: "product"), completion: .custom(noStaticValues)) var product: String
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        try await AdminAccess.with(context) { access in
            let client = access.client
            let accountID = try await client.accountID(ObjectRef(account))
            let productID = try await client.productID(ObjectRef(product))
            let planIDs = Set(try await client.servicePlans(productID: productID).map(\.id))
            guard let subscription = try await client.serviceSubscriptions(accountID: accountID).first(where: {
                $0.serviceID == productID || planIDs.contains($0.planID)
            }) else { throw ShellError("'\(account)' is not subscribed to '\(product)'") }
            try await client.unsubscribe(accountID: accountID, subscriptionID: subscription.id)
        }
        if !context.options.quiet { context.output.print("unsubscribed '\(account)' from '\(product)'") }
    }
}
