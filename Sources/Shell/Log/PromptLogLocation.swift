/// Where the prompt log lives: `$XDG_STATE_HOME/maas/log.db`, else `~/.local/state/maas/log.db`,
/// HOME taken from the run's environment like the other state files.
enum PromptLogLocation {
    static func path(environment: [String: String]) -> String {
        return StateFolder.path(environment: environment) + "/log.db"
    }

    /// `path` with the home folder shown as `~`, for messages.
    static func display(_ path: String, environment: [String: String]) -> String {
        guard let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
