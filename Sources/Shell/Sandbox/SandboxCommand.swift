import ArgumentParser
import Dispatch
import Foundation
import Profiles
import Sandbox
import SandboxModel

struct SandboxCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local 3scale admin API, APIcast gateway and vLLM-compatible model on loopback.",
        discussion: """
            Runs until Ctrl-C or SIGTERM. Saves a profile with the admin URL and token (default: 'sandbox'). \
            Without --state the state lives in memory; with it, the next start resumes it on the same ports where they \
            are free. `sandbox reset [--state DIR|FILE] [--yes]` deletes a saved state (by default the one \
            `maas --sandbox` keeps in ~/.local/state/maas/sandbox). With -v, logs each request it serves and each gateway \
            decision (matched rule, plan limits, upstream status and time); -vv adds headers and the start of bodies, \
            secrets masked.
            """)

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case reset
    }

    @Argument(help: ArgumentHelp("reset: delete the saved state and stop (asked first on a terminal).", valueName: "action"))
    var action: Action?

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The admin portal's port (default: a free one).") var adminPort: Int?
    @Option(help: "The model server's port (default: a free one).") var modelPort: Int?
    @Option(help: ArgumentHelp("Ports for the products' staging and production gateways, FROM-TO (default: free ones).", valueName: "from-to"))
    var gatewayPorts: String?
    @Option(help: ArgumentHelp("Keep the state in this folder (as state.json) or file across restarts.", valueName: "dir|file"),
            completion: .file())
    var state: String?
    @Option(help: "A model name to serve (repeatable; the first is the default).")
    var modelName: [String] = []
    @Option(help: "The model's pace in tokens per second (0 = as fast as possible).")
    var tokensPerSecond: Double = 30
    @Option(help: "Delay each admin API call by this many milliseconds (for benchmarks).")
    var adminLatency: Int = 0
    @Option(help: "Save the admin URL and token in this profile.")
    var saveProfile = "sandbox"
    @Flag(help: "Print the access token in clear.") var reveal = false
    @Flag(help: "Delete the saved state first (with --state; asked on a terminal).") var fresh = false
    @Flag(name: [.short, .long], help: "Do not ask for confirmation (reset, --fresh).") var yes = false
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        if action == .reset {
            let serving = [adminPort != nil, modelPort != nil, gatewayPorts != nil, !modelName.isEmpty, fresh, reveal]
            if serving.contains(true) { throw ValidationError("`sandbox reset` takes only --state and --yes") }
        }
        if fresh && state == nil { throw ValidationError("--fresh needs --state: without it the sandbox keeps nothing") }
        for port in [adminPort, modelPort].compactMap({ $0 }) where !(1...65535).contains(port) {
            throw ValidationError("port \(port) is out of range 1-65535")
        }
        _ = try parsedGatewayPorts()
        if tokensPerSecond < 0 { throw ValidationError("--tokens-per-second must be 0 or more") }
        if adminLatency < 0 { throw ValidationError("--admin-latency must be 0 or more") }
        do { try ProfileDocument.validateName(saveProfile) } catch { throw ValidationError(error.description) }
    }

    func parsedGatewayPorts() throws -> ClosedRange<Int>? {
        guard let gatewayPorts else { return nil }
        let parts = gatewayPorts.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let from = parts[0], let to = parts[1], 1 <= from, from < to, to <= 65535 else {
            throw ValidationError("--gateway-ports takes FROM-TO, e.g. 18000-18099")
        }
        return from...to
    }

    var sandboxConfiguration: SandboxConfiguration {
        get throws {
            SandboxConfiguration(
                host: host, adminPort: adminPort ?? 0, modelPort: modelPort ?? 0, gatewayPorts: try parsedGatewayPorts(),
                statePath: state.map(SandboxStateLocation.file(for:)),
                model: ModelServerConfiguration(
                    modelNames: modelName.isEmpty ? ModelServerConfiguration().modelNames : modelName,
                    tokensPerSecond: tokensPerSecond),
                adminLatency: .milliseconds(adminLatency))
        }
    }

    func run(in context: CommandContext) async throws {
        if action == .reset {
            let file = state.map(SandboxStateLocation.file(for:)) ?? SandboxStateLocation.defaultFile(environment: context.environment)
            _ = try await SandboxReset.run(file, yes: yes, context: context)
            return
        }
        var configuration = try sandboxConfiguration
        configuration.logger = context.logger
        if let file = configuration.statePath {
            try SandboxStateLocation.prepareFolder(of: file)
            if fresh {
                let reset = try await SandboxReset.run(file, yes: yes, context: context)
                guard reset else { throw ShellError("the sandbox was not started") }
            }
        }
        let sandbox = try await RunningSandbox.start(configuration)
        let profileNote: String
        do {
            try SandboxProfile.follow(sandbox.relocations, context: context)
            profileNote = try SandboxProfile.save(sandbox.endpoints, as: saveProfile, current: .whenNone, context: context)
        } catch {
            try? await sandbox.shutdown()
            throw error
        }
        SandboxProfile.printBanner(sandbox.endpoints, reveal: reveal, profileNote: profileNote, resumed: sandbox.resumed, context: context)
        if !context.options.quiet { context.output.print(context.output.style("Ctrl-C stops the sandbox.", .dim)) }
        await Self.waitForStop()
        try await sandbox.shutdown()
        if !context.options.quiet {
            context.output.print("sandbox stopped" + (configuration.statePath.map { "; state saved in \($0)" } ?? ""))
        }
    }

    /// Suspends until the command is cancelled (Ctrl-C) or the process gets SIGTERM.
    static func waitForStop() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
        source.setEventHandler { continuation.finish() }
        source.resume()
        await withTaskCancellationHandler {
            for await _ in stream {}
        } onCancel: {
            continuation.finish()
        }
        source.cancel()
        signal(SIGTERM, SIG_DFL)
    }
}
