import ArgumentParser
import Foundation

/// The command tree as data (verbs, sub-verbs, flags, value kinds), read from the
/// `MaasCommand` types and ArgumentParser's own description of their arguments, so
/// the REPL's completion and "did you mean" can never disagree with the parser.
public struct CommandCatalog: Sendable {
    public struct Node: Sendable {
        public var name: String
        public var aliases: [String]
        public var abstract: String
        public var subcommands: [Node]
        public var options: [OptionInfo]
        public var positionals: [ValueInfo]
        /// What the verb declares secret (`DeclaresSecrets`), for the history redactor.
        public var secrets: SecretArguments? = nil

        func subcommand(named word: String) -> Node? {
            subcommands.first { $0.name == word || $0.aliases.contains(word) }
        }

        public func option(named word: String) -> OptionInfo? {
            options.first { $0.names.contains(word) }
        }
    }

    public struct OptionInfo: Sendable {
        public var names: [String]
        public var value: ValueInfo?
    }

    public struct ValueInfo: Sendable {
        public var name: String
        public var completion: ValueCompletion
    }

    public enum ValueCompletion: Sendable, Equatable {
        case none
        case list([String])
        case file
        case directory
        /// Values only the running shell knows (profile names, model ids…), keyed by the value's name.
        case dynamic
    }

    public let root: Node
    /// Every option of the tree by name (a name that takes a value anywhere is read as taking one).
    private let options: [String: OptionInfo]
    /// The options some verb declares secret.
    let secretOptions: Set<String>

    /// The catalogue of `MaasCommand`, or why it could not be read (read on first use).
    public static let loaded = Result { () throws(CatalogError) in try CommandCatalog(root: load()) }

    /// What a session or script line is read against: the same verbs, no root options
    /// (they belong before the verb on maas's own command line).
    public static let loadedSession = loaded.map { CommandCatalog(root: $0.root.withoutOptions) }

    /// The whole tree, with maas's own options on the root (`-f`, `--sandbox`…). Reading it
    /// is not expected to fail; when it does, maas is broken and this stops it with the
    /// reason (the REPL and usage errors report `loaded`'s error as a message first).
    public static var maas: CommandCatalog { unwrap(loaded) }

    public static var session: CommandCatalog { unwrap(loadedSession) }

    private static func unwrap(_ result: Result<CommandCatalog, CatalogError>) -> CommandCatalog {
        switch result {
        case let .success(catalog): catalog
        case let .failure(error): preconditionFailure(error.description)
        }
    }

    public init(root: Node) {
        self.root = root
        var options: [String: OptionInfo] = [:]
        var secrets: Set<String> = []
        var pending = [root]
        while let node = pending.popLast() {
            for option in node.options {
                for name in option.names where options[name]?.value == nil { options[name] = option }
            }
            secrets.formUnion(node.secrets?.options ?? [])
            pending += node.subcommands
        }
        self.options = options
        secretOptions = secrets
    }

    /// The option with this name on any verb.
    func anyOption(named name: String) -> OptionInfo? { options[name] }

    /// The node reached by following `words` from the root, and how many words named commands.
    public func walk(_ words: [String]) -> (node: Node, consumed: Int) {
        var node = root
        var consumed = 0
        for word in words {
            guard let next = node.subcommand(named: word) else { break }
            node = next
            consumed += 1
        }
        return (node, consumed)
    }

    /// The verbs come from the `ParsableCommand` types' configurations; their arguments
    /// from ArgumentParser's description of the tree (`_dumpHelp`, the JSON of
    /// `--experimental-dump-help`), the one place it states them. Any disagreement
    /// between the two, or a description maas cannot read, is an error.
    static func load(dump: String = MaasCommand._dumpHelp()) throws(CatalogError) -> Node {
        let tool: DumpedTool
        do {
            tool = try JSONDecoder().decode(DumpedTool.self, from: Data(dump.utf8))
        } catch {
            throw CatalogError(path: [], problem: "its description does not decode: \(error)")
        }
        guard tool.serializationVersion == 0 else {
            throw CatalogError(path: [], problem: "its description is version \(tool.serializationVersion), maas reads version 0")
        }
        return try node(for: MaasCommand.self, described: tool.command, path: [])
    }

    private static func node(
        for type: any ParsableCommand.Type, described command: DumpedCommand, path: [String]
    ) throws(CatalogError) -> Node {
        let path = path + [type._commandName]
        guard command.commandName == type._commandName else {
            throw CatalogError(path: path, problem: "the description names it '\(command.commandName)'")
        }
        var described = command.subcommands ?? []
        var subcommands: [Node] = []
        for subtype in type.configuration.subcommands {
            guard let index = described.firstIndex(where: { $0.commandName == subtype._commandName }) else {
                throw CatalogError(path: path + [subtype._commandName], problem: "the description does not have it")
            }
            let description = described.remove(at: index)
            guard subtype.configuration.shouldDisplay else { continue }
            subcommands.append(try node(for: subtype, described: description, path: path))
        }
        // ArgumentParser gives the root a `help` verb of its own; it has no type of ours.
        for extra in described {
            guard extra.commandName == "help", path.count == 1 else {
                throw CatalogError(path: path + [extra.commandName], problem: "the description has it, the command types do not")
            }
            subcommands.append(arguments(of: extra, into: Node(name: "help", aliases: [], abstract: extra.abstract ?? "",
                                                                subcommands: [], options: [], positionals: [])))
        }
        let configuration = type.configuration
        let node = Node(
            name: type._commandName, aliases: configuration.aliases, abstract: configuration.abstract,
            subcommands: subcommands, options: [], positionals: [], secrets: (type as? any DeclaresSecrets.Type)?.secrets)
        return arguments(of: command, into: node)
    }

    private static func arguments(of command: DumpedCommand, into node: Node) -> Node {
        var node = node
        for argument in command.arguments ?? [] {
            let value = ValueInfo(name: argument.valueName ?? "", completion: argument.completion)
            switch argument.kind {
            case .positional: node.positionals.append(value)
            case .option: node.options.append(OptionInfo(names: argument.spelledNames, value: value))
            case .flag: node.options.append(OptionInfo(names: argument.spelledNames, value: nil))
            }
        }
        return node
    }
}

/// Why the command tree could not be read: a bug in maas, never the user's doing.
public struct CatalogError: Error, CustomStringConvertible, Equatable {
    /// The command where it went wrong, from the root (`maas product rules`).
    public var path: [String]
    public var problem: String

    public var description: String {
        let place = path.isEmpty ? "" : " at '\(path.joined(separator: " "))'"
        return "maas cannot read its own command tree\(place): \(problem). This is a bug in maas; please report it"
    }
}

extension CommandCatalog.Node {
    /// The node with its subcommands but none of its own options.
    var withoutOptions: Self {
        var node = self
        node.options = []
        return node
    }
}

/// The subset of ArgumentParser's `--experimental-dump-help` JSON (`ToolInfoV0`) that
/// maas reads. Fields the format always writes are required, and kinds are closed
/// enums, so a change of format fails to decode instead of reading as "no arguments".
private struct DumpedTool: Decodable {
    var serializationVersion: Int
    var command: DumpedCommand
}

private struct DumpedCommand: Decodable {
    var commandName: String
    var abstract: String?
    var subcommands: [DumpedCommand]?
    var arguments: [DumpedArgument]?
}

private struct DumpedArgument: Decodable {
    enum Kind: String, Decodable {
        case positional, option, flag
    }

    struct Name: Decodable {
        enum Kind: String, Decodable {
            case long, short, longWithSingleDash
        }

        var kind: Kind
        var name: String
    }

    var kind: Kind
    var names: [Name]?
    var valueName: String?
    var allValues: [String]?
    var completionKind: CompletionKind?

    var spelledNames: [String] {
        (names ?? []).map { name in
            switch name.kind {
            case .long: "--\(name.name)"
            case .short, .longWithSingleDash: "-\(name.name)"
            }
        }
    }

    var completion: CommandCatalog.ValueCompletion {
        if let allValues, !allValues.isEmpty { return .list(allValues) }
        return completionKind?.completion ?? .none
    }

    /// ArgumentParser encodes the completion kind as `{"file": {"extensions": []}}`: the key
    /// says which, and only a list has values maas uses.
    struct CompletionKind: Decodable {
        var completion: CommandCatalog.ValueCompletion

        private enum Key: String, CodingKey {
            case list, file, directory, shellCommand, custom, customAsync, customDeprecated
        }

        private struct ListPayload: Decodable { var values: [String] }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            guard container.allKeys.count == 1, let key = container.allKeys.first else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "expected one known completion kind"))
            }
            switch key {
            case .list: completion = .list(try container.decode(ListPayload.self, forKey: key).values)
            case .file: completion = .file
            case .directory: completion = .directory
            // maas runs no shell commands to complete a word.
            case .shellCommand: completion = .none
            case .custom, .customAsync, .customDeprecated: completion = .dynamic
            }
        }
    }
}
