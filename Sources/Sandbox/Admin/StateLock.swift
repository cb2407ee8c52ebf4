import Foundation
import Synchronization

/// One sandbox at a time on a state file: an exclusive `flock` on `FILE.lock`, held
/// while the sandbox runs. Two sandboxes on one state would overwrite each other's
/// changes. The kernel drops the lock when the process ends, however it ends; the
/// holder's pid is written in the file for the message the next one gives.
final class StateLock: Sendable {
    private let fd: Mutex<Int32?>

    private init(fd: Int32) {
        self.fd = Mutex(fd)
    }

    static func lockPath(for statePath: String) -> String { statePath + ".lock" }

    static func acquire(statePath: String) throws(SandboxError) -> StateLock {
        let path = lockPath(for: statePath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .stateFile(path: statePath, reason: "cannot be locked (\(path): \(String(cString: strerror(errno))))")
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            let holder = busy ? holderPID(fd) : nil
            close(fd)
            if busy { throw .stateInUse(path: statePath, processID: holder) }
            throw .stateFile(path: statePath, reason: "cannot be locked (\(reason))")
        }
        let pid = "\(getpid())\n"
        if ftruncate(fd, 0) == 0 {
            _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        }
        return StateLock(fd: fd)
    }

    func release() {
        fd.withLock { fd in
            guard let open = fd else { return }
            flock(open, LOCK_UN)
            close(open)
            fd = nil
        }
    }

    deinit { release() }

    private static func holderPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
