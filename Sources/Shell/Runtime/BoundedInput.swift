import Foundation

/// Reads a whole file or standard input, refusing more than `limit` bytes: a huge or
/// endless input (`/dev/zero`, a runaway pipe) gets a clear error instead of filling memory.
enum BoundedInput {
    /// Scripts: generous, since a script is read whole before it runs.
    static let scriptLimit = 64 << 20
    /// Resource and OpenAPI files.
    static let documentLimit = 16 << 20

    static func read(path: String, limit: Int) throws(ShellError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw ShellError("cannot read \(path): \(reason)")
        }
        defer { close(fd) }
        return try read(fd: fd, name: path, limit: limit)
    }

    static func readStandardInput(limit: Int) throws(ShellError) -> String {
        try read(fd: STDIN_FILENO, name: "standard input", limit: limit)
    }

    private static func read(fd: Int32, name: String, limit: Int) throws(ShellError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ShellError("cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            guard bytes.count + n <= limit else { throw ShellError("\(name) is larger than \(limit >> 20) MiB") }
            bytes.append(contentsOf: chunk[..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
