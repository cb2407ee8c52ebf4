import ArgumentParser
import Foundation
import ModelGateway
import Profiles
import Sandbox
import Synchronization
import ThreeScaleAdmin

/// Runs maas commands: one argv, one line, or a whole script. It owns the
/// session's state (variables, the exit request) and the services commands
/// use; the REPL and `main` are thin loops over it.
public final class Interpreter: Sendable {
    public let environment: [String: String]
    public let output: Output
    public let profileStore: ProfileStore
    /// Options given before the verb for the whole run (`maas --profile x …`), as given;
    /// `sessionSettings` is what is in force now.
    public let sessionOptions: Settings
    public let input: TerminalInput
    /// True in the interactive session: commands may prompt and open sub-modes.
    public let interactive: Bool
    /// Ctrl-C handling, when the process installed it; sub-modes use it to cancel one turn.
    public let interrupts: InterruptHandler?
    /// Where every prompt's outcome is logged, opened on first use and kept for the session.
    let promptLog: PromptLogSession

    private struct State {
        var variables: [String: String] = [:]
        var exitStatus: Int32?
        var sourceDepth = 0
        var models: [String: [String]] = [:]
        var names: [String: (names: [String], at: ContinuousClock.Instant)] = [:]
        var warnings: Set<String> = []
        /// The profile the run uses: `--profile` at first, then whichever a command made current.
        var profile: String?
        /// The last prompt's outcome, for `expect`.
        var lastAnswer: PromptRecord?
        /// How many prompts were recorded: tells whether a failing command recorded one.
        var answers = 0
        /// The expectations of the outermost script run (or of the session, at the prompt).
        var tally = ExpectationTally()
    }

    private let state = Mutex(State())
    /// The sandbox `maas --sandbox` runs in this process, whose addresses mark profiles as its own.
    private let embeddedSandbox = Mutex<RunningSandbox?>(nil)

    public init(
        environment: [String: String], output: Output, profileStore: ProfileStore,
        sessionOptions: Settings = Settings(), input: TerminalInput, interactive: Bool
    ) {
        self.interrupts = input.interrupts
        self.environment = environment
        self.output = output
        self.profileStore = profileStore
        self.sessionOptions = sessionOptions
        self.input = input
        self.interactive = interactive
        self.promptLog = PromptLogSession(environment: environment, output: output)
        state.withLock { $0.profile = sessionOptions.profile }
    }

    // MARK: Session state

    /// The run's options now: those given before the verb, with the profile a command made current since.
    public var sessionSettings: Settings {
        var settings = sessionOptions
        settings.profile = state.withLock { $0.profile }
        return settings
    }

    /// A command made `name` the file's current profile and said so: it is the profile
    /// for the rest of the run, over `--profile` and `MAAS_PROFILE` (else "now current"
    /// would be false until the next run).
    public func profileBecameCurrent(_ name: String) {
        state.withLock { $0.profile = name }
    }

    /// Session variables first, then the environment.
    public func variable(_ name: String) -> String? {
        state.withLock { $0.variables[name] } ?? environment[name]
    }

    public func setVariable(_ name: String, _ value: String?) {
        state.withLock { $0.variables[name] = value }
    }

    /// Set by `exit`; the loops stop when it is set.
    public var exitStatus: Int32? { state.withLock { $0.exitStatus } }

    public func requestExit(_ status: Int32) {
        state.withLock { $0.exitStatus = status }
    }

    /// The model ids a gateway served, cached for the session.
    public func cachedModels(for gateway: String) -> [String]? {
        state.withLock { $0.models[gateway] }
    }

    public func cacheModels(_ models: [String], for gateway: String) {
        state.withLock { $0.models[gateway] = models }
    }

    /// Names from the last listing of a kind (`backend`, `product`…), for Tab.
    public func remember(_ names: [String], for kind: String) {
        state.withLock { $0.names[kind] = (names, .now) }
    }

    /// The names of the last listing when it is younger than `maxAge`.
    public func rememberedNames(for kind: String, maxAge: Duration) -> [String]? {
        state.withLock { state in
            state.names[kind].flatMap { ContinuousClock.now - $0.at < maxAge ? $0.names : nil }
        }
    }

    func attach(_ sandbox: RunningSandbox) {
        embeddedSandbox.withLock { $0 = sandbox }
    }

    /// The addresses the embedded sandbox answers on now; none without one.
    func sandboxOrigins() async -> Set<String> {
        guard let sandbox = embeddedSandbox.withLock({ $0 }) else { return [] }
        return await sandbox.origins()
    }

    /// What the last `complete`, chat turn or `compare` ended with; nil before the first.
    public var lastAnswer: PromptRecord? { state.withLock { $0.lastAnswer } }

    func rememberAnswer(_ record: PromptRecord) {
        state.withLock {
            $0.lastAnswer = record
            $0.answers += 1
        }
    }

    private var answerCount: Int { state.withLock { $0.answers } }

    /// The expectations checked so far in the outermost script run.
    public var expectationTally: ExpectationTally { state.withLock { $0.tally } }

    func recordExpectation(_ result: ExpectationResult) {
        state.withLock { $0.tally.add(result) }
    }

    /// True the first time a warning is given in this session.
    public func firstTime(warning: String) -> Bool {
        state.withLock { $0.warnings.insert(warning).inserted }
    }

    // MARK: Running commands

    public enum Outcome: Equatable, Sendable {
        case success
        case failure(ShellError)
        case interrupted
    }

    /// Parses `arguments` with the command tree and runs the verb.
    /// Parses a line with its verb's own type as the root, so that ArgumentParser builds the
    /// tree of that verb alone, not of every command (a sixth of a one-shot verb's start-up).
    /// Anything else (a usage error, `--help`, the built-in `help`) is parsed again from the
    /// session root, whose messages and help name the whole path (`maas product rules add`).
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        var verb: any ParsableCommand.Type = SessionCommand.self
        var depth = 0
        for word in arguments {
            guard let next = verb.subcommand(named: word) else { break }
            verb = next
            depth += 1
        }
        if depth > 0, let parsed = try? verb.parseAsRoot(Array(arguments.dropFirst(depth))), parsed is ShellCommand {
            return parsed
        }
        return try SessionCommand.parseAsRoot(arguments)
    }

    public func execute(
        _ arguments: [String], scriptDirectory: String? = nil, lineSource: (any LineSource)? = nil, step: ScriptStep? = nil,
        precedingFailure: PrecedingFailure? = nil
    ) async -> Outcome {
        guard let first = arguments.first else { return .success }
        if first == "help" {
            let topic = Array(arguments.dropFirst())
            if topic != ["help"], SessionCommand.verbCount(topic) < topic.count {
                return .failure(Self.unknownVerb(topic.joined(separator: " ")))
            }
        } else if !first.hasPrefix("-"), SessionCommand.subcommand(named: first) == nil {
            return .failure(Self.unknownVerb(first))
        }
        // The root's help is maas's own (its options, the verbs), as `maas --help` and `man maas` give it.
        if [["help"], ["--help"], ["-h"]].contains(arguments) {
            output.print(MaasCommand.helpMessage())
            return .success
        }
        let parsed: ParsableCommand
        do {
            parsed = try Self.parse(arguments)
        } catch {
            if MaasCommand.exitCode(for: error) == .success {
                output.print(MaasCommand.fullMessage(for: error))
                return .success
            }
            return .failure(Self.usageError(error, arguments: arguments))
        }
        guard let command = parsed as? ShellCommand else {
            // ArgumentParser's own `help` verb: running it throws the help text to print.
            do {
                var builtIn = parsed
                try builtIn.run()
            } catch {
                output.print(MaasCommand.fullMessage(for: error))
            }
            return .success
        }
        let options = sessionSettings.overridden(by: command.globals)
        let context = CommandContext(
            interpreter: self, options: options, scriptDirectory: scriptDirectory, lineSource: lineSource, step: step,
            precedingFailure: precedingFailure)
        var outcome: Outcome
        do {
            try await command.run(in: context)
            outcome = Task.isCancelled ? .interrupted : .success
        } catch {
            outcome = Self.outcome(for: error)
            if case .failure(var failure) = outcome, let hint = stoppedSandboxHint(for: error, context: context) {
                failure.message += "\n" + hint
                outcome = .failure(failure)
            }
        }
        // The command's prompts are in the log before the next command (or the process's end) can look.
        await promptLog.flush()
        return outcome
    }

    /// A failed connection on a profile the sandbox made, with no sandbox in this process:
    /// its loopback addresses answer nothing, and the fix is to start the sandbox again, not
    /// to check the URL.
    private func stoppedSandboxHint(for error: any Error, context: CommandContext) -> String? {
        switch error {
        case GatewayError.connectionFailed, AdminError.connectionFailed:
            guard embeddedSandbox.withLock({ $0 }) == nil,
                  let profile = try? context.resolvedProfile(), profile.settings.isSandbox else { return nil }
            return "hint: profile '\(profile.name)' points at a sandbox, and none is running: "
                + "`maas --sandbox` starts it again on its saved state and ports"
        default:
            return nil
        }
    }

    static func outcome(for error: any Error) -> Outcome {
        switch error {
        case is CancellationError: return .interrupted
        case let error as ShellError: return .failure(error)
        case let error as ProfileError: return .failure(ShellError(error.description))
        case let error as TokenizeError: return .failure(ShellError(error.description))
        case let error as ValidationError: return .failure(.usage(error.message))
        case let error as GatewayError where error == .cancelled:
            return .interrupted
        default:
            // Server messages are untrusted: Output sanitises the message when it is printed.
            return .failure(ShellError(String(describing: error)))
        }
    }

    static func unknownVerb(_ verb: String) -> ShellError {
        let verbs = SessionCommand.subcommandNames + ["help"]
        var message = "unknown command '\(verb)'"
        if let guess = Suggestion.closest(to: verb, in: verbs) { message += "; did you mean '\(guess)'?" }
        return .usage(message + " (type `help` for the list)")
    }

    /// ArgumentParser's message, plus a suggestion for a mistyped flag or sub-verb.
    static func usageError(_ error: any Error, arguments: [String]) -> ShellError {
        var message = MaasCommand.message(for: error)
        let catalog: CommandCatalog
        switch CommandCatalog.loadedSession {
        case let .success(loaded): catalog = loaded
        case let .failure(problem): return .usage(message + "; \(problem)")
        }
        let node = catalog.walk(arguments).node
        let unknown = arguments.first { word in
            word.hasPrefix("-") && node.option(named: String(word.split(separator: "=", maxSplits: 1)[0])) == nil
        }
        if let unknown, message.contains(unknown) {
            let flags = node.options.flatMap(\.names)
            if let guess = Suggestion.closest(to: unknown, in: flags) { message += "; did you mean '\(guess)'?" }
        } else if !node.subcommands.isEmpty, let word = arguments.dropFirst(catalog.walk(arguments).consumed).first, !word.hasPrefix("-") {
            let names = node.subcommands.flatMap { [$0.name] + $0.aliases }
            message = "unknown sub-command '\(word)' for '\(node.name)'; choose one of: \(names.joined(separator: ", "))"
            if let guess = Suggestion.closest(to: word, in: names) { message += "; did you mean '\(guess)'?" }
        }
        return .usage(message)
    }

    /// Tokenizes and runs one complete logical line; stops at its first failing command, unless
    /// the next one is `expect status` (`heldBack` is such a failure from the line before).
    public func run(
        line: String, scriptDirectory: String? = nil, lineSource: (any LineSource)? = nil, step: ScriptStep? = nil,
        heldBack: PrecedingFailure? = nil
    ) async -> Outcome {
        let commands: [RawCommand]
        do {
            switch try Tokenizer.tokenize(line) {
            case let .complete(parsed): commands = parsed
            case let .incomplete(.openQuote(quote)): return .failure(ShellError(TokenizeError.unterminatedQuote(quote, openedOnLine: nil).description))
            case .incomplete(.continuation): return .failure(ShellError("the line ends with a continuation backslash"))
            }
        } catch {
            return .failure(ShellError(error.description))
        }
        var heldBack = heldBack
        for (index, command) in commands.enumerated() {
            let arguments: [String]
            do {
                arguments = try command.expand(variable)
            } catch {
                return .failure(ShellError(error.description))
            }
            let answersBefore = answerCount
            let outcome = await execute(
                arguments, scriptDirectory: scriptDirectory, lineSource: lineSource, step: step, precedingFailure: heldBack)
            heldBack = nil
            if case let .failure(error) = outcome, error.kind == .failure, index + 1 < commands.count,
               Self.judgesStatus(commands[index + 1]) {
                heldBack = PrecedingFailure(message: error.message, record: answerCount != answersBefore ? lastAnswer : nil)
                continue
            }
            if outcome != .success || exitStatus != nil { return outcome }
        }
        return .success
    }

    /// True for `expect status …`: the command before it may fail without stopping the line
    /// or script, for the expectation to judge.
    static func judgesStatus(_ command: RawCommand) -> Bool {
        let words = command.words
        return words.count >= 2 && words[0].parts == [.literal("expect")] && words[1].parts == [.literal("status")]
    }

    // MARK: Scripts

    /// Runs a script; returns the exit status (0, 1 for a failure or a failed expectation,
    /// 2 for a usage error, 130 when interrupted). The outermost script run owns the
    /// expectations (those of the scripts it sources too) and ends with their tally.
    public func run(script: ScriptSource, continueOnError: Bool = false) async -> Int32 {
        let depth = state.withLock { state -> Int in
            state.sourceDepth += 1
            if state.sourceDepth == 1 { state.tally = ExpectationTally() }
            return state.sourceDepth
        }
        defer { state.withLock { $0.sourceDepth -= 1 } }
        guard depth <= 32 else {
            output.error("\(script.name): error: scripts source each other more than 32 levels deep")
            return 1
        }
        let status = await runLines(of: script, continueOnError: continueOnError)
        let tally = expectationTally
        guard depth == 1, tally.count > 0 else { return status }
        output.note(tally.summary)
        return status == 0 && tally.failed > 0 ? 1 : status
    }

    private func runLines(of script: ScriptSource, continueOnError: Bool) async -> Int32 {
        var status: Int32 = 0
        let cursor = ScriptCursor(script.text)
        var heldBack: PrecedingFailure?
        while let logical = cursor.next() {
            let outcome: Outcome
            let answersBefore = answerCount
            if let problem = logical.problem {
                outcome = .failure(ShellError(problem.description))
            } else {
                let step = ScriptStep(file: script.name, line: logical.line)
                outcome = await run(
                    line: logical.text, scriptDirectory: script.directory, lineSource: cursor, step: step, heldBack: heldBack)
            }
            heldBack = nil
            switch outcome {
            case .success:
                break
            case .interrupted:
                output.error("\(script.name):\(logical.line): interrupted")
                noteFirstError("\(script.name):\(logical.line): interrupted")
                return 130
            case let .failure(error) where error.kind == .failure && cursor.nextIsExpectStatus():
                // The next line's `expect status` decides, with what this command recorded.
                heldBack = PrecedingFailure(message: error.message, record: answerCount != answersBefore ? lastAnswer : nil)
            case let .failure(error):
                if !error.message.isEmpty {
                    output.error("\(script.name):\(logical.line): error: \(error.message)")
                    noteFirstError("\(script.name):\(logical.line): \(error.message)")
                }
                if !continueOnError { return error.exitStatus }
                status = 1
            }
            if let exit = exitStatus { return exit }
            // As a shell script would be ended by SIGPIPE: no one reads what comes next.
            if output.readerHasGone { return status }
        }
        return status
    }

    private func noteFirstError(_ message: String) {
        state.withLock { state in
            if state.tally.firstError == nil { state.tally.firstError = message }
        }
    }
}

/// A script's text and the name used in its error messages.
public struct ScriptSource: Sendable {
    public var name: String
    public var text: String
    /// Relative `source` paths inside the script resolve against this folder.
    public var directory: String?

    public init(name: String, text: String, directory: String?) {
        self.name = name
        self.text = text
        self.directory = directory
    }

    /// Reads a script file, naming it as the user named it.
    public static func file(_ path: String, relativeTo directory: String? = nil) throws -> ScriptSource {
        let resolved = path.hasPrefix("/") || directory == nil ? path : "\(directory!)/\(path)"
        let text = try BoundedInput.read(path: resolved, limit: BoundedInput.scriptLimit)
        let folder = (resolved as NSString).deletingLastPathComponent
        return ScriptSource(name: path, text: text, directory: folder.isEmpty ? "." : folder)
    }
}
