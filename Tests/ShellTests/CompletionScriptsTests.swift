import ArgumentParser
import Foundation
import Testing
@testable import Shell

/// completions/ is generated from the command tree; this fails when someone changed the tree and forgot
/// to run scripts/gen-completions.
@Suite struct CompletionScriptsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [(CompletionShell.bash, "maas.bash"), (.zsh, "_maas"), (.fish, "maas.fish")])
    func committedScriptsAreCurrent(shell: CompletionShell, file: String) throws {
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        let generated = MaasCommand.completionScript(for: shell)
        #expect(committed.trimmingCharacters(in: .newlines) == generated.trimmingCharacters(in: .newlines),
                "completions/\(file) is stale: run scripts/gen-completions")
    }
}
