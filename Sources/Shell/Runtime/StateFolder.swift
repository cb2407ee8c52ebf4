/// maas's folder for state that is not configuration (history, the prompt log, the sandbox):
/// `$XDG_STATE_HOME/maas`, else `~/.local/state/maas`, HOME taken from the run's environment.
enum StateFolder {
    static func path(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/maas" }
        return "\(environment["HOME"] ?? ".")/.local/state/maas"
    }
}
