import ArgumentParser
import Foundation

/// The command tree as data (verbs, sub-verbs, flags, value kinds), read from
/// ArgumentParser's own description of `MaasCommand`, so the REPL's completion
/// and "did you mean" can never disagree with the parser.
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

    public static let maas = CommandCatalog(root: load())

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

    private static func load() -> Node {
        do {
            _ = try MaasCommand.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let json = MaasCommand.fullMessage(for: error)
            if let info = try? JSONDecoder().decode(DumpedTool.self, from: Data(json.utf8)) {
                return node(from: info.command, type: MaasCommand.self)
            }
        }
        return Node(name: "maas", aliases: [], abstract: "", subcommands: [], options: [], positionals: [], secrets: nil)
    }

    /// `type` is the command the dump describes, for what the dump does not say (secrets).
    private static func node(from command: DumpedCommand, type: (any ParsableCommand.Type)?) -> Node {
        var options: [OptionInfo] = []
        var positionals: [ValueInfo] = []
        for argument in command.arguments ?? [] {
            let completion = argument.completion
            let value = ValueInfo(name: argument.valueName ?? "", completion: completion)
            switch argument.kind {
            case "positional":
                positionals.append(value)
            case "option":
                options.append(OptionInfo(names: argument.spelledNames, value: value))
            default:
                options.append(OptionInfo(names: argument.spelledNames, value: nil))
            }
        }
        let subtypes = type?.configuration.subcommands ?? []
        return Node(
            name: command.commandName, aliases: command.aliases ?? [], abstract: command.abstract ?? "",
            subcommands: (command.subcommands ?? []).filter { $0.shouldDisplay ?? true }.map { sub in
                node(from: sub, type: subtypes.first { $0._commandName == sub.commandName })
            },
            options: options, positionals: positionals, secrets: (type as? any DeclaresSecrets.Type)?.secrets)
    }
}

/// The subset of ArgumentParser's `--experimental-dump-help` JSON that maas reads.
private struct DumpedTool: Decodable {
    var command: DumpedCommand
}

private struct DumpedCommand: Decodable {
    var commandName: String
    var aliases: [String]?
    var abstract: String?
    var shouldDisplay: Bool?
    var subcommands: [DumpedCommand]?
    var arguments: [DumpedArgument]?
}

private struct DumpedArgument: Decodable {
    struct Name: Decodable {
        var kind: String
        var name: String
    }

    var kind: String
    var names: [Name]?
    var valueName: String?
    var allValues: [String]?
    var completionKind: CompletionKind?

    var spelledNames: [String] {
        (names ?? []).map { name in
            switch name.kind {
            case "long": "--\(name.name)"
            case "longWithSingleDash": "-\(name.name)"
            default: "-\(name.name)"
            }
        }
    }

    var completion: CommandCatalog.ValueCompletion {
        if let allValues, !allValues.isEmpty { return .list(allValues) }
        switch completionKind?.kind {
        case "file": return .file
        case "directory": return .directory
        case "custom", "customAsync", "customDeprecated": return .dynamic
        case "list": return .list(completionKind?.values ?? [])
        default: return .none
        }
    }

    /// ArgumentParser encodes the completion kind as `{"file": {...}}`: only the key matters here.
    struct CompletionKind: Decodable {
        var kind: String?
        var values: [String]?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        private struct ListPayload: Decodable { var values: [String]? }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            kind = container.allKeys.first?.stringValue
            if let key = container.allKeys.first, key.stringValue == "list" {
                values = try? container.decode(ListPayload.self, forKey: key).values
            }
        }
    }
}
