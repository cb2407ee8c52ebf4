import ArgumentParser

/// A verb of the one command tree. ArgumentParser parses it from argv, a REPL
/// line or a script line; the interpreter then runs it with a context instead of
/// `run()`, so that commands never reach for globals.
public protocol ShellCommand: ParsableCommand {
    /// The per-verb global options, for verbs that take them.
    var globals: Settings? { get }
    func run(in context: CommandContext) async throws
}

extension ShellCommand {
    public var globals: Settings? { nil }
}
