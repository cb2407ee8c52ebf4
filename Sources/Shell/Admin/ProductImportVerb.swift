import ArgumentParser
import Foundation
import ThreeScaleAdmin

/// `product import FILE|URL…`: products from OpenAPI documents, through the same
/// resources and reconciler as `apply -f` (so `--dry-run` prints the same plan).
struct ProductImportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create or update products from OpenAPI documents: backend, methods and rules, the lab's key and policies, a plan, the API doc.",
        discussion: """
            One method and one mapping rule per operation (`{id}` path templates stay wildcards; other paths match exactly). \
            Importing the same documents again changes nothing; a changed document changes exactly the difference. \
            Several documents are imported a few at a time and summed up in one table.
            """)

    @Argument(help: ArgumentHelp("OpenAPI documents (JSON or YAML, OpenAPI 3.x or Swagger 2.0): files (`docs/*.json` patterns are expanded, also at the maas> prompt) or http(s) URLs.", valueName: "file|url"),
              completion: .file(extensions: ["json", "yaml", "yml"]))
    var documents: [String]
    @Option(help: "The product's name (default: the document's info.title); one document only.")
    var name: String?
    @Option(help: ArgumentHelp("An existing backend to route to, instead of one made from the document.", valueName: "backend"),
            completion: .custom(noStaticValues))
    var backend: String?
    @Option(help: ArgumentHelp("The model server's private URL for the backend (default: the document's server).", valueName: "url"))
    var backendURL: String?
    @Option(help: "The application plan (default: Standard Plan).")
    var plan: String?
    @Flag(help: "Print the plan and change nothing.")
    var dryRun = false
    @Flag(help: "Publish the API doc on the developer portal.")
    var publishDoc = false
    @Flag(help: "Deploy the gateway config to staging and promote it to production.")
    var promote = false
    @Option(help: "Documents imported at once, and admin API calls in flight for each (1: one call at a time, as `apply --concurrency 1`).")
    var concurrency = 4
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        guard !documents.isEmpty else { throw ValidationError("give at least one OpenAPI document (a file or an http(s) URL)") }
        if name != nil && documents.count > 1 {
            throw ValidationError("--name names one product: give one document, or leave --name out to name each product from its info.title")
        }
        if backend != nil && backendURL != nil { throw ValidationError("give at most one of --backend and --backend-url") }
        if let backendURL {
            guard let url = URL(string: backendURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
                throw ValidationError("--backend-url takes an http:// or https:// URL with a host, e.g. http://vllm:8000")
            }
        }
        guard (1...16).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 16") }
    }

    var settings: ImportSettings {
        let choice: ImportSettings.BackendChoice = backend.map { .existing($0) } ?? backendURL.map { .url($0) } ?? .fromDocument
        return ImportSettings(backend: choice, planName: plan, publishDoc: publishDoc, promote: promote, name: name)
    }

    func run(in context: CommandContext) async throws {
        var sources: [ImportSource] = []
        for argument in documents {
            switch ImportSource(argument: argument) {
            case .url(let url): sources.append(.url(url))
            case .file(let path): sources += try context.paths([path]).map { .file(path: $0) }
            }
        }
        if name != nil && sources.count > 1 {
            throw ShellError("--name names one product, but the documents are \(sources.count) files")
        }
        let output = context.output
        let table = (context.options.output ?? .table) == .table
        // One document shows its changes as they are made, as `apply` does; a batch runs
        // concurrently and is summed up in the table instead.
        let showProgress = sources.count == 1 && table && !context.options.quiet && !dryRun
        let outcomes = try await AdminAccess.with(context) { access in
            await ProductImporter(client: access.client, documents: concurrency, concurrency: concurrency).run(sources, settings: settings, dryRun: dryRun) { _, action in
                if showProgress { output.print(output.style("✓", .green) + " " + action.summary) }
            }
        }
        context.interpreter.remember(outcomes.compactMap(\.product), for: "product")
        guard table else {
            try context.renderer.emit(outcomes.map(ImportRow.init), table: Table(columns: [], rows: []))
            return try Self.settle(outcomes)
        }
        if sources.count == 1, let outcome = outcomes.first {
            try Self.printSingle(outcome, context: context, dryRun: dryRun)
            return
        }
        if dryRun {
            for outcome in outcomes where !outcome.actions.isEmpty {
                output.print(output.style("\(outcome.source) → \(outcome.product ?? "-"): ", .bold)
                    + output.style("plan (\(Self.changes(outcome.actions.count)), dry run: nothing was changed)", .bold))
                for action in outcome.actions { output.print("  + " + action.summary) }
            }
        }
        let notes = outcomes.contains { $0.note != nil }
        output.write(Table(
            columns: ["DOCUMENT", "PRODUCT", "RESULT"] + (notes ? ["NOTE"] : []),
            rows: outcomes.map { [$0.source, $0.product ?? "-", Self.result($0)] + (notes ? [$0.note ?? ""] : []) }).render())
        try Self.settle(outcomes)
    }

    /// One document reads like `apply`: the plan, or what was done, or the error itself.
    static func printSingle(_ outcome: ImportOutcome, context: CommandContext, dryRun: Bool) throws {
        if let note = outcome.note { context.output.note(note) }
        switch outcome.status {
        case .failed(let message):
            throw ShellError(message)
        case .sameDocument(let first):
            context.output.print("same document as \(first)")
        case .planned(let plan):
            try Reconciliation.print(plan, context: context, dryRun: true)
        case .applied(let actions):
            if actions.isEmpty {
                context.output.print("nothing to do: the server already matches")
            } else if !context.options.quiet {
                context.output.print("done: \(changes(actions.count)) to product \(outcome.product ?? "-")")
            }
        }
    }

    /// Exit status 1 when any document failed, after every outcome was shown.
    static func settle(_ outcomes: [ImportOutcome]) throws {
        let failed = outcomes.filter(\.failed).count
        if failed > 0 { throw ShellError("\(failed) of \(outcomes.count) document\(outcomes.count == 1 ? "" : "s") not imported") }
    }

    static func result(_ outcome: ImportOutcome) -> String {
        switch outcome.status {
        case .planned(let plan): return plan.isEmpty ? "nothing to do" : "would make \(changes(plan.actions.count))"
        case .applied(let actions): return actions.isEmpty ? "nothing to do" : "\(changes(actions.count)) made"
        case .sameDocument(let first): return "same document as \(first)"
        case .failed(let message): return "error: \(message)"
        }
    }

    static func changes(_ count: Int) -> String { "\(count) change\(count == 1 ? "" : "s")" }
}

/// One document's outcome for `-o json|yaml`.
struct ImportRow: Encodable {
    var document: String
    var product: String?
    var note: String?
    /// planned, applied, same-document or failed.
    var result: String
    var changes: [String]
    var same_as: String?
    var error: String?

    init(_ outcome: ImportOutcome) {
        document = outcome.source
        product = outcome.product
        note = outcome.note
        changes = outcome.actions.map(\.summary)
        switch outcome.status {
        case .planned: result = "planned"
        case .applied: result = "applied"
        case .sameDocument(let first):
            result = "same-document"
            same_as = first
        case .failed(let message):
            result = "failed"
            error = message
        }
    }
}
