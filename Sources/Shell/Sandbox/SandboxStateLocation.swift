import Foundation

/// Where a sandbox keeps its state. `maas --sandbox` uses `$XDG_STATE_HOME/maas/sandbox/`
/// (`~/.local/state/maas/sandbox/`); `maas sandbox --state DIR|FILE` names a folder
/// (which holds the same layout) or a file. Folders are created 0700, files 0600.
enum SandboxStateLocation {
    static let fileName = "state.json"

    static func defaultFile(environment: [String: String]) -> String {
        return StateFolder.path(environment: environment) + "/sandbox/\(fileName)"
    }

    /// An existing folder, or a path ending in `/`, holds `state.json`; anything else is the file.
    static func file(for option: String) -> String {
        var isDirectory: ObjCBool = false
        if option.hasSuffix("/") || (FileManager.default.fileExists(atPath: option, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return (option.hasSuffix("/") ? String(option.dropLast()) : option) + "/" + fileName
        }
        return option
    }

    /// Creates the folder of a state file in a folder of ours (0700), when missing.
    static func prepareFolder(of file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ShellError("cannot create \(folder) for the sandbox's state: \(error.localizedDescription)")
        }
    }
}
