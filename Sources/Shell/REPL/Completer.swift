import Foundation

/// Tab completion from the command tree: verbs, sub-verbs and flags at the
/// cursor, listed values for enumerated options, file paths where a file is
/// expected, and dynamic values (profile names…) from the session.
public struct Completer: Sendable {
    public struct Result: Equatable, Sendable {
        /// The partial word under the cursor that the candidates replace.
        public var word: String
        public var candidates: [String]
    }

    let catalog: CommandCatalog
    /// Replaces the command tree for sub-modes: candidates for the first word (chat's `/` commands).
    let firstWords: [String]?
    /// Values only the session knows, by value name (`profile` → profile names) and the
    /// positional words before it (a setting's values follow the setting).
    let dynamicValues: @Sendable (_ name: String, _ positionals: [String]) -> [String]
    let currentDirectory: String

    public init(catalog: CommandCatalog = .session, currentDirectory: String = FileManager.default.currentDirectoryPath,
                dynamicValues: @escaping @Sendable (_ name: String, _ positionals: [String]) -> [String]) {
        self.catalog = catalog
        self.currentDirectory = currentDirectory
        self.dynamicValues = dynamicValues
        self.firstWords = nil
    }

    /// Completes the first word from a fixed list (a sub-mode's commands) and the
    /// second from `dynamicValues(firstWord)`.
    public init(firstWords: [String], currentDirectory: String = FileManager.default.currentDirectoryPath,
                dynamicValues: @escaping @Sendable (String) -> [String] = { _ in [] }) {
        self.catalog = CommandCatalog(root: CommandCatalog.Node(name: "", aliases: [], abstract: "", subcommands: [], options: [], positionals: []))
        self.currentDirectory = currentDirectory
        self.dynamicValues = { name, _ in dynamicValues(name) }
        self.firstWords = firstWords
    }

    public func complete(_ textBeforeCursor: String) -> Result {
        if let firstWords {
            guard let space = textBeforeCursor.firstIndex(of: " ") else {
                return Result(word: textBeforeCursor, candidates: firstWords.filter { $0.hasPrefix(textBeforeCursor) })
            }
            let first = String(textBeforeCursor[..<space])
            let rest = textBeforeCursor[textBeforeCursor.index(after: space)...].drop { $0 == " " }
            guard !rest.contains(" ") else { return Result(word: "", candidates: []) }
            let word = String(rest)
            let values = first == "/save" || first == "/load"
                ? paths(matching: word, directoriesOnly: false) : dynamicValues(first, []).filter { $0.hasPrefix(word) }
            return Result(word: word, candidates: values)
        }
        let command = textBeforeCursor.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        var words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let endsWithSpace = command.last.map { $0 == " " || $0 == "\t" } ?? true
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        let current = partial.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let (node, consumed) = catalog.walk(words)
        let rest = Array(words.dropFirst(consumed))

        // A value for the option just before the cursor.
        if let previous = rest.last, previous.hasPrefix("-"), !previous.contains("="),
           let option = node.option(named: previous), let value = option.value {
            return Result(word: partial, candidates: values(value, matching: current, after: []))
        }
        if current.hasPrefix("-") {
            let flags = node.options.flatMap(\.names).filter { $0.hasPrefix("--") || current.count <= 2 }
            return Result(word: partial, candidates: flags.filter { $0.hasPrefix(current) }.sorted())
        }
        if node.name == "help" {
            let target = catalog.walk(Array(rest)).node
            return Result(word: partial, candidates: names(of: target, matching: current))
        }
        if !node.subcommands.isEmpty && rest.isEmpty {
            return Result(word: partial, candidates: names(of: node, matching: current))
        }
        let positionals = positionalWords(rest, node: node)
        guard !node.positionals.isEmpty else { return Result(word: partial, candidates: []) }
        let positional = node.positionals[min(positionals.count, node.positionals.count - 1)]
        return Result(word: partial, candidates: values(positional, matching: current, after: positionals))
    }

    private func names(of node: CommandCatalog.Node, matching prefix: String) -> [String] {
        node.subcommands.map(\.name).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The positional values before the cursor (options and their values are skipped).
    private func positionalWords(_ words: [String], node: CommandCatalog.Node) -> [String] {
        var positionals: [String] = []
        var skipNext = false
        for word in words {
            if skipNext {
                skipNext = false
            } else if word.hasPrefix("-") {
                skipNext = !word.contains("=") && node.option(named: word)?.value != nil
            } else {
                positionals.append(word)
            }
        }
        return positionals
    }

    private func values(_ value: CommandCatalog.ValueInfo, matching prefix: String, after positionals: [String]) -> [String] {
        switch value.completion {
        case .none: return []
        case let .list(values): return values.filter { $0.hasPrefix(prefix) }.sorted()
        case .dynamic: return dynamicValues(value.name, positionals).filter { $0.hasPrefix(prefix) }.sorted()
        case .file: return paths(matching: prefix, directoriesOnly: false)
        case .directory: return paths(matching: prefix, directoriesOnly: true)
        }
    }

    /// Entries of the folder named by the partial path; folders end with `/`.
    func paths(matching partial: String, directoriesOnly: Bool) -> [String] {
        let expanded = partial.hasPrefix("~/") ? NSHomeDirectory() + partial.dropFirst() : partial
        let slash = expanded.lastIndex(of: "/")
        let folderPart = slash.map { String(expanded[...$0]) } ?? ""
        let base = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let displayFolder = partial.lastIndex(of: "/").map { String(partial[...$0]) } ?? ""
        let folder = folderPart.isEmpty ? currentDirectory : (folderPart.hasPrefix("/") ? folderPart : "\(currentDirectory)/\(folderPart)")
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var result: [String] = []
        for entry in entries where entry.hasPrefix(base) && (base.hasPrefix(".") || !entry.hasPrefix(".")) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(folder)/\(entry)", isDirectory: &isDirectory)
            if directoriesOnly && !isDirectory.boolValue { continue }
            result.append(displayFolder + entry + (isDirectory.boolValue ? "/" : ""))
        }
        return result.sorted()
    }

    /// The longest prefix all candidates share.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
