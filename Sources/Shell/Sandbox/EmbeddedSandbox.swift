import Profiles
import Sandbox

/// `maas --sandbox`: a sandbox inside this process for the length of the run, its
/// profile current, and `$MODEL_URL` set for the lab script.
struct EmbeddedSandbox {
    let sandbox: RunningSandbox

    static let profileName = "sandbox"

    static func start(interpreter: Interpreter, interactive: Bool) async throws -> EmbeddedSandbox {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(model: .init(tokensPerSecond: 30)))
        let context = CommandContext(interpreter: interpreter, options: interpreter.sessionOptions, scriptDirectory: nil, lineSource: nil)
        do {
            _ = try SandboxProfile.save(sandbox.endpoints, as: profileName, context: context)
            try interpreter.profileStore.update { $0.current = profileName }
            interpreter.profileBecameCurrent(profileName)
        } catch {
            try? await sandbox.shutdown()
            throw error
        }
        interpreter.setVariable("MODEL_URL", sandbox.endpoints.modelURL)
        if interactive && !interpreter.sessionOptions.quiet {
            let output = interpreter.output
            SandboxProfile.printBanner(sandbox.endpoints, reveal: false, profileNote: "profile '\(profileName)', now current", context: context)
            output.print(
                "\nThe sandbox is 3scale + APIcast + a model, on loopback; " + output.style("$MODEL_URL", .bold) + " is the model server.\n"
                    + "Type " + output.style("source examples/llama70b.maas", .bold) + " to publish the model as the lab does, then "
                    + output.style("chat", .bold) + ".\nLeaving the shell stops the sandbox.\n")
        }
        return EmbeddedSandbox(sandbox: sandbox)
    }

    func stop(output: Output) async {
        do {
            try await sandbox.shutdown()
        } catch {
            output.error("error: stopping the sandbox: \(error)")
        }
    }
}
