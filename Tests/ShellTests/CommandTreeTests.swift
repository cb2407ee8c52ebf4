import ArgumentParser
import Foundation
import Testing
@testable import Shell

/// The one command tree: the catalogue, help, the completion scripts and maas's own
/// command line all read the run and global options from `MaasCommand`.
@Suite struct CommandTreeTests {
    /// Every verb path under `type`, from its configuration (not from the catalogue).
    static func verbPaths(of type: any ParsableCommand.Type, prefix: [String] = []) -> [[String]] {
        type.configuration.subcommands.flatMap { sub -> [[String]] in
            let path = prefix + [sub._commandName]
            return [path] + verbPaths(of: sub, prefix: path)
        }
    }

    @Test func theCatalogueHoldsEveryVerbWithItsArguments() throws {
        let catalog = try CommandCatalog.loaded.get()
        let paths = Self.verbPaths(of: MaasCommand.self)
        #expect(paths.count > 60)
        for path in paths {
            let (node, consumed) = catalog.walk(path)
            #expect(consumed == path.count, "the catalogue lacks '\(path.joined(separator: " "))'")
            // Every command's description has --help: its arguments were read, not left empty.
            #expect(node.option(named: "--help") != nil, "no arguments read for '\(path.joined(separator: " "))'")
        }
        #expect(catalog.walk(["apply"]).node.option(named: "-f")?.value != nil)
        #expect(catalog.walk(["product", "rules", "add"]).node.positionals.count >= 3)
    }

    @Test func theRootHasTheRunAndGlobalOptionsAndTheSessionDoesNot() throws {
        let root = CommandCatalog.maas.root
        for name in ["-f", "--file", "-c", "--command", "--profile", "-o", "--output"] {
            #expect(root.option(named: name)?.value != nil, "\(name) should take a value")
        }
        for name in ["--continue-on-error", "--sandbox", "--no-color", "-q", "--quiet", "-v", "--verbose", "--version"] {
            #expect(root.option(named: name) != nil && root.option(named: name)?.value == nil, "\(name) should be a flag")
        }
        #expect(CommandCatalog.session.root.options.isEmpty)
        #expect(CommandCatalog.session.root.subcommands.map(\.name) == root.subcommands.map(\.name))
    }

    @Test func aTreeThatCannotBeReadIsAnErrorNamingThePlace() throws {
        #expect(throws: CatalogError.self) { try CommandCatalog.load(dump: "not json") }
        #expect(throws: CatalogError.self) { try CommandCatalog.load(dump: #"{"serializationVersion": 1, "command": {"commandName": "maas"}}"#) }
        // A description that lacks a verb the types have.
        var dump = try #require(try JSONSerialization.jsonObject(with: Data(MaasCommand._dumpHelp().utf8)) as? [String: Any])
        var command = try #require(dump["command"] as? [String: Any])
        command["subcommands"] = (command["subcommands"] as? [[String: Any]])?.filter { $0["commandName"] as? String != "whoami" }
        dump["command"] = command
        let text = String(decoding: try JSONSerialization.data(withJSONObject: dump), as: UTF8.self)
        do {
            _ = try CommandCatalog.load(dump: text)
            Issue.record("a description without 'whoami' was accepted")
        } catch {
            #expect(error.path == ["maas", "whoami"])
            #expect(error.description.contains("maas cannot read its own command tree at 'maas whoami'"))
        }
        // An argument of a kind maas does not know.
        let strange = MaasCommand._dumpHelp().replacing(#""kind" : "flag""#, with: #""kind" : "switch""#)
        #expect(throws: CatalogError.self) { try CommandCatalog.load(dump: strange) }
    }

    @Test func maassOwnOptionsComeBeforeTheVerbAndTheRestIsTheCommand() throws {
        let script = try MaasInvocation.parse(["-f", "lab.maas"])
        #expect(script.run.file == "lab.maas" && script.command.isEmpty)
        let oneShot = try MaasInvocation.parse(["--profile", "models", "-qv", "models", "-o", "json", "-f", "x"])
        #expect(oneShot.globals.profile == "models" && oneShot.globals.settings.quiet && oneShot.globals.settings.verbose == 1)
        #expect(oneShot.run.file == nil && oneShot.command == ["models", "-o", "json", "-f", "x"])
        let equals = try MaasInvocation.parse(["--output=json", "apply", "-f", "x.yaml"])
        #expect(equals.globals.settings.output == .json && equals.command == ["apply", "-f", "x.yaml"])
        #expect(try MaasInvocation.parse(["--sandbox", "--", "-weird-file"]).command == ["-weird-file"])
        // Help and version are the tree's: passed on to the session root.
        #expect(try MaasInvocation.parse(["-v", "--help"]).command == ["--help"])
        #expect(throws: (any Error).self) { try MaasInvocation.parse(["--profile"]) }
    }

    /// A line that starts with a verb or a file skips the root's parse and means the same.
    @Test func aLineStartingWithAVerbIsTheCommandAsItIs() throws {
        for words in [["whoami", "-o", "json"], ["lab.maas", "-q"], ["complete", "--", "-x"], []] {
            let fast = try Invocation.parse(words)
            #expect(fast == Invocation(command: words))
            let parsed = try MaasInvocation.parse(words)
            #expect(parsed.command == fast.command && parsed.globals.settings == fast.settings && parsed.run.file == nil)
        }
        let options = try Invocation.parse(["--sandbox", "-o", "yaml", "-c", "models", "--continue-on-error"])
        #expect(options.sandbox && options.continueOnError && options.commands == "models" && options.settings.output == .yaml)
    }

    @Test func verbsAreFoundFromTheTypesAlone() {
        #expect(SessionCommand.subcommand(named: "quit") == ExitCommand.self)
        #expect(SessionCommand.verbCount(["product", "rules", "add", "P"]) == 3)
        #expect(SessionCommand.subcommandNames.contains("whoami"))
    }

    @Test func helpShowsTheRunAndGlobalOptions() {
        let help = MaasCommand.helpMessage(columns: 200)
        for option in ["--file", "--command", "--continue-on-error", "--sandbox", "--profile", "--output", "--no-color", "--verbose"] {
            #expect(help.contains(option), "maas --help lacks \(option)")
        }
    }

    /// What bash offers for `maas -<TAB>` and `maas apply -<TAB>`, by the generated script itself.
    func bashCompletions(_ words: [String]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-bash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("maas.bash")
        try MaasCommand.completionScript(for: .bash).write(to: script, atomically: true, encoding: .utf8)
        let line = words.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", """
            source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _maas maas "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"; printf '%s\\n' "${COMPREPLY[@]}"
            """, "bash", script.path] + words
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "bash completion of '\(line)' failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func oneShotCompletionOffersTheRunOptions() throws {
        let root = try bashCompletions(["maas", "-"])
        for option in ["-f", "--file", "-c", "--command", "--continue-on-error", "--sandbox", "--profile", "-v"] {
            #expect(root.contains(option), "maas -<TAB> does not offer \(option)")
        }
        let apply = try bashCompletions(["maas", "apply", "-"])
        #expect(apply.contains("-f") && apply.contains("--dry-run") && !apply.contains("--sandbox"))
        for shell in [CompletionShell.zsh, .fish] {
            let script = MaasCommand.completionScript(for: shell)
            #expect(script.contains("sandbox") && script.contains("continue-on-error"), "\(shell) lacks the run options")
        }
    }

    @Test func theSessionsHelpIsMaassHelpAndItsVerbsKeepTheirOwnShortOptions() async throws {
        let h = try InterpreterTests.Harness()
        #expect(await h.interpreter.execute(["help"]) == .success)
        #expect(h.out.text.contains("--sandbox") && h.out.text.contains("whoami"))
        #expect(await h.interpreter.execute(["--version"]) == .success)
        #expect(h.out.text.hasSuffix("maas \(MaasCommand.version)\n"))
        // The root's -f does not take `apply -f FILE`'s: the file is read (and is missing).
        let outcome = await h.interpreter.execute(["apply", "-f", h.folder + "/none.yaml", "--dry-run"])
        guard case let .failure(error) = outcome else {
            Issue.record("apply -f on a missing file succeeded")
            return
        }
        #expect(error.message.contains("none.yaml"))
    }
}
