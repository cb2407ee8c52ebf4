import ArgumentParser
import Foundation
import ThreeScaleAdmin

struct ApplyCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Reconcile 3scale with custom resources (Backend, Product, ActiveDoc, ProxyConfigPromote, …) from YAML.",
        discussion: "Takes the 3scale operator's capabilities.3scale.net/v1beta1 resources as written: several documents separated by --- or a kind: List. A second apply of the same file changes nothing.")

    @Option(name: .shortAndLong, help: ArgumentHelp("The YAML file, or - for standard input.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var file: String
    @Flag(help: "Print the plan and change nothing.")
    var dryRun = false
    @Option(help: "Independent admin API calls in flight at once.")
    var concurrency = 8
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        guard (1...32).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 32") }
    }

    func run(in context: CommandContext) async throws {
        let set = try loadResources(context)
        try await AdminAccess.with(context) { access in
            let reconciliation = Reconciliation(access: access, concurrency: concurrency)
            let plan = try await reconciliation.plan(set)
            try Reconciliation.print(plan, context: context, dryRun: dryRun)
            guard !dryRun, !plan.isEmpty else { return }
            let report = try await reconciliation.apply(plan, of: set)
            if !context.options.quiet, (context.options.output ?? .table) == .table {
                context.output.print("done: \(report.completed.count) change\(report.completed.count == 1 ? "" : "s")")
            }
        }
    }

    private func loadResources(_ context: CommandContext) throws -> ResourceSet {
        let path = file == "-" ? "<stdin>" : context.path(file)
        let text: String
        if file == "-" {
            text = try BoundedInput.readStandardInput(limit: BoundedInput.documentLimit)
        } else {
            text = try BoundedInput.read(path: path, limit: BoundedInput.documentLimit)
        }
        // `${NAME}` in values takes a session variable or environment value (the lab's model URL).
        return try ResourceCodec.load(yaml: text, file: path, variables: VariableExpansion(lookup: context.interpreter.variable))
    }
}

struct ExportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a product, backend, API doc or developer account as custom resources that `apply` (or `oc apply`) takes back to the same state.",
        discussion: "An account comes with its users (role, suspended) and applications (plan, suspend); NAME is its organization name. A user's passwordCredentialsRef names a Secret that export cannot write (3scale never shows a password); apply reads it only to create the user.")

    @Argument(help: "What to export: product, backend, activedoc or account.")
    var kind: Exporter.Kind
    @Argument(help: ArgumentHelp("Its system name or id.", valueName: "name"), completion: .custom { _, _, _ in [] })
    var name: String
    @Option(help: "Put the resources in this namespace.")
    var namespace: String?
    @Flag(help: "With a product: also the Backends it uses.")
    var withBackends = false
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func run(in context: CommandContext) async throws {
        let yaml = try await AdminAccess.with(context) { access in
            let fetcher = StateFetcher(client: access.client)
            let state = kind == .account
                ? try await fetcher.fetch(account: name)
                : try await fetcher.fetch(
                    products: kind == .product ? [name] : [], backends: kind == .backend ? [name] : [], activeDocs: kind == .activedoc)
            let resources = try Exporter.resources(kind: kind, name: name, from: state, namespace: namespace, withBackends: withBackends)
            return try ResourceCodec.encode(resources)
        }
        context.output.write(yaml)
    }
}

extension Exporter.Kind: ExpressibleByArgument {}
