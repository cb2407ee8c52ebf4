import ArgumentParser

/// Verbs by name, straight from the command types' configurations: what a run needs to
/// pick its verb, with no reading of the tree's arguments (which costs start-up time; the
/// catalogue reads them when completion, the history or a usage error needs them).
extension ParsableCommand {
    /// The subcommand this word names, by its name or an alias.
    static func subcommand(named word: String) -> (any ParsableCommand.Type)? {
        configuration.subcommands.first { $0._commandName == word || $0.configuration.aliases.contains(word) }
    }

    /// How many of `words` name a chain of subcommands from here.
    static func verbCount(_ words: [String]) -> Int {
        var command: any ParsableCommand.Type = self
        var count = 0
        for word in words {
            guard let next = command.subcommand(named: word) else { break }
            command = next
            count += 1
        }
        return count
    }

    /// The names and aliases of the subcommands, for "did you mean".
    static var subcommandNames: [String] {
        configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
    }
}
