import ArgumentParser
import ThreeScaleAdmin

/// What the create verbs do when the object is there already: refuse, or with
/// `--exist-ok` keep it when it has the settings asked for (a line says so) and
/// refuse, naming each setting that differs, when it has others. Scripts that use
/// `--exist-ok` can run again and leave the same state.
enum ExistingObject {
    static let help = ArgumentHelp(
        "When it exists with the same settings, keep it and go on (with other settings: an error naming them), so a script can run twice.")

    /// True when `outcome` created the object; else says it was kept, or throws.
    /// - Parameters:
    ///   - what: the object as the messages name it, e.g. "backend llama70b".
    ///   - change: how to change it instead, e.g. "`backend update llama70b` or `apply -f`".
    @discardableResult
    static func settle<Object>(
        _ outcome: CreateOutcome<Object>, what: String, existOk: Bool, change: String, context: CommandContext
    ) throws -> Bool {
        switch outcome {
        case .created: return true
        case .kept: try settle([], what: what, existOk: existOk, change: change, context: context)
        case .differs(_, let differences): try settle(differences, what: what, existOk: existOk, change: change, context: context)
        }
        return false
    }

    /// A longer list (a product made another way) is cut: the first ones say enough.
    static let shown = 8

    /// Says an object that matches was kept, or throws.
    static func settle(
        _ differences: [SettingDifference], what: String, existOk: Bool, change: String, context: CommandContext
    ) throws {
        guard differences.isEmpty else {
            var listed = differences.prefix(shown).map(\.description).joined(separator: "; ")
            if differences.count > shown { listed += "; and \(differences.count - shown) more" }
            throw ShellError("\(what) \(existOk ? "exists" : "already exists") with other settings (\(listed)); change it with \(change)")
        }
        guard existOk else {
            throw ShellError("\(what) already exists: add --exist-ok to keep it (its settings match), or change it with \(change)")
        }
        guard !context.options.quiet else { return }
        let line = "\(what) exists with the same settings; kept"
        // Beside a json/yaml record, the note goes to standard error.
        if (context.options.output ?? .table) == .table { context.output.print(line) } else { context.output.note(line) }
    }
}
