import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP connection for tests that misbehave on purpose: send a whole body before
/// reading, stop halfway, half-close, stay idle, stop reading. Blocking calls run on a
/// thread of their own, never on the cooperative pool the sandbox also runs on, and
/// every read is bounded by a receive timeout.
public final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    public typealias Failure = LoopbackSocket.Failure

    /// Connects to the host and port of `url` (`http://127.0.0.1:PORT`).
    public init(_ url: String, readTimeout seconds: Int = 10) throws {
        guard let components = URLComponents(string: url), let port = components.port else {
            throw Failure(description: "no port in \(url)")
        }
        let descriptor = try LoopbackSocket.make()
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard LoopbackSocket.withAddress(port: port, { connect(descriptor, $0, $1) }) == 0 else {
            LoopbackSocket.close(descriptor)
            throw Failure(description: "connect to \(url) failed")
        }
        self.descriptor = descriptor
    }

    deinit { LoopbackSocket.close(descriptor) }

    /// Runs blocking socket work on a thread of its own.
    public static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    /// Sends everything; false when the peer closed or reset the connection first.
    @discardableResult
    public func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let sent = Glibc.send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = Darwin.send(descriptor, base + offset, raw.count - offset, 0)
                #endif
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    public func send(_ text: String) -> Bool { send(Data(text.utf8)) }

    /// No more from this side (the peer reads end-of-file).
    public func shutdownWrite() {
        _ = shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Reads what arrives until `done` says so, end-of-file, an error or the receive timeout.
    public func receive(until done: (Data) -> Bool = { _ in false }, limit: Int = 1 << 20) -> (data: Data, closed: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while data.count < limit, !done(data) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (data, true) }
            if count < 0 { return (data, errno != EAGAIN && errno != EWOULDBLOCK) }
            data.append(contentsOf: buffer[0..<count])
        }
        return (data, false)
    }

    /// One response's head and a Content-Length body, then whether the server closed.
    public func receiveResponse() -> (status: Int, head: String, body: String, closed: Bool) {
        let (data, closed) = receive { Self.isComplete($0) }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, head, parts.dropFirst().joined(separator: "\r\n\r\n"), closed)
    }

    /// After a response: whether the server closes the connection (end-of-file within the timeout).
    public func closesAfterwards() -> Bool {
        receive(until: { !$0.isEmpty }).closed
    }

    public static func isComplete(_ data: Data) -> Bool {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return true }
        return data.count - end.upperBound >= length
    }

    /// A request head (and body) as bytes.
    public static func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: Data = Data()
    ) -> Data {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: sandbox\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return Data(head.utf8) + body
    }
}
