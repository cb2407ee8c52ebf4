import ArgumentParser
import Foundation
import ModelGateway

struct ExitCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "exit", abstract: "Leave the session or stop the script.", aliases: ["quit"])

    @Argument(help: "The exit status.")
    var status: Int32 = 0

    func run(in context: CommandContext) async throws {
        context.interpreter.requestExit(status)
    }
}

struct SetCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set a session variable, used later as $NAME or ${NAME}.")

    @Argument(help: "The variable's name.")
    var name: String

    @Argument(help: "Its value (several words are joined with spaces).")
    var value: [String] = []

    func validate() throws {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
              name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
        else { throw ValidationError("invalid variable name '\(name)': use letters, digits and '_'") }
    }

    func run(in context: CommandContext) async throws {
        context.interpreter.setVariable(name, value.joined(separator: " "))
    }
}

struct UnsetCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "unset", abstract: "Remove a session variable.")

    @Argument(help: "The variable's name.")
    var name: String

    func run(in context: CommandContext) async throws {
        context.interpreter.setVariable(name, nil)
    }
}

struct EchoCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "echo", abstract: "Print the words given.")

    @Argument(parsing: .captureForPassthrough, help: "Words to print.")
    var words: [String] = []

    func run(in context: CommandContext) async throws {
        context.output.print(words.joined(separator: " "))
    }
}

struct SourceCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Run a .maas script in this session (relative to the current script).")

    @Argument(help: "The script to run.", completion: .file())
    var file: String

    func run(in context: CommandContext) async throws {
        let script = try ScriptSource.file(file, relativeTo: context.scriptDirectory)
        let status = await context.interpreter.run(script: script)
        if Task.isCancelled { throw CancellationError() }
        // The inner script already printed its FILE:LINE error.
        if status != 0 && context.interpreter.exitStatus == nil { throw ShellError("", kind: status == 2 ? .usage : .failure) }
    }
}

struct SleepCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "sleep", abstract: "Wait SECONDS (Ctrl-C cancels).")

    @Argument(help: "How long to wait, in seconds (fractions allowed).")
    var seconds: Double

    func validate() throws {
        guard seconds >= 0, seconds.isFinite else { throw ValidationError("seconds must be zero or more") }
    }

    func run(in context: CommandContext) async throws {
        try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
    }
}

struct VersionCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print maas's version, and the model server's when a gateway is configured.")

    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    struct View: Encodable {
        var maas: String
        var server: String?
        var serverError: String?
        enum CodingKeys: String, CodingKey { case maas, server, serverError = "server_error" }
    }

    func run(in context: CommandContext) async throws {
        var view = View(maas: MaasCommand.version)
        if let profile = try? context.resolvedProfile(), profile.settings.gateway != nil {
            do {
                view.server = try await GatewayAccess.with(context) { access in try await access.client.version() }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                view.serverError = String(describing: error)
            }
        }
        var fields = [("maas", view.maas)]
        if let server = view.server { fields.append(("server", "vLLM \(server)")) }
        if let failure = view.serverError { fields.append(("server", "unknown: \(failure)")) }
        try context.renderer.emitRecord(view, fields: fields)
    }
}
