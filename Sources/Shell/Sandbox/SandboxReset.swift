import Foundation
import Sandbox

/// `maas sandbox reset` and `--fresh`: the sandbox's state goes, after a yes on a
/// terminal or with `--yes`; nothing is asked when there is no state.
enum SandboxReset {
    /// Deletes the state at `file`; false when the user said no.
    static func run(_ file: String, yes: Bool, context: CommandContext) async throws -> Bool {
        guard FileManager.default.fileExists(atPath: file) else {
            if !context.options.quiet { context.output.print("no sandbox state in \(file): nothing to reset") }
            return true
        }
        if !yes {
            guard context.interpreter.input.isTerminal else {
                throw ShellError.usage("this deletes the sandbox's state in \(file) (products, backends, accounts, applications and keys); add --yes to confirm without a terminal")
            }
            let answer = try await context.interpreter.input.readLine(
                prompt: "Delete the sandbox's state in \(file) (products, backends, accounts, applications and keys)? [y/N] ",
                echo: true, output: context.output)
            guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                context.output.print("kept the sandbox's state in \(file)")
                return false
            }
        }
        try SandboxStateReset.delete(statePath: file)
        if !context.options.quiet { context.output.print("deleted the sandbox's state in \(file); the next start is a fresh one") }
        return true
    }
}
