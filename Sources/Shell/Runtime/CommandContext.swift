import Foundation
import Profiles
import PromptLog

/// What a running command may use: the interpreter's services, the merged
/// global options and the output. Passed explicitly; there are no globals.
public struct CommandContext: Sendable {
    public let interpreter: Interpreter
    public let options: Settings
    public internal(set) var output: Output
    /// The folder of the script being run, for relative `source` paths; nil at the prompt.
    public let scriptDirectory: String?
    /// The following lines, for commands that read more input (chat mode).
    public let lineSource: (any LineSource)?
    /// The script file and line being run (for `expect`'s `FILE:LINE`); nil at the prompt.
    public let step: ScriptStep?
    /// The failure of the command just before, held back for `expect status` to judge.
    let precedingFailure: PrecedingFailure?

    init(
        interpreter: Interpreter, options: Settings, scriptDirectory: String?, lineSource: (any LineSource)?,
        step: ScriptStep? = nil, precedingFailure: PrecedingFailure? = nil
    ) {
        self.precedingFailure = precedingFailure
        self.lineSource = lineSource
        self.step = step
        self.interpreter = interpreter
        self.options = options
        var output = interpreter.output
        if options.noColor { output.color = false }
        self.output = output
        self.scriptDirectory = scriptDirectory
    }

    public var environment: [String: String] { interpreter.environment }
    public var profileStore: ProfileStore { interpreter.profileStore }
    var renderer: Renderer { Renderer(output: output, format: options.output ?? .table) }

    /// The profile name chosen by `--profile` (or made current earlier in the run), else `MAAS_PROFILE`, else the file's current one.
    public func resolvedProfile() throws -> ResolvedProfile {
        try ResolvedProfile.resolve(document: try profileStore.load(), selected: options.profile, environment: environment)
    }

    /// A prompt is being sent: the prompt log, when it will keep the prompt, opens meanwhile.
    func preparePromptLog(profile: Profile) {
        guard interpreter.promptLog.isEnabled(settings: options, profile: profile) else { return }
        interpreter.promptLog.prepare()
    }

    /// Every prompt's outcome passes here, answered or failed: `expect` checks the last one,
    /// and the prompt log keeps it unless `--no-log`, `MAAS_NO_LOG` or the profile says not to.
    func record(_ record: PromptRecord) {
        interpreter.rememberAnswer(record)
        let profile = (try? profileStore.load())?.profiles[record.profile]
        guard interpreter.promptLog.isEnabled(settings: options, profile: profile) else { return }
        let megabytes = profile?.logMaxMB ?? Profile.defaultLogMaxMB
        // Stamped with when it was sent.
        interpreter.promptLog.append(PromptLogEntry(record, at: Date() - record.total.seconds), maxBytes: megabytes << 20)
    }
}
