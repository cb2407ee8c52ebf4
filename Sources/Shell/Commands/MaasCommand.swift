import ArgumentParser

/// The root of the one command tree: maas's own options and every verb. Help, the
/// completion scripts, the man page and the REPL's catalogue are all read from it.
public struct MaasCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "maas",
        abstract: "A shell for Models as a Service: LLMs served by vLLM behind a 3scale API gateway.",
        discussion: """
            With no verb, maas opens an interactive session (on a terminal) or runs the script \
            on standard input; `maas FILE.maas` runs a script file. Options given before the verb apply to the whole run; the global options may also \
            follow a verb, for that command alone.
            """,
        version: "maas \(version)",
        subcommands: verbs
    )

    static var verbs: [any ParsableCommand.Type] {
        [
            ExitCommand.self, SetCommand.self, UnsetCommand.self, EchoCommand.self,
            SourceCommand.self, SleepCommand.self, VersionCommand.self,
            ProfileCommand.self, LoginCommand.self, AdminCommand.self, WhoamiCommand.self,
            ModelsCommand.self, CompleteCommand.self, ChatCommand.self, CompareCommand.self, EmbedCommand.self,
            TokenizeCommand.self, DetokenizeCommand.self, HealthCommand.self, BenchCommand.self, LogsCommand.self,
            ExpectCommand.self, TestCommand.self,
            BackendCommand.self, ProductCommand.self, DocCommand.self, PromoteCommand.self, PortalCommand.self,
            AccountCommand.self, SubscribeCommand.self, UnsubscribeCommand.self, AppCommand.self, UsageCommand.self,
            ApplyCommand.self, ExportCommand.self,
            SandboxCommand.self,
        ]
    }

    @OptionGroup(title: "Run options") var run: RunOptions
    @OptionGroup(title: "Global options") var globals: GlobalOptions

    public init() {}
}

/// maas's own command line as `MaasMain` reads it: `MaasCommand`'s options, then the verb and
/// everything after it, untouched, for the session root to parse. Its help and version are
/// `MaasCommand`'s (an `-h` or `--version` here is passed on with the words).
struct MaasInvocation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "maas", helpNames: [])

    @OptionGroup var run: RunOptions
    @OptionGroup var globals: GlobalOptions
    @Argument(parsing: .captureForPassthrough) var words: [String] = []

    /// The verb and its arguments (a leading `--`, which ends maas's own options, dropped).
    var command: [String] { words.first == "--" ? Array(words.dropFirst()) : words }
}

/// maas's own command line as plain values: how the run gets its input, the global
/// settings for the whole run, and the verb's words.
struct Invocation: Sendable, Equatable {
    var file: String?
    var commands: String?
    var continueOnError = false
    var sandbox = false
    var fresh = false
    var yes = false
    var settings = Settings()
    /// The verb and its arguments, for the session root to parse.
    var command: [String] = []

    /// A command line that starts with a verb or a script's path has none of maas's own
    /// options (they stand before the verb), so ArgumentParser is not asked: its parse
    /// of the root's options cost a one-shot verb about a fifth of its start-up.
    static func parse(_ arguments: [String]) throws -> Invocation {
        guard let first = arguments.first, first.hasPrefix("-") else { return Invocation(command: arguments) }
        let parsed = try MaasInvocation.parse(arguments)
        return Invocation(
            file: parsed.run.file, commands: parsed.run.command, continueOnError: parsed.run.continueOnError,
            sandbox: parsed.run.sandbox, fresh: parsed.run.fresh, yes: parsed.run.yes,
            settings: parsed.globals.settings, command: parsed.command)
    }
}

/// What one line of a session or script is parsed against: the same verbs without the
/// root's own options. ArgumentParser lets a parent's options stand anywhere on the
/// line, so the root's `-f` would take `apply -f FILE`'s; maas's options belong before
/// the verb on its own command line, where `MaasMain` parses them with `MaasCommand`.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maas", version: MaasCommand.configuration.version, subcommands: MaasCommand.verbs)
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

    @Flag(help: "Run a sandbox in this process, on its state of the last run (~/.local/state/maas/sandbox) and the same ports where they are free; it stops when maas ends.")
    public var sandbox = false

    @Flag(help: "With --sandbox: delete the sandbox's saved state first (asked on a terminal).")
    public var fresh = false

    @Flag(name: [.short, .long], help: "Do not ask for confirmation (--fresh).")
    public var yes = false

    public init() {}
}

/// Sub-verb groups such as `profile` print their help when called without a sub-verb.
protocol CommandGroup: ShellCommand {}

extension CommandGroup {
    public func run(in context: CommandContext) async throws {
        context.output.print(MaasCommand.helpMessage(for: Self.self))
    }
}
