import Untrusted

/// Rewrites a line for the history file with every secret value replaced by `***`.
///
/// The line is read as the command tree reads it: the tokenizer splits it into commands
/// and words, then each command is walked with the catalogue, which knows the verbs, which
/// options take a value, and what each verb declares secret (`SecretArguments`). Options
/// are skipped with their values wherever they stand (`profile --profile h1 set key K`),
/// so a secret is found by its place in the command, not by the word before it. A URL's
/// user-info is masked in any word (`http://***@host`).
public enum SecretRedactor {
    static let mask = "***"

    public static func redact(_ line: String) -> String {
        redact(line, catalog: .session)
    }

    static func redact(_ line: String, catalog: CommandCatalog) -> String {
        let parsed = Tokenizer.tokenizePrefix(line)
        let unparsed = !parsed.rest.allSatisfy(\.isWhitespace)
        var changed = unparsed
        var commands = parsed.commands.map { command -> String in
            let roles = Self.roles(of: command.words, catalog: catalog)
            return zip(command.words, roles).map { word, role in
                switch role {
                case .keep:
                    guard let masked = Self.maskingUserInfo(word) else { return render(word) }
                    changed = true
                    return masked
                case .secret:
                    changed = true
                    return mask
                case let .secretAfterEquals(option):
                    changed = true
                    return option + "=" + mask
                }
            }.joined(separator: " ")
        }
        guard changed else { return line }
        // A line that does not tokenize (an open quote) keeps only its whole words: the rest may hold anything.
        if unparsed, let last = commands.popLast() { commands.append(last.isEmpty ? mask : last + " " + mask) }
        return commands.joined(separator: "; ")
    }

    enum Role: Equatable {
        case keep
        case secret
        /// `--key=K`: the value after the option's name.
        case secretAfterEquals(option: String)
    }

    /// What each word of one command is, walking the command tree.
    static func roles(of words: [Word], catalog: CommandCatalog) -> [Role] {
        let plain: [String?] = words.map { word in
            if word.parts.count == 1, case let .literal(text) = word.parts[0] { return text }
            return nil
        }
        var roles = Array(repeating: Role.keep, count: words.count)
        var node = catalog.root
        var readingVerbs = true
        var onlyPositionals = false
        /// A secret option was read; its value is the next word that is not an option.
        var secretPending = false
        var positionals: [Int] = []
        var index = 0
        while index < words.count {
            defer { index += 1 }
            if !onlyPositionals, Self.looksLikeOption(plain[index]), let word = plain[index] {
                if word == "--" {
                    onlyPositionals = true
                    continue
                }
                let option = Self.option(word, at: node, catalog: catalog)
                if secretPending && !option.known {
                    roles[index] = .secret
                    secretPending = false
                } else if option.secret {
                    if let name = option.inlineName { roles[index] = .secretAfterEquals(option: name) } else { secretPending = true }
                } else if option.takesValue && option.inlineName == nil, index + 1 < words.count, !Self.looksLikeOption(plain[index + 1]) {
                    // As ArgumentParser reads it: a word that looks like an option is not a value.
                    index += 1
                    // `--key --profile p K`: which word was meant as the key is unclear, so both go.
                    if secretPending { roles[index] = .secret }
                }
                continue
            }
            if secretPending {
                roles[index] = .secret
                secretPending = false
                continue
            }
            if readingVerbs, let word = plain[index], let next = node.subcommand(named: word) {
                node = next
                continue
            }
            readingVerbs = false
            positionals.append(index)
        }
        if let rule = node.secrets?.positionals {
            for secret in rule(positionals.map { plain[$0] }) where positionals.indices.contains(secret) {
                roles[positionals[secret]] = .secret
            }
        }
        return roles
    }

    private static func looksLikeOption(_ word: String?) -> Bool {
        guard let word else { return false }
        return word.hasPrefix("-") && word != "-"
    }

    private struct OptionWord {
        var known = false
        var takesValue = false
        var secret = false
        /// For `--name=value`: the name.
        var inlineName: String?
    }

    /// How the catalogue reads one option word at `node`: `--name`, `--name=value`, or a
    /// cluster of short flags such as `-qv` (the last of which may take the next word).
    private static func option(_ word: String, at node: CommandCatalog.Node, catalog: CommandCatalog) -> OptionWord {
        var result = OptionWord()
        var names = [word]
        if let equals = word.firstIndex(of: "=") {
            names = [String(word[..<equals])]
            result.inlineName = names[0]
        } else if !word.hasPrefix("--"), word.count > 2, Self.option(named: word, at: node, catalog: catalog) == nil {
            names = word.dropFirst().map { "-\($0)" }
        }
        for name in names {
            let info = Self.option(named: name, at: node, catalog: catalog)
            result.known = result.known || info != nil
            result.takesValue = info?.value != nil
            result.secret = result.secret || Self.isSecret(name, at: node, catalog: catalog)
        }
        return result
    }

    /// The option as `node` knows it. Before the verb is reached (at a group such as
    /// `profile`, or under an unknown verb) any verb's options count, so that the global
    /// options (`--profile h1`) are skipped with their values. Past it, an option the verb
    /// does not know is taken as a flag: the words after it stay positional, where a
    /// secret positional is still found.
    private static func option(named name: String, at node: CommandCatalog.Node, catalog: CommandCatalog) -> CommandCatalog.OptionInfo? {
        if let known = node.option(named: name) { return known }
        return node.subcommands.isEmpty ? nil : catalog.anyOption(named: name)
    }

    /// Secret when the verb says so; for an option the verb does not know, when any verb
    /// declares it secret or its name says it is one (a mistyped `--api-key`).
    private static func isSecret(_ name: String, at node: CommandCatalog.Node, catalog: CommandCatalog) -> Bool {
        if node.secrets?.options.contains(name) == true { return true }
        if node.option(named: name) != nil { return false }
        let lowered = name.lowercased()
        return catalog.secretOptions.contains(name) || ["key", "token", "password", "secret"].contains { lowered.contains($0) }
    }

    /// A URL's user-info (`http://alice:hunter2@host`, also as `--gateway=URL`) is a
    /// password wherever it stands: the word is kept with `***` in its place.
    private static func maskingUserInfo(_ word: Word) -> String? {
        guard word.parts.count == 1, case let .literal(text)? = word.parts.first, text.contains("@") else { return nil }
        if text.hasPrefix("-"), let equals = text.firstIndex(of: "=") {
            let value = String(text[text.index(after: equals)...])
            return URLDisplay.maskingUserInfo(value).map { quoted(String(text[...equals]) + $0) }
        }
        guard text.contains("://") else { return nil }
        return URLDisplay.maskingUserInfo(text).map(quoted)
    }

    /// Shell-quotes a word so the redacted line still reads back the same.
    private static func render(_ word: Word) -> String {
        var text = ""
        for part in word.parts {
            switch part {
            case let .variable(name): text += "${\(name)}"
            case let .literal(literal): text += literal
            }
        }
        return quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        // maas does not glob, so `*` (the mask) needs no quotes.
        let safe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,+%{}$*".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
