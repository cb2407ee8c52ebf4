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
        discussion: "Runs until Ctrl-C or SIGTERM. Saves a profile with the admin URL and token (default: 'sandbox'). With -v, logs each request it serves and each gateway decision (matched rule, plan limits, upstream status and time); -vv adds headers and the start of bodies, secrets masked.")

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The admin portal's port (default: a free one).") var adminPort: Int?
    @Option(help: "The model server's port (default: a free one).") var modelPort: Int?
    @Option(help: ArgumentHelp("Ports for the products' staging and production gateways, FROM-TO (default: free ones).", valueName: "from-to"))
    var gatewayPorts: String?
    @Option(help: "Keep the state in this file (atomic snapshots) across restarts.", completion: .file())
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
    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
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
                statePath: state,
                model: ModelServerConfiguration(
                    modelNames: modelName.isEmpty ? ModelServerConfiguration().modelNames : modelName,
                    tokensPerSecond: tokensPerSecond),
                adminLatency: .milliseconds(adminLatency))
        }
    }

    func run(in context: CommandContext) async throws {
        var configuration = try sandboxConfiguration
        configuration.logger = context.logger
        let sandbox = try await RunningSandbox.start(configuration)
        let profileNote = try SandboxProfile.save(sandbox.endpoints, as: saveProfile, context: context)
        SandboxProfile.printBanner(sandbox.endpoints, reveal: reveal, profileNote: profileNote, context: context)
        if !context.options.quiet { context.output.print(context.output.style("Ctrl-C stops the sandbox.", .dim)) }
        await Self.waitForStop()
        try await sandbox.shutdown()
        if !context.options.quiet {
            context.output.print("sandbox stopped" + (state.map { "; state saved in \($0)" } ?? ""))
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

/// What `sandbox` (and the embedded sandbox) tells the user and saves.
enum SandboxProfile {
    /// Saves the admin URL and token; the profile becomes current when none is.
    static func save(_ endpoints: SandboxEndpoints, as name: String, context: CommandContext) throws -> String {
        let becameCurrent = try context.profileStore.update { document throws(ProfileError) -> Bool in
            var profile = document.profiles[name] ?? Profile()
            try profile.set(.adminURL, to: endpoints.adminURL)
            try profile.set(.adminToken, to: endpoints.accessToken)
            document.profiles[name] = profile
            guard document.current == nil || document.profiles[document.current!] == nil else { return false }
            document.current = name
            return true
        }
        return "saved in profile '\(name)'" + (becameCurrent ? " (now current)" : " (use it with --profile \(name) or `profile use \(name)`)")
    }

    static func printBanner(_ endpoints: SandboxEndpoints, reveal: Bool, profileNote: String, context: CommandContext) {
        guard !context.options.quiet else { return }
        let token = reveal ? endpoints.accessToken : SecretMask.mask(endpoints.accessToken)
        let fields = [
            ("admin portal", endpoints.adminURL),
            ("access token", "\(token)  (\(profileNote))"),
            ("model server", "\(endpoints.modelURL)  (serves \(endpoints.modelName))"),
            ("developer", "account '\(endpoints.developerAccount)' (id \(endpoints.developerAccountID))"),
        ] + (endpoints.statePath.map { [("state file", $0)] } ?? [])
        let width = fields.map(\.0.count).max() ?? 0
        for (key, value) in fields {
            context.output.print(context.output.style((key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0), .bold) + " " + value)
        }
    }
}
