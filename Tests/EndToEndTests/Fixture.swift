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

    /// Runs `maas` without a terminal and returns its exit status and output.
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// `maas sandbox` in a process of its own, as a user starts it; ready once its banner is printed.
/// A separate process keeps the test process's threads out of the sandbox's way.
final class SandboxProcess {
    let adminURL: String
    let accessToken: String
    let modelURL: String
    let modelName: String
    private let process: Process

    init(tokensPerSecond: Double = 0) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("maas-sandbox-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Fixture.binary)
        process.arguments = ["sandbox", "--tokens-per-second", String(tokensPerSecond), "--reveal", "--no-color"]
        process.environment = ["HOME": home, "MAAS_CONFIG": home + "/profiles.yaml", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var banner = ""
        while !banner.contains("Ctrl-C stops the sandbox.") {
            let data = out.fileHandleForReading.availableData
            guard !data.isEmpty else { throw PTYError("maas sandbox ended before it was ready:\n\(banner)") }
            banner += String(decoding: data, as: UTF8.self)
        }
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
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
