import Foundation
import Profiles

/// Which profiles are the sandbox's: those a verb (`login`, `admin login`, `app create
/// --save-profile`) writes in a session whose sandbox answers on every address they hold.
enum SandboxMark {
    /// Sets or clears the mark of a profile just written. `origins` are the addresses of
    /// the sandbox running in this process (none without one): then a marked profile keeps
    /// its mark as long as its addresses stay the same.
    static func update(_ profile: inout Profile, before: Profile?, origins: Set<String>) {
        if origins.isEmpty {
            if let before, before.gateway == profile.gateway, before.adminURL == profile.adminURL { return }
            profile.sandbox = nil
            return
        }
        let urls = [profile.gateway, profile.adminURL].compactMap { $0 }
        let ours = !urls.isEmpty && urls.allSatisfy { origin(of: $0).map(origins.contains) == true }
        profile.sandbox = ours ? true : nil
    }

    /// `scheme://host:port`, as the sandbox's listeners write their URLs.
    static func origin(of url: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              let host = parts.host?.lowercased(), let port = parts.port
        else { return nil }
        return "\(scheme)://\(host):\(port)"
    }
}
