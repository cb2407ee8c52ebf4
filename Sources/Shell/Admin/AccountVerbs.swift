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
            let overview = try await AdminAccess.with(context) { try await $0.client.accountOverview(ObjectRef(account)) }
            let view = View(id: overview.account.id, org_name: overview.account.orgName, state: overview.account.state,
                            users: overview.usernames, subscriptions: overview.subscribedProductIDs)
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
        @Flag(help: ExistingObject.help) var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            var secret = password
            if secret == nil, context.interpreter.input.isTerminal {
                secret = try await context.interpreter.input.readLine(prompt: "Password (empty for none): ", echo: false, output: context.output)
            }
            let chosen = secret.flatMap { $0.isEmpty ? nil : $0 }
            let outcome = try await AdminAccess.with(context) { access in
                try await access.client.signupIfAbsent(orgName: orgName, username: username, email: email, password: chosen)
            }
            // A password cannot be read back, so it is not compared.
            let created = try ExistingObject.settle(
                outcome, what: "account \(orgName)", existOk: existOk, change: "the admin portal, or another organization name",
                context: context)
            if created && !context.options.quiet {
                context.output.print("created account '\(orgName)' (id \(outcome.object.id)) with user '\(username)'")
            }
        }
    }
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
        let outcome = try await AdminAccess.with(context) { access in
            try await access.client.subscribe(account: ObjectRef(account), product: ObjectRef(product), servicePlan: plan)
        }
        guard !context.options.quiet else { return }
        switch outcome {
        case .alreadySubscribed:
            context.output.print("'\(account)' is already subscribed to '\(product)'")
        case .subscribed(let servicePlan):
            context.output.print("subscribed '\(account)' to '\(product)' (service plan '\(servicePlan.name)')")
        }
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
            try await access.client.unsubscribe(account: ObjectRef(account), product: ObjectRef(product))
        }
        if !context.options.quiet { context.output.print("unsubscribed '\(account)' from '\(product)'") }
    }
}
