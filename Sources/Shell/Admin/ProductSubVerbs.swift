import ArgumentParser
import Foundation
import ThreeScaleAdmin
import Untrusted

/// Arguments every product sub-verb starts with.
struct ProductRef: ParsableArguments {
    @Argument(help: ArgumentHelp("The product's system name or id.", valueName: "product"), completion: .custom(noStaticValues))
    var product: String
}

/// Resolves the product and its `hits` metric, the parent of methods.
private func productAndHits(_ client: AdminClient, _ product: String) async throws -> (id: Int, hits: Int) {
    let id = try await client.productID(ObjectRef(product))
    return (id, try await client.hitsID(of: .product(id: id)))
}

/// A product's metrics and methods together: what mapping rules and limits point at.
private struct ProductMetrics {
    let productID: Int
    let owner: MetricOwner
    let all: [Metric]

    static func fetch(_ client: AdminClient, _ product: String) async throws -> ProductMetrics {
        let (id, hits) = try await productAndHits(client, product)
        let owner = MetricOwner.product(id: id)
        return ProductMetrics(productID: id, owner: owner,
                              all: try await client.metrics(of: owner) + client.methods(of: owner, hitsID: hits))
    }

    /// By id or system name (as written, or without 3scale's `.ID` suffix).
    func find(_ name: String, product: String) throws -> Metric {
        guard let metric = all.first(where: { String($0.id) == name || $0.systemName == name || owner.sanitize($0.systemName) == name }) else {
            throw ShellError("product '\(product)' has no metric or method '\(name)'; see `product methods list \(product)`")
        }
        return metric
    }
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
            let rows = try await AdminAccess.with(context) { access in
                let metrics = try await ProductMetrics.fetch(access.client, ref.product)
                return try await access.client.mappingRules(of: metrics.owner).map { rule in
                    Row(id: rule.id, http_method: rule.httpMethod, pattern: rule.pattern,
                        metric: metrics.all.first { $0.id == rule.metricID }?.systemName ?? "#\(rule.metricID)",
                        delta: rule.delta, last: rule.last ?? false)
                }
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
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
            guard methods.contains(httpMethod.uppercased()) else { throw ValidationError("unknown HTTP method '\(httpMethod)'; use one of \(methods.joined(separator: ", "))") }
            guard pattern.hasPrefix("/") else { throw ValidationError("the pattern must start with '/'") }
            guard delta > 0 else { throw ValidationError("--delta must be positive") }
        }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let metrics = try await ProductMetrics.fetch(access.client, ref.product)
                let target = try metrics.find(metric, product: ref.product)
                var form: FormBody = ["http_method": httpMethod.uppercased(), "pattern": pattern, "delta": String(delta), "metric_id": String(target.id)]
                form.append("last", last ? true : nil)
                _ = try await access.client.createMappingRule(of: metrics.owner, form)
            }
            if !context.options.quiet { context.output.print("added rule \(httpMethod.uppercased()) \(pattern) → \(metric); `promote \(ref.product)` publishes it") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a mapping rule by id, or by METHOD PATTERN.", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "The rule's id, or its HTTP method followed by its pattern.") var rule: [String]
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            guard rule.count == 1 && Int(rule[0]) != nil || rule.count == 2 else { throw ValidationError("give the rule's id, or METHOD PATTERN") }
        }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let id = try await access.client.productID(ObjectRef(ref.product))
                let owner = MetricOwner.product(id: id)
                let rules = try await access.client.mappingRules(of: owner)
                let match = rule.count == 1
                    ? rules.first { String($0.id) == rule[0] }
                    : rules.first { $0.httpMethod == rule[0].uppercased() && $0.pattern == rule[1] }
                guard let match else { throw ShellError("product '\(ref.product)' has no mapping rule \(rule.joined(separator: " "))") }
                try await access.client.deleteMappingRule(of: owner, id: match.id)
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
            let rows = try await AdminAccess.with(context) { access in
                let (id, hits) = try await productAndHits(access.client, ref.product)
                let owner = MetricOwner.product(id: id)
                return try await access.client.methods(of: owner, hitsID: hits).map {
                    Row(id: $0.id, system_name: owner.sanitize($0.systemName), friendly_name: $0.friendlyName)
                }
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
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let (id, hits) = try await productAndHits(access.client, ref.product)
                _ = try await access.client.createMethod(of: .product(id: id), hitsID: hits,
                                                         ["system_name": systemName, "friendly_name": name ?? systemName])
            }
            if !context.options.quiet { context.output.print("added method '\(systemName)'") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a method (and its mapping rules).", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "Its system name or id.") var method: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let (id, hits) = try await productAndHits(access.client, ref.product)
                let owner = MetricOwner.product(id: id)
                guard let found = try await access.client.methods(of: owner, hitsID: hits).first(where: {
                    String($0.id) == method || owner.sanitize($0.systemName) == method
                }) else { throw ShellError("product '\(ref.product)' has no method '\(method)'") }
                try await access.client.deleteMethod(of: owner, hitsID: hits, id: found.id)
            }
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
            let policies = try await AdminAccess.with(context) { access in
                try await access.client.policies(productID: try await access.client.productID(ObjectRef(ref.product)))
            }
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
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            guard case .object? = JSONValue.parse(configuration) else { throw ValidationError("--configuration must be a JSON object") }
        }

        func run(in context: CommandContext) async throws {
            let policy = PolicyConfig(name: name, version: version, configuration: JSONValue.parse(configuration) ?? .object([:]))
            try await AdminAccess.with(context) { access in
                let id = try await access.client.productID(ObjectRef(ref.product))
                var chain = try await access.client.policies(productID: id)
                let position = at.map { min(max($0 - 1, 0), chain.count) } ?? chain.firstIndex { $0.name == "apicast" } ?? chain.count
                chain.insert(policy, at: position)
                _ = try await access.client.updatePolicies(productID: id, chain)
            }
            if !context.options.quiet { context.output.print("added policy '\(name)'; `promote \(ref.product)` publishes it") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a policy from the chain.", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "The policy's name.") var name: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let id = try await access.client.productID(ObjectRef(ref.product))
                let chain = try await access.client.policies(productID: id)
                guard chain.contains(where: { $0.name == name }) else { throw ShellError("product '\(ref.product)' has no policy '\(name)'") }
                _ = try await access.client.updatePolicies(productID: id, chain.filter { $0.name != name })
            }
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
            let rows = try await AdminAccess.with(context) { access in
                try await access.client.applicationPlans(productID: try await access.client.productID(ObjectRef(ref.product))).map {
                    Row(id: $0.id, name: $0.name, system_name: $0.systemName, state: $0.state, approval_required: $0.approvalRequired)
                }
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
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                var form: FormBody = ["name": name, "approval_required": approvalRequired ? "true" : "false"]
                form.append("state_event", hidden ? nil : "publish")
                _ = try await access.client.createApplicationPlan(productID: try await access.client.productID(ObjectRef(ref.product)), form)
            }
            if !context.options.quiet { context.output.print("added plan '\(name)'") }
        }
    }

    struct Remove: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an application plan.", aliases: ["rm"])
        @OptionGroup var ref: ProductRef
        @Argument(help: "Its name, system name or id.") var plan: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let id = try await access.client.productID(ObjectRef(ref.product))
                try await access.client.deleteApplicationPlan(productID: id, id: try await planID(access.client, productID: id, plan))
            }
            if !context.options.quiet { context.output.print("removed plan '\(plan)'") }
        }
    }
}

/// A plan by id, system name or display name.
func planID(_ client: AdminClient, productID: Int, _ plan: String) async throws -> Int {
    let plans = try await client.applicationPlans(productID: productID)
    guard let found = plans.first(where: { String($0.id) == plan || $0.systemName == plan || $0.name == plan }) else {
        throw ShellError("no application plan '\(plan)'; plans: \(plans.map(\.name).joined(separator: ", "))")
    }
    return found.id
}

struct ProductLimitCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit", abstract: "Limit how often a plan's applications may call a method (429 beyond it).")
    @OptionGroup var ref: ProductRef
    @Argument(help: "The application plan.") var plan: String
    @Argument(help: "The method or metric (e.g. completions, hits).") var method: String
    @Option(help: "minute, hour, day, week, month, year or eternity.") var period: Period
    @Option(help: "How many calls per period.") var value: Int
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    enum Period: String, ExpressibleByArgument, CaseIterable { case minute, hour, day, week, month, year, eternity }

    func validate() throws {
        guard value >= 0 else { throw ValidationError("--value must be 0 or more") }
    }

    func run(in context: CommandContext) async throws {
        try await AdminAccess.with(context) { access in
            let metrics = try await ProductMetrics.fetch(access.client, ref.product)
            let metric = try metrics.find(method, product: ref.product)
            let plan = try await planID(access.client, productID: metrics.productID, self.plan)
            if let existing = try await access.client.limits(planID: plan).first(where: { $0.metricID == metric.id && $0.period == period.rawValue }) {
                try await access.client.deleteLimit(planID: plan, metricID: metric.id, id: existing.id)
            }
            _ = try await access.client.createLimit(planID: plan, metricID: metric.id, period: period.rawValue, value: value)
        }
        if !context.options.quiet { context.output.print("limit: \(value) \(method) calls per \(period.rawValue) on plan '\(plan)'") }
    }
}
