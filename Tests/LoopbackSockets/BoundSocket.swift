#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP socket bound to a free port on 127.0.0.1 that never listens: connecting to it
/// is refused for as long as it is open.
public struct BoundSocket: Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        let descriptor = try LoopbackSocket.make()
        var port = 0
        let bound = LoopbackSocket.withAddress(port: 0) { address, length in
            var length = length
            guard bind(descriptor, address, length) == 0, getsockname(descriptor, address, &length) == 0 else { return false }
            port = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            return true
        }
        guard bound else {
            let failure = LoopbackSocket.Failure(description: "cannot bind a free port: \(LoopbackSocket.lastError())")
            LoopbackSocket.close(descriptor)
            throw failure
        }
        self.descriptor = descriptor
        self.port = port
    }

    public func close() {
        LoopbackSocket.close(descriptor)
    }
}
