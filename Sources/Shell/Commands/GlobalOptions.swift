import Foundation
import ArgumentParser
import Profiles

extension OutputFormat: ExpressibleByArgument {}

/// Options every verb takes; given before the verb on the command line they apply to the whole run.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("Use this profile instead of the current one.", valueName: "profile"),
            completion: .custom { _, _, _ in ProfileNames.fromDefaultLocation() })
    public var profile: String?

    @OptionGroup public var common: CommonOptions

    public init() {}

    /// The parsed values as plain settings (reading an unparsed option group would trap).
    var settings: Settings { common.settings(profile: profile) }
}

/// The global options other than `--profile`: `compare`, whose `--profile` is repeatable
/// (one target each), takes these.
public struct CommonOptions: ParsableArguments, Sendable {
    @Option(name: [.short, .long], help: "Output format: table, json or yaml.")
    public var output: OutputFormat?

    @Flag(name: .customLong("no-color"), help: "Plain output without colours (also NO_COLOR=1).")
    public var noColor = false

    @Flag(name: [.short, .long], help: "Print less: no stats, no banners.")
    public var quiet = false

    @Flag(name: [.short, .long], help: ArgumentHelp(
        "Log each HTTP request on standard error: method, URL, status, timings, bytes; -vv adds headers and the start of bodies, secrets masked."))
    public var verbose: Int

    @Flag(name: .customLong("no-log"), help: "Keep the prompts out of the prompt log (also MAAS_NO_LOG=1, or `profile set log off`).")
    public var noLog = false

    public init() {}

    func settings(profile: String?) -> Settings {
        Settings(profile: profile, output: output, noColor: noColor, quiet: quiet, verbose: verbose, noLog: noLog)
    }
}

/// The global options' values in force for a run or one command.
public struct Settings: Sendable, Equatable {
    public var profile: String?
    public var output: OutputFormat?
    public var noColor = false
    public var quiet = false
    /// How many times `-v` was given: 1 logs each request, 2 also its headers and bodies.
    public var verbose = 0
    /// Prompts are not written to the prompt log.
    public var noLog = false

    public init(
        profile: String? = nil, output: OutputFormat? = nil, noColor: Bool = false, quiet: Bool = false, verbose: Int = 0,
        noLog: Bool = false
    ) {
        self.profile = profile
        self.output = output
        self.noColor = noColor
        self.quiet = quiet
        self.verbose = verbose
        self.noLog = noLog
    }

    /// Options given on the verb win over the ones given for the whole run.
    func overridden(by command: Settings?) -> Settings {
        guard let command else { return self }
        return Settings(
            profile: command.profile ?? profile, output: command.output ?? output,
            noColor: noColor || command.noColor, quiet: quiet || command.quiet, verbose: max(verbose, command.verbose),
            noLog: noLog || command.noLog)
    }
}

/// Profile names for shell completion scripts, read from the usual file.
enum ProfileNames {
    static func fromDefaultLocation() -> [String] {
        let store = ProfileStore(environment: ProcessInfo.processInfo.environment)
        return (try? store.load().names) ?? []
    }
}
