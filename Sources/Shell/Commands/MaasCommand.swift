import ArgumentParser

/// The root of the one command tree: argv, REPL lines and script lines all parse against it.
public struct MaasCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "maas",
        abstract: "A shell for Models as a Service: LLMs served by vLLM behind a 3scale API gateway.",
        discussion: """
            With no verb, maas opens an interactive session (on a terminal) or runs the script \
            on standard input. `maas FILE.maas`, `maas -f FILE` and `maas -c "cmd; cmd"` run scripts.

            Before the verb:
              -f, --file FILE         run the script FILE
              -c, --command CMDS      run these commands (separate them with ';')
              --continue-on-error     keep running a script after a failing command
              --sandbox               run on a sandbox started in this process
              --version               print maas's version
            Before or after the verb:
              --profile NAME          use this profile instead of the current one
              -o, --output FORMAT     table, json or yaml
              --no-color, -q/--quiet, -v/--verbose
            """,
        version: "maas \(version)",
        subcommands: [
            ExitCommand.self, SetCommand.self, UnsetCommand.self, EchoCommand.self,
            SourceCommand.self, SleepCommand.self, VersionCommand.self,
            ProfileCommand.self, LoginCommand.self, AdminCommand.self, WhoamiCommand.self,
            ModelsCommand.self, CompleteCommand.self, ChatCommand.self, EmbedCommand.self,
            TokenizeCommand.self, DetokenizeCommand.self, HealthCommand.self, BenchCommand.self,
            BackendCommand.self, ProductCommand.self, DocCommand.self, PromoteCommand.self, PortalCommand.self,
            AccountCommand.self, SubscribeCommand.self, UnsubscribeCommand.self, AppCommand.self,
            ApplyCommand.self, ExportCommand.self,
            SandboxCommand.self,
        ]
    )

    public init() {}
}

/// The options `maas` takes before its verb (the same ones `MaasCommand` shows in its help).
struct MainOptions: ParsableArguments {
    @OptionGroup var run: RunOptions
    @OptionGroup var globals: GlobalOptions
}

/// How the whole run gets its input: a script file, a command string, or the session.
public struct RunOptions: ParsableArguments, Sendable {
    @Option(name: [.short, .customLong("file")], help: ArgumentHelp("Run the script FILE.", valueName: "file"),
            completion: .file())
    public var file: String?

    @Option(name: [.short, .customLong("command")], help: ArgumentHelp("Run these commands (separate them with ';').", valueName: "commands"))
    public var command: String?

    @Flag(help: "Keep running a script after a failing command (exit status 1 at the end).")
    public var continueOnError = false

    @Flag(help: "Start a sandbox in this process on free loopback ports, make its profile current and run on it; it stops when maas ends.")
    public var sandbox = false

    public init() {}
}

/// Sub-verb groups such as `profile` print their help when called without a sub-verb.
protocol CommandGroup: ShellCommand {}

extension CommandGroup {
    public func run(in context: CommandContext) async throws {
        context.output.print(MaasCommand.helpMessage(for: Self.self))
    }
}
