import Profiles
import Sandbox

/// `maas --sandbox`: a sandbox inside this process for the length of the run, with
/// `$MODEL_URL` set for the lab script. Its state lives in `$XDG_STATE_HOME/maas/sandbox/`
/// and the next run resumes it, on the same ports where they are free. Its profile
/// becomes current unless a sandbox profile (the lab's consumer profile) already is.
struct EmbeddedSandbox {
    let sandbox: RunningSandbox

    static let profileName = "sandbox"

    /// - Parameter fresh: delete the saved state first (`--fresh`), asking on a terminal unless `yes`.
    static func start(interpreter: Interpreter, interactive: Bool, fresh: Bool, yes: Bool) async throws -> EmbeddedSandbox {
        let context = CommandContext(interpreter: interpreter, options: interpreter.sessionOptions, scriptDirectory: nil, lineSource: nil)
        let statePath = SandboxStateLocation.defaultFile(environment: interpreter.environment)
        try SandboxStateLocation.prepareFolder(of: statePath)
        if fresh {
            let reset = try await SandboxReset.run(statePath, yes: yes, context: context)
            guard reset else { throw ShellError("the sandbox was not started") }
        }
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(statePath: statePath, model: .init(tokensPerSecond: 30)))
        let profileNote: String
        do {
            try SandboxProfile.follow(sandbox.relocations, context: context)
            profileNote = try SandboxProfile.save(sandbox.endpoints, as: profileName, current: .unlessSandbox, context: context)
            // The run goes on with whichever profile the sandbox left current.
            if let current = try context.profileStore.load().current { interpreter.profileBecameCurrent(current) }
        } catch {
            try? await sandbox.shutdown()
            throw error
        }
        interpreter.attach(sandbox)
        interpreter.setVariable("MODEL_URL", sandbox.endpoints.modelURL)
        if interactive && !interpreter.sessionOptions.quiet {
            printWelcome(sandbox, profileNote: profileNote, context: context)
        }
        return EmbeddedSandbox(sandbox: sandbox)
    }

    private static func printWelcome(_ sandbox: RunningSandbox, profileNote: String, context: CommandContext) {
        let output = context.output
        SandboxProfile.printBanner(sandbox.endpoints, reveal: false, profileNote: profileNote, resumed: sandbox.resumed, context: context)
        let current = try? context.resolvedProfile()
        let next: StyledText
        if sandbox.resumed, let current, current.settings.isSandbox, current.settings.gateway != nil {
            next = "Resumed where the last session stopped; profile '\(current.name)' is current: type " + output.style("chat", .bold) + "."
        } else {
            next = "Type " + output.style("source examples/llama70b.maas", .bold) + " to publish the model as the lab does, then "
                + output.style("chat", .bold) + "."
        }
        output.print(
            "\nThe sandbox is 3scale + APIcast + a model, on loopback; " + output.style("$MODEL_URL", .bold) + " is the model server.\n"
                + next + "\nLeaving the shell stops the sandbox; the next " + output.style("maas --sandbox", .bold)
                + " resumes it (" + output.style("maas sandbox reset", .bold) + " starts over).\n")
    }

    func stop(output: Output) async {
        do {
            try await sandbox.shutdown()
        } catch {
            output.error("error: stopping the sandbox: \(error)")
        }
    }
}
