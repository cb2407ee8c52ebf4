import Profiles

extension CommandContext {
    /// The one warning for a profile that skips certificate checks, given once per
    /// session whichever client (gateway or admin) uses the profile first.
    func warnIfInsecure(_ profile: ResolvedProfile) {
        guard profile.settings.insecure == true, interpreter.firstTime(warning: "insecure:\(profile.name)") else { return }
        output.warn("warning: profile '\(profile.name)' skips TLS certificate checks (insecure: true); use it on test clusters only")
    }
}
