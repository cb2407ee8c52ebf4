import Foundation
import Testing
#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
private func systemSend(_ socket: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    Glibc.send(socket, bytes, count, noSignal)
}
#elseif canImport(Darwin)
import Darwin

private let streamSocket = SOCK_STREAM
private func systemSend(_ socket: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    Darwin.send(socket, bytes, count, 0)
}
#endif

/// `maas sandbox` as a process, fed load and faults over loopback: oversize bodies to the
/// admin API and a gateway, half-closed and idle connections, 500 requests at once,
/// streams whose client leaves after the first chunk or stops reading. Afterwards it must
/// still answer, and SIGTERM must stop it within 5 s (a liveness bound, not a timing
/// measurement). Bounded in count; every read has a timeout.
@Suite(.serialized) struct SandboxFaultTests {
    @Test func survivesLoadAndFaultsThenStopsOnSIGTERMWithinFiveSeconds() async throws {
        let sandbox = try await FaultSandbox.start()
        defer { sandbox.kill() }
        let (gateway, key) = try await sandbox.publishTheLab()
        let auth = [("Authorization", "Bearer \(key)"), ("Content-Type", "application/json")]
        let services = "/admin/api/services.json?access_token=\(sandbox.accessToken)"
        let completion = Data(#"{"prompt":"San Francisco is a","max_tokens":4}"#.utf8)

        // Oversize bodies, sent whole before reading: answered, then the connection closes.
        let adminBody = Data("name=".utf8) + Data(repeating: UInt8(ascii: "a"), count: 20 << 20)
        let admin413 = try await Wire.exchange(sandbox.adminURL, Wire.request(
            "POST", services, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: adminBody))
        #expect(admin413.status == 413)
        #expect(admin413.closed)
        let gatewayBody = Data(#"{"prompt":""#.utf8) + Data(repeating: UInt8(ascii: "a"), count: 40 << 20) + Data(#""}"#.utf8)
        for _ in 0..<3 {
            let early = try await Wire.exchange(gateway, Wire.request("POST", "/v1/completions", headers: auth, body: gatewayBody))
            #expect(early.status == 413)
        }

        // Half-closed: a whole request then end-of-file is answered; half a request is dropped.
        let halfClosed = try await Wire.exchange(sandbox.adminURL, Wire.request("GET", services), halfClose: true)
        #expect(halfClosed.status == 200)
        let halfRequest = try await Wire.exchange(gateway, Data("POST /v1/completions HTTP/1.1\r\nHost: x\r\n".utf8),
                                                  halfClose: true)
        #expect(halfRequest.closed)

        // Held until after SIGTERM: idle connections, a stalled body, a stream nobody reads.
        var held: [Wire] = []
        for url in [sandbox.adminURL, gateway, sandbox.modelURL] {
            for _ in 0..<5 { held.append(try Wire(url)) }
        }
        let stalled = try Wire(gateway)
        stalled.send(Data("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{".utf8))
        held.append(stalled)
        let longStream = Data(#"{"prompt":"Tell me a story","max_tokens":30000,"stream":true}"#.utf8)
        let unread = try Wire(gateway)
        unread.send(Wire.request("POST", "/v1/completions", headers: auth, body: longStream))
        held.append(unread)

        // Streams whose client goes away after the first chunk.
        for _ in 0..<5 {
            let leaving = try Wire(gateway)
            leaving.send(Wire.request("POST", "/v1/completions", headers: auth, body: longStream))
            let first = await Wire.blocking { leaving.receive(until: { $0.range(of: Data("data: ".utf8)) != nil }).data }
            #expect(String(decoding: first, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        }

        // 500 requests in flight at once: every one is answered.
        let connections = try (0..<500).map { try Wire($0.isMultiple(of: 2) ? sandbox.adminURL : gateway) }
        for (index, wire) in connections.enumerated() {
            wire.send(index.isMultiple(of: 2)
                ? Wire.request("GET", services)
                : Wire.request("POST", "/v1/completions", headers: auth, body: completion))
        }
        let statuses = await Wire.blocking { connections.map { $0.receiveResponse().status } }
        #expect(statuses.filter { $0 == 200 }.count == 500, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")

        // Still answering, then SIGTERM stops it.
        #expect(try await Wire.exchange(sandbox.adminURL, Wire.request("GET", services)).status == 200)
        let after = try await Wire.exchange(gateway, Wire.request("POST", "/v1/completions", headers: auth, body: completion))
        #expect(after.status == 200)
        let status = await sandbox.terminate(within: .seconds(5))
        #expect(status == 0, "maas sandbox did not exit cleanly within 5 s of SIGTERM")
        #expect(held.count == 17)
    }
}

private func signalProcess(_ id: Int32) -> Int32 { kill(id, SIGKILL) }

/// `maas sandbox` in its own process, with the process at hand for SIGTERM.
private final class FaultSandbox: Sendable {
    let adminURL: String
    let accessToken: String
    let modelURL: String
    private let process: UncheckedSendable<Process>
    private let exit: ExitWatch

    static func start() async throws -> FaultSandbox {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("maas-faults-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = ["sandbox", "--tokens-per-second", "0", "--reveal", "--no-color"]
        process.environment = ["HOME": home, "MAAS_CONFIG": home + "/profiles.yaml", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exit = ExitWatch(process)
        try process.run()
        let banner = await SandboxBanner.read(from: out.fileHandleForReading)
        let sandbox = FaultSandbox(process: process, exit: exit, banner: banner)
        guard banner.contains(SandboxBanner.ready) else {
            sandbox.kill()
            throw PTYError("maas sandbox ended before it was ready:\n\(banner)")
        }
        return sandbox
    }

    private init(process: Process, exit: ExitWatch, banner: String) {
        func field(_ label: String) -> String {
            let line = banner.split(separator: "\n").first { $0.hasPrefix(label) }
            return line.flatMap { $0.dropFirst(label.count).split(separator: " ").first }.map(String.init) ?? ""
        }
        adminURL = field("admin portal:")
        accessToken = field("access token:")
        modelURL = field("model server:")
        self.process = UncheckedSendable(process)
        self.exit = exit
    }

    /// The lab script publishes the seed's product and saves user1's key; returns the
    /// production gateway and the key.
    func publishTheLab() async throws -> (gateway: String, key: String) {
        let fixture = try Fixture()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for name in ["llama70b.maas", "llama70b-chat.json"] {
            try FileManager.default.copyItem(atPath: root.appendingPathComponent("examples/\(name)").path,
                                             toPath: fixture.work + "/" + name)
        }
        let login = try await fixture.run(["admin", "login", "--url", adminURL, "--token", accessToken])
        guard login.status == 0 else { throw PTYError("admin login failed: \(login.err)") }
        let lab = try await fixture.run(["llama70b.maas"], extraEnvironment: ["MODEL_URL": modelURL])
        guard lab.status == 0 else { throw PTYError("the lab script failed: \(lab.err)") }
        let shown = try await fixture.run(["profile", "show", "llama70b", "--reveal", "-o", "json"])
        guard let object = try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any],
              let gateway = object["gateway"] as? String, let key = object["api-key"] as? String
        else { throw PTYError("no gateway and key in the llama70b profile: \(shown.out)") }
        return (gateway, key)
    }

    /// SIGTERM, then the exit status if the process ended within `limit`.
    func terminate(within limit: Duration) async -> Int32? {
        process.value.terminate()
        return await exit.wait(upTo: limit)
    }

    /// SIGKILL when it still runs; Foundation reaps it.
    func kill() {
        guard process.value.isRunning else { return }
        _ = signalProcess(process.value.processIdentifier)
    }
}

/// A plain TCP connection for requests that misbehave on purpose. Blocking calls run on
/// threads of their own; every read is bounded by a receive timeout.
private final class Wire: @unchecked Sendable {
    private let descriptor: Int32

    init(_ url: String, timeout seconds: Int = 15) throws {
        guard let port = URLComponents(string: url)?.port else { throw PTYError("no port in \(url)") }
        descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw PTYError("socket() failed") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw PTYError("connect to \(url) failed")
        }
    }

    deinit { close(descriptor) }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    static func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: Data = Data()) -> Data {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: sandbox\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return Data((head + "Content-Length: \(body.count)\r\n\r\n").utf8) + body
    }

    /// Sends a request whole, optionally half-closes, then reads one response.
    static func exchange(_ url: String, _ request: Data, halfClose: Bool = false) async throws
        -> (status: Int, closed: Bool)
    {
        let wire = try Wire(url)
        return await blocking {
            wire.send(request)
            if halfClose { _ = shutdown(wire.descriptor, Int32(SHUT_WR)) }
            let response = wire.receiveResponse()
            return (response.status, response.closed || wire.receive(until: { !$0.isEmpty }).closed)
        }
    }

    @discardableResult
    func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let sent = systemSend(descriptor, base + offset, raw.count - offset)
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// What arrives until `done`, end-of-file, an error or the timeout; and whether it ended.
    func receive(until done: (Data) -> Bool) -> (data: Data, closed: Bool) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(data) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (data, true) }
            if count < 0 { return (data, errno != EAGAIN && errno != EWOULDBLOCK) }
            data.append(contentsOf: buffer[0..<count])
        }
        return (data, false)
    }

    func receiveResponse() -> (status: Int, closed: Bool) {
        let (data, closed) = receive(until: Self.isComplete)
        let line = String(decoding: data.prefix(64), as: UTF8.self)
        return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0, closed)
    }

    static func isComplete(_ data: Data) -> Bool {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return true }
        return data.count - end.upperBound >= length
    }
}
