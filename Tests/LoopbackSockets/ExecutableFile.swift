#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stand-in program a test writes and then runs. Its descriptor is opened close-on-exec:
/// Foundation's writes leave theirs inheritable, so a process another test forks at that
/// moment keeps the file open for writing, and running it fails with "Text file busy".
public enum ExecutableFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func save(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(LoopbackSocket.lastError())") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "cannot write \(path): \(LoopbackSocket.lastError())") }
            bytes = bytes.dropFirst(written)
        }
        guard fchmod(descriptor, 0o755) == 0 else { throw Failure(description: "cannot chmod \(path): \(LoopbackSocket.lastError())") }
    }
}
