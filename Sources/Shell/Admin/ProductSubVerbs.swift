import ArgumentParser
import ThreeScaleAdmin
import Untrusted

/// Arguments every product sub-verb starts with.
struct ProductRef: ParsableArguments {
    @Argument(help: ArgumentHelp("The product's system name or id.", valueName: "product"), completion: .custom(noStaticValues))
    var product: String

    var object: ObjectRef { ObjectRef(product) }
}

struct ProductRulesCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "A product's mapping rules.", subcommands: [List.self, Add.self, Remove.self])

    struct Row: Encodable {
        var id: Int
        var http_method: String
        var pattern: String
        var metric: String
        var delta: Int
        var last: Bool
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the mapping rules.", aliases: ["ls"])
        @OptionGroup var ref: ProductRef
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let listing = try await AdminAccess.with(context) { try await $0.client.mappingRules(ofProduct: ref.object) }
            let rows = listing.rules.map { rule in
                Row(id: rule.id, http_method: rule.httpMethod, pattern: rule.pattern, metric: listing.metricName(of: rule),
                    delta: rule.delta, last: rule.last ?? false)
            }
            try context.renderer.emit(rows, table: Table(
                columns: ["ID", "METHOD", "PATTERN", "METRIC", "DELTA", "LAST"],
                rows: rows.map { [String($0.id), $0.http_method, $0.pattern, $0.metric, String($0.delta), $0.last ? "yes" : ""] }))
        }
    }

    struct Add: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a mapping rule (then `promote` to publish it).")
        @OptionGroup var ref: ProductRef
        @Argument(help: "The HTTP method: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS.") var httpMethod: String
        @Argument(help: "The path pattern, e.g. /v1/models or /v1/items/{id}$.") var pattern: String
        @Option(help: "The metric or method it counts (default: hits).") var metric = "hits"
        @Option(help: "How much each call counts.") var delta = 1
        @Flag(help: "Stop matching after this rule.") var last = false
        @Flag(help: ArgumentHelp(
            "When the product has a rule with this method and pattern counting this metric: keep it if its delta and last match, else fail naming them."))
        var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
            guard methods.contains(httpMethod.uppercased()) else { throw ValidationError("unknown HTTP method '\(httpMethod)'; use one of \(methods.joined(separator: ", "))") }
            guard pattern.hasPrefix("/") else { throw ValidationError("the pattern must start with '/'") }
            guard delta > 0 else { throw ValidationError("--delta must be positive") }
        }

        func run(in context: CommandContext) async throws {
            let outcome = try await AdminAccess.with(context) { access in
                try await access.client.addMappingRuleIfAbsent(
                    toProduct: ref.object, httpMethod: httpMethod, pattern: pattern, metric: metric, delta: delta, last: last)
            }
            let rule = "\(httpMethod.uppercased()) \(pattern) → \(metric)"
            let added = try ExistingObject.settle(
                outcome, what: "mapping rule \(rule) of product \(ref.product)", existOk: existOk,
                change: "`product rules remove \(ref.product) \(outcome.object.id)` and add it again", context: context)
            if added && !context.options.quiet { context.output.print("added rule \(rule); `promote \(ref.product)` publishes it") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a mapping rule by id, or by METHOD PATTERN.", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "The rule's id, or its HTTP method followed by its pattern.") var rule: [String]
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws { _ = try selector() }

        func selector() throws -> MappingRuleSelector {
            if rule.count == 1, let id = Int(rule[0]) { return .id(id) }
            guard rule.count == 2 else { throw ValidationError("give the rule's id, or METHOD PATTERN") }
            return .route(httpMethod: rule[0], pattern: rule[1])
        }

        func run(in context: CommandContext) async throws {
            let selector = try selector()
            _ = try await AdminAccess.with(context) { access in
                try await access.client.removeMappingRule(fromProduct: ref.object, matching: selector)
            }
            if !context.options.quiet { context.output.print("removed rule \(rule.joined(separator: " ")); `promote \(ref.product)` publishes the change") }
        }
    }
}

struct ProductMethodsCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "methods", abstract: "A product's methods (counted under hits).", subcommands: [List.self, Add.self, Remove.self])

    struct Row: Encodable {
        var id: Int
        var system_name: String
        var friendly_name: String
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the methods.", aliases: ["ls"])
        @OptionGroup var ref: ProductRef
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let catalog = try await AdminAccess.with(context) { try await $0.client.metricCatalog(ofProduct: ref.object) }
            let rows = catalog.methods.map {
                Row(id: $0.id, system_name: catalog.name(of: $0.id), friendly_name: $0.friendlyName)
            }
            try context.renderer.emit(rows, table: Table(
                columns: ["ID", "SYSTEM NAME", "NAME"], rows: rows.map { [String($0.id), $0.system_name, $0.friendly_name] }))
        }
    }

    struct Add: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a method.")
        @OptionGroup var ref: ProductRef
        @Argument(help: "Its system name.") var systemName: String
        @Option(help: "Its display name (default: the system name).") var name: String?
        @Flag(help: ExistingObject.help) var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let outcome = try await AdminAccess.with(context) { access in
                try await access.client.addMethodIfAbsent(toProduct: ref.object, NewMethod(systemName: systemName, friendlyName: name))
            }
            let added = try ExistingObject.settle(
                outcome, what: "method \(systemName) of product \(ref.product)", existOk: existOk, change: "`apply -f`", context: context)
            if added && !context.options.quiet { context.output.print("added method '\(systemName)'") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a method (and its mapping rules).", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "Its system name or id.") var method: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            _ = try await AdminAccess.with(context) { try await $0.client.removeMethod(fromProduct: ref.object, method) }
            if !context.options.quiet { context.output.print("removed method '\(method)'") }
        }
    }
}

struct ProductPoliciesCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "policies", abstract: "A product's policy chain.", subcommands: [List.self, Add.self, Remove.self])

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the policy chain in order.", aliases: ["ls"])
        @OptionGroup var ref: ProductRef
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let policies = try await AdminAccess.with(context) { try await $0.client.policies(ofProduct: ref.object) }
            try context.renderer.emit(policies, table: Table(
                columns: ["#", "NAME", "VERSION", "ENABLED", "CONFIGURATION"],
                rows: policies.enumerated().map { index, policy in
                    [String(index + 1), policy.name, policy.version, policy.enabled == false ? "no" : "yes", policy.configuration.description]
                }))
        }
    }

    struct Add: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a policy to the chain (before apicast unless --at).")
        @OptionGroup var ref: ProductRef
        @Argument(help: "The policy's name, e.g. cors, remove-bearer, upstream_connection.") var name: String
        @Option(help: "Its version.") var version = "builtin"
        @Option(help: "Its configuration as a JSON object.") var configuration = "{}"
        @Option(help: "Its 1-based position in the chain.") var at: Int?
        @Flag(help: ArgumentHelp(
            "When the chain has a policy of this name: keep it if its version, configuration (and --at position) match, else fail naming them."))
        var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            guard case .object? = JSONValue.parse(configuration) else { throw ValidationError("--configuration must be a JSON object") }
        }

        func run(in context: CommandContext) async throws {
            let policy = PolicyConfig(name: name, version: version, configuration: JSONValue.parse(configuration) ?? .object([:]))
            let outcome = try await AdminAccess.with(context) { try await $0.client.addPolicyIfAbsent(policy, toProduct: ref.object, at: at) }
            let added = try ExistingObject.settle(
                outcome, what: "policy \(name) of product \(ref.product)", existOk: existOk,
                change: "`product policies remove \(ref.product) \(name)` and add it again", context: context)
            if added && !context.options.quiet { context.output.print("added policy '\(name)'; `promote \(ref.product)` publishes it") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a policy from the chain.", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "The policy's name.") var name: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            _ = try await AdminAccess.with(context) { try await $0.client.removePolicy(named: name, fromProduct: ref.object) }
            if !context.options.quiet { context.output.print("removed policy '\(name)'; `promote \(ref.product)` publishes it") }
        }
    }
}

struct ProductPlansCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "plans", abstract: "A product's application plans.", subcommands: [List.self, Add.self, Remove.self])

    struct Row: Encodable {
        var id: Int
        var name: String
        var system_name: String?
        var state: String?
        var approval_required: Bool?
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the application plans.", aliases: ["ls"])
        @OptionGroup var ref: ProductRef
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let plans = try await AdminAccess.with(context) { try await $0.client.applicationPlans(ofProduct: ref.object) }
            let rows = plans.map {
                Row(id: $0.id, name: $0.name, system_name: $0.systemName, state: $0.state, approval_required: $0.approvalRequired)
            }
            try context.renderer.emit(rows, table: Table(
                columns: ["ID", "NAME", "SYSTEM NAME", "STATE", "APPROVAL"],
                rows: rows.map { [String($0.id), $0.name, $0.system_name ?? "-", $0.state ?? "-", $0.approval_required == true ? "required" : "no"] }))
        }
    }

    struct Add: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an application plan (published unless --hidden).")
        @OptionGroup var ref: ProductRef
        @Argument(help: "Its name.") var name: String
        @Flag(help: "Keep it hidden from the developer portal.") var hidden = false
        @Flag(help: "Applications need an admin's approval.") var approvalRequired = false
        @Flag(help: ExistingObject.help) var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let plan = NewApplicationPlan(name: name, approvalRequired: approvalRequired, published: !hidden)
            let outcome = try await AdminAccess.with(context) { try await $0.client.addApplicationPlanIfAbsent(toProduct: ref.object, plan) }
            let added = try ExistingObject.settle(
                outcome, what: "application plan '\(name)' of product \(ref.product)", existOk: existOk, change: "`apply -f`",
                context: context)
            if added && !context.options.quiet { context.output.print("added plan '\(name)'") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an application plan.", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "Its name, system name or id.") var plan: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            _ = try await AdminAccess.with(context) { try await $0.client.removeApplicationPlan(fromProduct: ref.object, plan) }
            if !context.options.quiet { context.output.print("removed plan '\(plan)'") }
        }
    }
}

struct ProductLimitCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit", abstract: "Limit how often a plan's applications may call a method (429 beyond it).")
    @OptionGroup var ref: ProductRef
    @Argument(help: "The application plan.") var plan: String
    @Argument(help: "The method or metric (e.g. completions, hits).") var method: String
    @Option(help: "minute, hour, day, week, month, year or eternity.") var period: LimitPeriod
    @Option(help: "How many calls per period.") var value: Int
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        guard value >= 0 else { throw ValidationError("--value must be 0 or more") }
    }

    func run(in context: CommandContext) async throws {
        _ = try await AdminAccess.with(context) { access in
            try await access.client.setLimit(product: ref.object, plan: plan, metric: method, period: period, value: value)
        }
        if !context.options.quiet { context.output.print("limit: \(value) \(method) calls per \(period.rawValue) on plan '\(plan)'") }
    }
}

extension LimitPeriod: ExpressibleByArgument {}
