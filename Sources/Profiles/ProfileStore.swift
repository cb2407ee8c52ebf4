import Foundation
import Yams

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes the profile file safely: 0600 in a 0700 folder, atomic
/// replacement, an advisory lock around every read-modify-write, and a file
/// that does not parse is reported and never overwritten. A path that is a
/// symbolic link is written through: the link's target is replaced, the link stays.
public struct ProfileStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public init(environment: [String: String]) {
        self.init(path: ProfileLocation.path(environment: environment))
    }

    /// The document on disk; an absent file is an empty document.
    public func load() throws(ProfileError) -> ProfileDocument {
        try load(from: path)
    }

    private func load(from file: String) throws(ProfileError) -> ProfileDocument {
        guard let data = try contents(of: file) else { return ProfileDocument() }
        return try decode(data)
    }

    /// A profile file larger than this is not one maas wrote.
    static let maxFileBytes = 4 << 20

    /// The file's bytes, or nil when there is none. One `open` decides both, so a file that
    /// another `maas` creates meanwhile is read whole or found absent, never misreported.
    private func contents(of file: String) throws(ProfileError) -> Data? {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            data.append(contentsOf: buffer[0..<count])
            guard data.count <= Self.maxFileBytes else {
                throw .unreadable(path: path, reason: "it is larger than \(Self.maxFileBytes >> 20) MiB, so not a profile file")
            }
        }
    }

    /// Applies `change` to the current document under the lock and writes the
    /// result atomically. Nothing is written when `change` throws.
    @discardableResult
    public func update<T>(_ change: (inout ProfileDocument) throws(ProfileError) -> T) throws(ProfileError) -> T {
        let file = try target()
        try ensureDirectory(of: file)
        let lock = try FileLock(path: file + ".lock")
        defer { lock.release() }
        var document = try load(from: file)
        let result = try change(&document)
        try write(document, to: file)
        return result
    }

    /// At most this many symbolic links are followed, as Linux's own limit.
    static let maxSymbolicLinks = 40

    /// The file the path names, following symbolic links (a chain of them, each
    /// relative to the folder of the link that holds it). A path that does not
    /// exist yet, or a link to one, names the file to create.
    private func target() throws(ProfileError) -> String {
        var current = path
        for _ in 0..<Self.maxSymbolicLinks {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
            let count = readlink(current, &buffer, buffer.count)
            guard count > 0 else {
                throw .unwritable(path: path, reason: "cannot read the link \(current): \(String(cString: strerror(errno)))")
            }
            let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : Self.folder(of: current) + "/" + destination
        }
        throw .unwritable(path: path, reason: "more than \(Self.maxSymbolicLinks) symbolic links to follow (a loop?)")
    }

    /// A warning when the file is readable by anyone but its owner.
    public func permissionWarning() -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & 0o077 != 0 else { return nil }
        let mode = String(info.st_mode & 0o777, radix: 8)
        return "warning: \(path) is readable by other users (mode \(mode)); it holds secrets: run `chmod 600 \(path)`"
    }

    private func decode(_ data: Data) throws(ProfileError) -> ProfileDocument {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(path: path, line: nil, column: nil, reason: "it is not UTF-8 text")
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return ProfileDocument() }
        let root: Node?
        do {
            root = try ProfileDocument.compose(text)
        } catch let error as YamlError {
            throw Self.malformed(path: path, yamlError: error)
        } catch {
            throw .malformed(path: path, line: nil, column: nil, reason: "\(error)")
        }
        guard let root else { return ProfileDocument() }
        do {
            return try ProfileDocument(yaml: root)
        } catch {
            throw .malformed(path: path, line: nil, column: nil, reason: error.description)
        }
    }

    private static func malformed(path: String, yamlError: YamlError) -> ProfileError {
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .malformed(path: path, line: mark.line, column: mark.column, reason: problem)
        case let .reader(problem, _, _, _):
            return .malformed(path: path, line: nil, column: nil, reason: problem)
        default:
            return .malformed(path: path, line: nil, column: nil, reason: "\(yamlError)")
        }
    }

    private static func folder(of file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private func ensureDirectory(of file: String) throws(ProfileError) {
        let dir = Self.folder(of: file)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .unwritable(path: path, reason: "\(dir) is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unwritable(path: path, reason: "cannot create \(dir): \(error.localizedDescription)")
        }
    }

    /// Temp file in the same folder as `file`, fsync, rename over `file`, fsync the folder.
    private func write(_ document: ProfileDocument, to file: String) throws(ProfileError) {
        let text: String
        do {
            let encoder = YAMLEncoder()
            encoder.options.sortKeys = true
            encoder.options.allowUnicode = true
            text = "# maas profiles: holds secrets, keep it private (mode 0600)\n" + (try encoder.encode(document))
        } catch {
            throw .unwritable(path: path, reason: "cannot encode: \(error)")
        }
        let dir = Self.folder(of: file)
        let temp = "\(dir)/.\((file as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .unwritable(path: path, reason: reason)
            }
            written += n
        }
        guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unwritable(path: path, reason: reason)
        }
        close(fd)
        guard rename(temp, file) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        ok = true
        let dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }
}

/// An exclusive `flock` on a side file, so concurrent `maas` processes serialise their writes.
struct FileLock {
    private let fd: Int32

    init(path: String) throws(ProfileError) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unwritable(path: path, reason: "cannot lock: \(reason)")
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// write(2), under a name that no `write` method shadows.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// read(2), beside `systemWrite`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
