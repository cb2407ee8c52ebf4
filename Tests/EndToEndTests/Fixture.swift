import Foundation

/// A scratch home for one test: its own profile file, history and working folder,
/// and the path of the `maas` binary that `swift test` built.
struct Fixture {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("maas-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/work", withIntermediateDirectories: true)
    }

    var work: String { root + "/work" }
    var profilePath: String { root + "/config/maas/profiles.yaml" }
    var historyPath: String { root + "/state/maas/history" }

    var environment: [String: String] {
        [
            "HOME": root, "XDG_CONFIG_HOME": root + "/config", "XDG_STATE_HOME": root + "/state",
            "TERM": "xterm", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
        ]
    }

    static var binary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the test bundle sits beside the products; elsewhere it may be nested one level deeper.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("maas").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("maas").path
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: work + "/" + name, atomically: true, encoding: .utf8)
    }

    /// Runs `maas` without a terminal and returns its exit status and output. `stdout`, when
    /// given, replaces the captured standard output (a file such as /dev/full).
    func run(
        _ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:], stdout: FileHandle? = nil
    ) async throws -> (status: Int32, out: String, err: String) {
        let result = try await ChildProcess.run(process(arguments, extraEnvironment: extraEnvironment, stdout: stdout),
                                                input: stdin.map { Data($0.utf8) }, captureOutput: stdout == nil)
        return (result.status, String(decoding: result.out, as: UTF8.self), String(decoding: result.err, as: UTF8.self))
    }

    /// `maas` set up to run in this fixture, not started.
    func process(_ arguments: [String], extraEnvironment: [String: String] = [:], stdout: FileHandle? = nil) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        if let stdout { process.standardOutput = stdout }
        return process
    }
}

/// `maas sandbox` in a process of its own, as a user starts it; ready once its banner is printed.
/// A separate process keeps the test process's threads out of the sandbox's way.
final class SandboxProcess: Sendable {
    let adminURL: String
    let accessToken: String
    let modelURL: String
    let modelName: String
    private let process: UncheckedSendable<Process>
    private let exit: ExitWatch

    /// Starts it and waits (off the cooperative pool) for its banner. `arguments` follow
    /// the usual ones; its standard error goes to `errors` (else nowhere), which the caller drains.
    static func start(tokensPerSecond: Double = 0, arguments: [String] = [], errors: Pipe? = nil) async throws -> SandboxProcess {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("maas-sandbox-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = ["sandbox", "--tokens-per-second", String(tokensPerSecond), "--reveal", "--no-color"] + arguments
        process.environment = ["HOME": home, "MAAS_CONFIG": home + "/profiles.yaml", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errors ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exit = ExitWatch(process)
        try process.run()
        let banner = await SandboxBanner.read(from: out.fileHandleForReading)
        do {
            return try SandboxProcess(process: process, exit: exit, banner: banner)
        } catch {
            if process.isRunning { process.terminate() }
            throw error
        }
    }

    private init(process: Process, exit: ExitWatch, banner: String) throws {
        guard banner.contains(SandboxBanner.ready) else { throw PTYError("maas sandbox ended before it was ready:\n\(banner)") }
        func field(_ label: String) throws -> [Substring] {
            guard let line = banner.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else {
                throw PTYError("no '\(label)' in the sandbox banner:\n\(banner)")
            }
            return line.dropFirst(label.count).split(separator: " ")
        }
        adminURL = String(try field("admin portal:")[0])
        accessToken = String(try field("access token:")[0])
        let model = try field("model server:")
        modelURL = String(model[0])
        modelName = String(model[2].dropLast())
        self.process = UncheckedSendable(process)
        self.exit = exit
    }

    /// SIGTERM, and the wait for its end.
    func stop() async {
        if process.value.isRunning { process.value.terminate() }
        _ = await exit.wait()
    }

    deinit {
        // A test that threw before `stop()`: no child is left behind (its exit is reaped by Foundation).
        if process.value.isRunning { process.value.terminate() }
    }
}

/// The sandbox's banner on its standard output, up to the line that says it is ready.
enum SandboxBanner {
    static let ready = "Ctrl-C stops the sandbox."

    /// What was printed until the ready line, or until the output ended.
    static func read(from handle: FileHandle) async -> String {
        await ChildProcess.offThePool {
            var banner = ""
            while !banner.contains(ready) {
                let data = handle.availableData
                if data.isEmpty { break }
                banner += String(decoding: data, as: UTF8.self)
            }
            return banner
        }
    }
}

/// A value that is not Sendable, used only in ways that are thread-safe (`Process.terminate`).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
