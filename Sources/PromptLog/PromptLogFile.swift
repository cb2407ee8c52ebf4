import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The database file's place on disk: a folder only its owner reads (0700) and a file
/// created 0600 before SQLite opens it, so the -journal file SQLite makes beside it (or an
/// older log's -wal and -shm) takes the same mode.
enum PromptLogFile {
    static func prepare(path: String) throws(PromptLogError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw PromptLogError("cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw PromptLogError("it is a folder, not a file") }
            return
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw PromptLogError(String(cString: strerror(errno)))
        }
    }
}
