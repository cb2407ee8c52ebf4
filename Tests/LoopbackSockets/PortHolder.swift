#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another program on a port: a listening socket on 127.0.0.1 until released, so the
/// sandbox finds the port taken.
public final class PortHolder: @unchecked Sendable {
    private let descriptor: Int32

    public init(port: Int) throws {
        let descriptor = try LoopbackSocket.make()
        // Past connections of the sandbox may linger on the port (TIME_WAIT); a listener still excludes it.
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = LoopbackSocket.withAddress(port: port) { bind(descriptor, $0, $1) }
        guard bound == 0, listen(descriptor, 1) == 0 else {
            let failure = LoopbackSocket.Failure(description: "cannot hold port \(port): \(LoopbackSocket.lastError())")
            LoopbackSocket.close(descriptor)
            throw failure
        }
        self.descriptor = descriptor
    }

    deinit { LoopbackSocket.close(descriptor) }
}
