import ArgumentParser
import Foundation
import HTTPSupport
import Profiles

/// The `maas` binary's front door: decides between the interactive session,
/// a script (file, `-c`, stdin, shebang) and a one-shot command.
public enum MaasMain {
    public static func run(arguments: [String], environment: [String: String]) async -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let status = await runCommand(arguments: arguments, environment: environment)
        return WriteFailures.exitStatus(after: status, output: .standard(environment: environment))
    }

    private static func runCommand(arguments: [String], environment: [String: String]) async -> Int32 {
        // ArgumentParser's own requests: shell completion scripts and their dynamic callbacks, --version.
        let early = Output.standard(environment: environment)
        if let first = arguments.first, ["---completion", "--generate-completion-script", "--experimental-dump-help", "--version"].contains(first) {
            return passThroughToArgumentParser(arguments, output: early)
        }
        Task.detached { TransportSettings.startEventLoops() }
        let root: Invocation
        do {
            root = try Invocation.parse(arguments)
        } catch {
            early.error("error: \(MaasInvocation.message(for: error))")
            return 2
        }
        let interrupts = InterruptHandler()
        let stdinIsTerminal = isatty(STDIN_FILENO) == 1
        var rest = root.command
        var script: ScriptSource?
        do {
            if let commands = root.commands {
                script = ScriptSource(name: "-c", text: commands, directory: nil)
            } else if let file = root.file {
                script = try ScriptSource.file(file)
            } else if let first = rest.first, SessionCommand.subcommand(named: first) == nil,
                      FileManager.default.fileExists(atPath: first) {
                script = try ScriptSource.file(first)
                rest.removeFirst()
            }
        } catch {
            early.error("error: \(error)")
            return 1
        }
        let interactive = script == nil && rest.isEmpty && stdinIsTerminal
        var environment = environment
        if root.settings.noColor { environment["NO_COLOR"] = "1" }
        let interpreter = Interpreter(
            environment: environment, output: .standard(environment: environment),
            profileStore: ProfileStore(environment: environment), sessionOptions: root.settings,
            input: TerminalInput(interrupts: interrupts), interactive: interactive)
        let continueOnError = root.continueOnError
        var embedded: EmbeddedSandbox?
        if root.fresh && !root.sandbox {
            early.error("error: --fresh starts the embedded sandbox over: use it with --sandbox")
            return 2
        }
        if root.sandbox {
            do {
                embedded = try await EmbeddedSandbox.start(
                    interpreter: interpreter, interactive: interactive, fresh: root.fresh, yes: root.yes)
            } catch {
                interpreter.output.error("error: \(error)")
                return (error as? ShellError)?.exitStatus ?? 1
            }
        }
        let status = await run(interpreter: interpreter, interrupts: interrupts, script: script, command: rest,
                               continueOnError: continueOnError)
        await embedded?.stop(output: interpreter.output)
        await interpreter.promptLog.close()
        return status
    }

    private static func run(
        interpreter: Interpreter, interrupts: InterruptHandler, script: ScriptSource?, command rest: [String], continueOnError: Bool
    ) async -> Int32 {
        if let script {
            return await interrupts.cancellable {
                await interpreter.run(script: script, continueOnError: continueOnError)
            }
        }
        if !rest.isEmpty {
            let command = rest
            let outcome = await interrupts.cancellable { await interpreter.execute(command) }
            switch outcome {
            case .success: return interpreter.exitStatus ?? 0
            case .interrupted: return 130
            case let .failure(error):
                if !error.message.isEmpty { interpreter.output.error("error: \(error.message)") }
                return error.exitStatus
            }
        }
        if interpreter.interactive {
            return await REPL(interpreter: interpreter, interrupts: interrupts).run()
        }
        guard let script = standardInputScript(interpreter.output) else { return 1 }
        return await interrupts.cancellable {
            await interpreter.run(script: script, continueOnError: continueOnError)
        }
    }

    private static func passThroughToArgumentParser(_ arguments: [String], output: Output) -> Int32 {
        do {
            _ = try MaasCommand.parseAsRoot(arguments)
            return 0
        } catch {
            let code = MaasCommand.exitCode(for: error)
            let message = MaasCommand.fullMessage(for: error)
            let line = message + (message.hasSuffix("\n") ? "" : "\n")
            if code == .success { output.write(line) } else { output.writeError(StyledText(line)) }
            return code.rawValue
        }
    }
}
