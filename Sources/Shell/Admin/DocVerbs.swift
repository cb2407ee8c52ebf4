import ArgumentParser
import Foundation
import ThreeScaleAdmin
import Untrusted

struct DocCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "doc", abstract: "API docs (3scale ActiveDocs): the OpenAPI document the developer portal shows.",
        subcommands: [List.self, Show.self, Create.self, Update.self, Delete.self])

    struct Row: Encodable {
        var id: Int
        var name: String
        var system_name: String
        var published: Bool?
        var product_id: Int?
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the API docs.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let docs = try await AdminAccess.with(context) { try await $0.client.activeDocs() }
            context.interpreter.remember(docs.map(\.systemName), for: "doc")
            let rows = docs.map { Row(id: $0.id, name: $0.name, system_name: $0.systemName, published: $0.published, product_id: $0.serviceID) }
            try context.renderer.emit(rows, table: Table(
                columns: ["ID", "SYSTEM NAME", "NAME", "PUBLISHED", "PRODUCT"],
                rows: rows.map { [String($0.id), $0.system_name, $0.name, $0.published == true ? "yes" : "no", $0.product_id.map { "#\($0)" } ?? "-"] }))
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an API doc; --body prints the document.")
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "doc"), completion: .custom(noStaticValues)) var doc: String
        @Flag(help: "Print the OpenAPI document itself.") var body = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let found = try await AdminAccess.with(context) { try await $0.client.activeDoc(ObjectRef(doc)) }
            if body {
                context.output.print(found.body ?? "")
                return
            }
            let row = Row(id: found.id, name: found.name, system_name: found.systemName, published: found.published, product_id: found.serviceID)
            let title = found.body.flatMap(OpenAPIDocumentCheck.title(of:)) ?? "-"
            try context.renderer.emitRecord(row, fields: [
                ("id", String(row.id)), ("name", row.name), ("system name", row.system_name),
                ("published", row.published == true ? "yes" : "no"), ("product", row.product_id.map { "#\($0)" } ?? "-"), ("title", title),
            ])
        }
    }

    /// Options shared by create and update: where the document comes from.
    struct Source: ParsableArguments {
        @Option(help: "An OpenAPI file (JSON or YAML).", completion: .file(extensions: ["json", "yaml", "yml"])) var file: String?
        @Option(help: "An OpenAPI document's URL.") var url: String?

        func body(_ context: CommandContext, client: AdminClient) async throws -> String? {
            if let file {
                let path = context.path(file)
                return try OpenAPIDocumentCheck.check(try BoundedInput.read(path: path, limit: BoundedInput.documentLimit), source: path).json
            }
            if let url {
                return try OpenAPIDocumentCheck.check(try await client.fetchDocument(url: url), source: URLDisplay.redacted(url)).json
            }
            return nil
        }
    }

    struct Create: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Upload an OpenAPI document as a product's API doc.")
        @Argument(help: "Its name.") var name: String
        @Option(help: ArgumentHelp("The product it documents.", valueName: "product"), completion: .custom(noStaticValues)) var product: String
        @OptionGroup var source: Source
        @Flag(help: "Show it on the developer portal.") var publish = false
        @Flag(help: "Let 3scale skip its own OpenAPI validation.") var skipValidation = false
        @Option(help: "Its system name (default: from the name).") var systemName: String?
        @Flag(help: ExistingObject.help) var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if (source.file == nil) == (source.url == nil) { throw ValidationError("give exactly one of --file and --url") }
        }

        func run(in context: CommandContext) async throws {
            // Chosen here, as for backends and products, so that a second run finds the same doc.
            let system = systemName ?? defaultCLISystemName(name)
            let outcome = try await AdminAccess.with(context) { access in
                let body = try await source.body(context, client: access.client) ?? ""
                return try await access.client.createActiveDocIfAbsent(NewActiveDoc(
                    name: name, body: body, systemName: system, published: publish, skipSwaggerValidations: skipValidation,
                    productID: try await access.client.productID(ObjectRef(product))))
            }
            let created = try ExistingObject.settle(
                outcome, what: "API doc \(system)", existOk: existOk, change: "`doc update \(system)`", context: context)
            if created && !context.options.quiet {
                context.output.print("created API doc '\(outcome.object.systemName)' for '\(product)'" + (publish ? " (published)" : ""))
            }
        }
    }

    struct Update: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Replace an API doc's document or change its settings.")
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "doc"), completion: .custom(noStaticValues)) var doc: String
        @OptionGroup var source: Source
        @Option(help: "A new name.") var name: String?
        @Option(help: "Show it on the developer portal (true/false).") var published: Bool?
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if source.file != nil && source.url != nil { throw ValidationError("give at most one of --file and --url") }
            if source.file == nil && source.url == nil && name == nil && published == nil { throw ValidationError("nothing to change") }
        }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                let changes = ActiveDocChanges(name: name, body: try await source.body(context, client: access.client), published: published)
                _ = try await access.client.updateActiveDoc(id: try await access.client.activeDocID(ObjectRef(doc)), changes)
            }
            if !context.options.quiet { context.output.print("updated API doc '\(doc)'") }
        }
    }

    struct Delete: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an API doc.", aliases: ["rm"])
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "doc"), completion: .custom(noStaticValues)) var doc: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                try await access.client.deleteActiveDoc(id: try await access.client.activeDocID(ObjectRef(doc)))
            }
            if !context.options.quiet { context.output.print("deleted API doc '\(doc)'") }
        }
    }
}
