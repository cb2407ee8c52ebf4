import Foundation

/// Starting over: the state file goes, under its lock, so a running sandbox is never
/// pulled from under its users (that is an error naming it).
public enum SandboxStateReset {
    /// Deletes the state file; false when there was none.
    @discardableResult
    public static func delete(statePath: String) throws(SandboxError) -> Bool {
        guard FileManager.default.fileExists(atPath: statePath) else { return false }
        let lock = try StateLock.acquire(statePath: statePath)
        defer { lock.release() }
        guard unlink(statePath) == 0 else {
            if errno == ENOENT { return false }
            throw .stateFile(path: statePath, reason: "cannot be deleted (\(String(cString: strerror(errno))))")
        }
        return true
    }
}
