import Foundation
import ArgumentParser
import Profiles

extension OutputFormat: ExpressibleByArgument {}

/// Options every verb takes; given before the verb on the command line they apply to the whole run.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("Use this profile instead of the current one.", valueName: "profile"),
            completion: .custom { _, _, _ in ProfileNames.fromDefaultLocation() })
    public var profile: String?

    @Option(name: [.short, .long], help: "Output format: table, json or yaml.")
    public var output: OutputFormat?

    @Flag(name: .customLong("no-color"), help: "Plain output without colours (also NO_COLOR=1).")
    public var noColor = false

    @Flag(name: [.short, .long], help: "Print less: no stats, no banners.")
    public var quiet = false

    @Flag(name: [.short, .long], help: "Print more: requests and timings.")
    public var verbose = false

    public init() {}

    /// Options given on the verb win over the ones given for the whole run.
    func overriding(_ session: GlobalOptions) -> GlobalOptions {
        var merged = session
        if let profile { merged.profile = profile }
        if let output { merged.output = output }
        merged.noColor = session.noColor || noColor
        merged.quiet = session.quiet || quiet
        merged.verbose = session.verbose || verbose
        return merged
    }
}

/// Profile names for shell completion scripts, read from the usual file.
enum ProfileNames {
    static func fromDefaultLocation() -> [String] {
        let store = ProfileStore(environment: ProcessInfo.processInfo.environment)
        return (try? store.load().names) ?? []
    }
}
