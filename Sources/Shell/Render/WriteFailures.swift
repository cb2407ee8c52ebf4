import Foundation
import Synchronization

/// The first failed write on each file descriptor of this process, and what it means for
/// the exit status. Standard output is one per process, so its state is too.
public enum WriteFailures {
    private static let errors = Mutex<[Int32: Int32]>([:])

    static func record(_ error: Int32, on fd: Int32) {
        errors.withLock { if $0[fd] == nil { $0[fd] = error } }
    }

    /// The errno of the first failed write on `fd`, if one failed.
    static func error(on fd: Int32) -> Int32? {
        errors.withLock { $0[fd] }
    }

    /// The exit status once a run is over. Lost output is a failure, said on standard error
    /// (`cannot write: no space left on device`); a reader that left (`| head`) is not an
    /// error to report: the status is 141, as if SIGPIPE (which maas ignores) had ended it.
    public static func exitStatus(after status: Int32, output: Output) -> Int32 {
        guard let error = error(on: STDOUT_FILENO) else { return status }
        if error == EPIPE { return 128 + SIGPIPE }
        output.error("error: cannot write: \(String(cString: strerror(error)).lowercasedFirst)")
        return status == 0 ? 1 : status
    }
}

extension String {
    /// `No space left on device` → `no space left on device`, to follow `cannot write:`.
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
