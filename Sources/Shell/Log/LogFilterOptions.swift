import ArgumentParser
import Foundation
import PromptLog

/// The filters `logs` and `logs export` share.
struct LogFilterOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Only entries for this model.", valueName: "model"))
    var model: String?
    /// Takes the place of the global `--profile`, which these verbs do not need.
    @Option(help: ArgumentHelp("Only entries sent with this profile.", valueName: "profile"), completion: .custom(completeProfileNames))
    var profile: String?
    @Option(help: ArgumentHelp("Only entries this recent: 30s, 15m, 1h or 2d.", valueName: "age"))
    var since: String?
    @Option(help: ArgumentHelp("Only entries whose prompt, messages or answer hold all these words.", valueName: "text"))
    var search: String?
    @Flag(help: "Only entries that failed: a status other than 200, or an error (Ctrl-C included).")
    var failed = false

    init() {}

    func validate() throws {
        if let since, LogAge.parse(since) == nil {
            throw ValidationError("--since takes a number and a unit, such as 30s, 15m, 1h or 2d (not '\(since)')")
        }
    }

    func filter(limit: Int, now: Date = Date()) -> PromptLogFilter {
        let age = since.flatMap(LogAge.parse)
        return PromptLogFilter(
            limit: limit, model: model, profile: profile, since: age.map { now.addingTimeInterval(-$0) }, search: search,
            failed: failed)
    }
}

/// `30s`, `15m`, `1h`, `2d`: a whole number and a unit.
enum LogAge {
    /// The age in seconds, or nil when `text` is not such an age.
    static func parse(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0, count <= 100_000 else { return nil }
        switch unit {
        case "s": return TimeInterval(count)
        case "m": return TimeInterval(count) * 60
        case "h": return TimeInterval(count) * 3600
        case "d": return TimeInterval(count) * 86_400
        default: return nil
        }
    }
}
