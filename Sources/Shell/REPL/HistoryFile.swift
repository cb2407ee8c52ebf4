import Foundation

/// The REPL's history on disk: `$XDG_STATE_HOME/maas/history` (default
/// `~/.local/state/maas/history`), mode 0600, one entry a line with `\\` and
/// `\n` escaped. Entries arrive already redacted.
public struct HistoryFile: Sendable {
    public let path: String
    static let limit = 1000

    public init(environment: [String: String]) {
        path = StateFolder.path(environment: environment) + "/history"
    }

    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { Self.unescape(String($0)) }
        return Array(lines.suffix(Self.limit))
    }

    /// Appends one entry, creating the file 0600 in a 0700 folder.
    public func append(_ entry: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let line = Self.escape(entry) + "\n"
        _ = line.withCString { write(fd, $0, strlen($0)) }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for c in text {
            if escaping {
                result.append(c == "n" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                result.append(c)
            }
        }
        return result
    }
}
