/// Where the profile file lives: `$MAAS_CONFIG`, else `$XDG_CONFIG_HOME/maas/profiles.yaml`,
/// else `~/.config/maas/profiles.yaml`.
public enum ProfileLocation {
    public static func path(environment: [String: String]) -> String {
        if let explicit = environment["MAAS_CONFIG"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return "\(xdg)/maas/profiles.yaml" }
        return "\(homeDirectory(environment: environment))/.config/maas/profiles.yaml"
    }

    static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return "."
    }
}
