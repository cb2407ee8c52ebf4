#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Another program on a port: a listening socket on 127.0.0.1 until released, so the
/// sandbox finds the port taken.
public final class PortHolder: @unchecked Sendable {
    public let port: Int
    private let descriptor: Int32

    /// Holds `port`, or with 0 a free port the kernel picks.
    public init(port: Int = 0) throws {
        let descriptor = try LoopbackSocket.make()
        // Past connections of the sandbox may linger on the port (TIME_WAIT); a listener still excludes it.
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var held = port
        let bound = LoopbackSocket.withAddress(port: port) { address, length in
            var length = length
            guard bind(descriptor, address, length) == 0, getsockname(descriptor, address, &length) == 0 else { return false }
            held = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            return true
        }
        guard bound, listen(descriptor, 1) == 0 else {
            let failure = LoopbackSocket.Failure(description: "cannot hold port \(port): \(LoopbackSocket.lastError())")
            LoopbackSocket.close(descriptor)
            throw failure
        }
        self.descriptor = descriptor
        self.port = held
    }

    /// A port a stopped sandbox used can be taken by any other process before the test holds
    /// it; so the test holds a free port and rewrites the saved files to say the sandbox had it:
    /// every `127.0.0.1:old` origin and every `"key" : old` number becomes the held port.
    public static func holdInstead(of old: Int, rewriting files: [String], keys: [String] = []) throws -> PortHolder {
        let holder = try PortHolder()
        for file in files {
            var text = try String(contentsOfFile: file, encoding: .utf8)
            let origin = try Regex("127\\.0\\.0\\.1:\(old)(?![0-9])")
            text.replace(origin, with: "127.0.0.1:\(holder.port)")
            for key in keys {
                text.replace(try Regex("\"\(key)\" : \(old)(?![0-9])"), with: "\"\(key)\" : \(holder.port)")
            }
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return holder
    }

    deinit { LoopbackSocket.close(descriptor) }
}
