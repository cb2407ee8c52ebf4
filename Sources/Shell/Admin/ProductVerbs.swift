import ArgumentParser
import ThreeScaleAdmin
import Untrusted

struct ProductCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "3scale products: what consumers subscribe to (methods, rules, policies, plans).",
        subcommands: [List.self, Show.self, Create.self, Update.self, Delete.self,
                      ProductRulesCommand.self, ProductMethodsCommand.self, ProductPoliciesCommand.self,
                      ProductPlansCommand.self, ProductLimitCommand.self, ProductImportCommand.self])

    struct Row: Encodable {
        var id: Int
        var name: String
        var system_name: String
        var state: String?
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the products.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let products = try await AdminAccess.with(context) { try await $0.client.listProducts() }
            context.interpreter.remember(products.map(\.systemName), for: "product")
            let rows = products.map { Row(id: $0.id, name: $0.name, system_name: $0.systemName, state: $0.state) }
            try context.renderer.emit(rows, table: Table(
                columns: ["ID", "SYSTEM NAME", "NAME", "STATE"],
                rows: rows.map { [String($0.id), $0.system_name, $0.name, $0.state ?? "-"] }))
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a product: endpoints, authentication, backends, policies, plans.")
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "product"), completion: .custom(noStaticValues))
        var product: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        struct View: Encodable {
            var id: Int
            var name: String
            var system_name: String
            var staging_endpoint: String?
            var production_endpoint: String?
            var credentials: String?
            var backends: [String]
            var policies: [String]
            var plans: [String]
            var rules: Int
        }

        func run(in context: CommandContext) async throws {
            let overview = try await AdminAccess.with(context) { try await $0.client.productOverview(ObjectRef(product)) }
            let proxy = overview.proxy
            let view = View(
                id: overview.product.id, name: overview.product.name, system_name: overview.product.systemName,
                staging_endpoint: overview.gateway.staging, production_endpoint: overview.gateway.production,
                credentials: proxy.authUserKey.map { "\($0) (\(proxy.credentialsLocation ?? "headers"))" },
                backends: overview.backends.map { "\($0.name) at \($0.path)" },
                policies: (proxy.policiesConfig ?? []).map(\.name),
                plans: overview.plans.map { $0.name + ($0.isPublished ? "" : " (hidden)") },
                rules: overview.mappingRuleCount)
            try context.renderer.emitRecord(view, fields: [
                ("id", String(view.id)), ("name", view.name), ("system name", view.system_name),
                ("staging", view.staging_endpoint ?? "-"), ("production", view.production_endpoint ?? "-"),
                ("user key", view.credentials ?? "-"), ("backends", view.backends.joined(separator: ", ")),
                ("policies", view.policies.joined(separator: " → ")), ("plans", view.plans.joined(separator: ", ")),
                ("mapping rules", String(view.rules)),
            ])
        }
    }

    struct Create: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a product in front of a backend (--preset vllm: the lab's Product).")
        @Argument(help: "Its name.") var name: String
        @Option(help: ArgumentHelp("The backend it routes to.", valueName: "backend"), completion: .custom(noStaticValues))
        var backend: String
        @Option(help: "The path the backend is mounted at.") var path = "/"
        @Option(help: "vllm: the eight vLLM endpoints, key in the Authorization header, cors/remove-bearer/apicast/upstream_connection, a published plan.")
        var preset: Preset?
        @Option(help: ArgumentHelp("Where the key is read: header:NAME or query:NAME.", valueName: "where:name"))
        var auth: String?
        @Option(help: "The application plan to create (the vllm preset's default: Standard Plan).") var plan: String?
        @Option(help: "Its system name (default: from the name).") var systemName: String?
        @Flag(help: ExistingObject.help) var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        enum Preset: String, ExpressibleByArgument, CaseIterable { case vllm }

        func validate() throws { _ = try authentication() }

        func authentication() throws -> UserKeyAuthenticationSpec? {
            guard let auth else { return nil }
            let parts = auth.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["header", "query"].contains(parts[0]), !parts[1].isEmpty else {
                throw ValidationError("--auth takes header:NAME or query:NAME, e.g. header:Authorization")
            }
            return UserKeyAuthenticationSpec(authUserKey: parts[1], credentials: parts[0] == "header" ? "headers" : "query")
        }

        var resource: ProductResource {
            get throws {
                var product: ProductResource
                if preset == .vllm {
                    product = ProductPreset.vllm(name: name, systemName: systemName ?? defaultCLISystemName(name), backend: backend, backendPath: path,
                                                 planName: plan ?? "Standard Plan")
                } else {
                    var spec = ProductSpec(name: name, systemName: systemName ?? defaultCLISystemName(name))
                    spec.backendUsages = [backend: BackendUsageSpec(path: path)]
                    if let plan { spec.applicationPlans = [plan.lowercased().filter { $0.isLetter || $0.isNumber }: ApplicationPlanSpec(name: plan, appsRequireApproval: false, published: true)] }
                    product = ProductResource(metadata: ObjectMeta(name: spec.effectiveSystemName.replacingOccurrences(of: "_", with: "-")), spec: spec)
                }
                if let userKey = try authentication() {
                    product.spec.deployment = DeploymentSpec(apicastHosted: ApicastHostedSpec(authentication: AuthenticationSpec(userkey: userKey)))
                }
                return product
            }
        }

        func run(in context: CommandContext) async throws {
            let product = try resource
            let system = product.spec.effectiveSystemName
            let (created, endpoint) = try await AdminAccess.with(context) { access -> (Bool, String?) in
                guard try await Reconciliation(access: access).create(
                    ResourceSet([.product(product)]), what: "product \(system)", existOk: existOk,
                    change: "`product update`, the product sub-verbs or `apply -f`")
                else { return (false, nil) }
                return (true, try await access.client.gateway(ofProduct: .name(system)).staging)
            }
            if created && !context.options.quiet {
                context.output.print("created product '\(system)'; staging gateway: \(endpoint ?? "-") (run `promote \(system)` for production)")
            }
        }
    }

    struct Update: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a product's name or description.")
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "product"), completion: .custom(noStaticValues))
        var product: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new description.") var description: String?
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if name == nil && description == nil { throw ValidationError("give --name or --description") }
        }

        func run(in context: CommandContext) async throws {
            let changes = ProductChanges(name: name, description: description)
            let updated = try await AdminAccess.with(context) { access in
                try await access.client.updateProduct(id: try await access.client.productID(ObjectRef(product)), changes)
            }
            if !context.options.quiet { context.output.print("updated product '\(updated.systemName)'") }
        }
    }

    struct Delete: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a product with its plans and applications.", aliases: ["rm"])
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "product"), completion: .custom(noStaticValues))
        var product: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                try await access.client.deleteProduct(id: try await access.client.productID(ObjectRef(product)))
            }
            if !context.options.quiet { context.output.print("deleted product '\(product)'") }
        }
    }
}

struct PromoteCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Deploy a product's configuration to staging, then promote it to production.")
    @Argument(help: ArgumentHelp("The product's system name or id.", valueName: "product"), completion: .custom(noStaticValues))
    var product: String
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    struct View: Encodable {
        var staging_version: Int?
        var production_version: Int?
        var production_endpoint: String?
        var changed: Bool
    }

    func run(in context: CommandContext) async throws {
        let promotion = try await AdminAccess.with(context) { try await $0.client.promote(product: ObjectRef(product)) }
        let view = View(
            staging_version: promotion.stagingVersion, production_version: promotion.productionVersion,
            production_endpoint: promotion.productionEndpoint, changed: promotion.promoted)
        if (context.options.output ?? .table) == .table {
            let state = view.changed ? "promoted" : "production was already current: nothing to promote"
            context.output.print("\(state): staging v\(view.staging_version.map(String.init) ?? "-"), production v\(view.production_version.map(String.init) ?? "-")")
            context.output.print("production gateway: \(view.production_endpoint ?? "-")")
        } else {
            try context.renderer.emit(view, table: Table(columns: [], rows: []))
        }
    }
}

struct PortalCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "portal", abstract: "The developer portal.", subcommands: [Access.self])

    struct Access: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "access", abstract: "Open the developer portal to everyone (--open) or protect it with an access code.")
        @Flag(help: "Remove the access code, as the lab does.") var open = false
        @Option(help: "Require this access code.") var code: String?
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if open == (code != nil) { throw ValidationError("give exactly one of --open and --code CODE") }
        }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                _ = try await access.client.updateProviderAccount(siteAccessCode: code ?? "")
            }
            if !context.options.quiet {
                context.output.print(open ? "the developer portal is open: no access code" : "the developer portal now asks for an access code")
            }
        }
    }
}
