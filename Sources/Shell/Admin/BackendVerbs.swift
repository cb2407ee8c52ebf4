import ArgumentParser
import ThreeScaleAdmin

@Sendable func noStaticValues(_ words: [String], _ index: Int, _ prefix: String) -> [String] { [] }

/// The system name the verbs give an object when none is given: its name in lower case,
/// other characters as `_` (what people then type in `show`, `delete`…).
func defaultCLISystemName(_ name: String) -> String {
    String(name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
}

struct BackendCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "backend", abstract: "3scale backends: the model servers' private URLs.",
        subcommands: [List.self, Show.self, Create.self, Update.self, Delete.self])

    struct View: Encodable {
        var id: Int
        var name: String
        var system_name: String
        var private_endpoint: String?
        var description: String?

        init(_ backend: BackendAPI) {
            id = backend.id
            name = backend.name
            system_name = backend.systemName
            private_endpoint = backend.privateEndpoint
            description = backend.description
        }
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the backends.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let backends = try await AdminAccess.with(context) { try await $0.client.listBackends() }
            context.interpreter.remember(backends.map(\.systemName), for: "backend")
            try Self.emit(backends, renderer: context.renderer)
        }

        static func emit(_ backends: [BackendAPI], renderer: Renderer) throws {
            let views = backends.map(View.init)
            try renderer.emit(views, table: Table(
                columns: ["ID", "SYSTEM NAME", "NAME", "PRIVATE URL"],
                rows: views.map { [String($0.id), $0.system_name, $0.name, $0.private_endpoint ?? "-"] }))
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a backend.")
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "backend"), completion: .custom(noStaticValues))
        var backend: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let backend = try await AdminAccess.with(context) { try await $0.client.backend(ObjectRef(self.backend)) }
            let view = View(backend)
            try context.renderer.emitRecord(view, fields: [
                ("id", String(view.id)), ("name", view.name), ("system name", view.system_name),
                ("private URL", view.private_endpoint ?? "-"), ("description", view.description ?? "-"),
            ])
        }
    }

    struct Create: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a backend for a model server.")
        @Argument(help: "Its name.") var name: String
        @Option(help: ArgumentHelp("The model server's private base URL.", valueName: "url")) var url: String
        @Option(help: "Its system name (default: from the name).") var systemName: String?
        @Option(help: "A description.") var description: String?
        @Flag(help: ExistingObject.help) var existOk = false
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            let system = systemName ?? defaultCLISystemName(name)
            let resource = BackendResource(
                metadata: ObjectMeta(name: system.replacingOccurrences(of: "_", with: "-")),
                spec: BackendSpec(name: name, systemName: system, privateBaseURL: url, description: description))
            let created = try await AdminAccess.with(context) { access in
                try await Reconciliation(access: access).create(
                    ResourceSet([.backend(resource)]), what: "backend \(system)", existOk: existOk,
                    change: "`backend update \(system)` or `apply -f`")
            }
            if created && !context.options.quiet { context.output.print("created backend '\(system)' → \(url)") }
        }
    }

    struct Update: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a backend's name, URL or description.")
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "backend"), completion: .custom(noStaticValues))
        var backend: String
        @Option(help: "A new name.") var name: String?
        @Option(help: ArgumentHelp("A new private base URL.", valueName: "url")) var url: String?
        @Option(help: "A new description.") var description: String?
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func validate() throws {
            if name == nil && url == nil && description == nil { throw ValidationError("give at least one of --name, --url, --description") }
        }

        func run(in context: CommandContext) async throws {
            let changes = BackendChanges(name: name, privateEndpoint: url, description: description)
            let updated = try await AdminAccess.with(context) { access in
                try await access.client.updateBackend(id: try await access.client.backendID(ObjectRef(backend)), changes)
            }
            if !context.options.quiet { context.output.print("updated backend '\(updated.systemName)'") }
        }
    }

    struct Delete: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a backend (no product may use it).", aliases: ["rm"])
        @Argument(help: ArgumentHelp("Its system name or id.", valueName: "backend"), completion: .custom(noStaticValues))
        var backend: String
        @OptionGroup var global: GlobalOptions
        var globals: Settings? { global.settings }

        func run(in context: CommandContext) async throws {
            try await AdminAccess.with(context) { access in
                try await access.client.deleteBackend(id: try await access.client.backendID(ObjectRef(backend)))
            }
            if !context.options.quiet { context.output.print("deleted backend '\(backend)'") }
        }
    }
}
