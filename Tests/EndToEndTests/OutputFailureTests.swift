import Foundation
import Testing

/// What the binary does when its standard output cannot take what it writes: a full disk is
/// an error on standard error and a failing status; a reader that left (`| head -c1`) ends
/// the run quietly with 141, as SIGPIPE would.
@Suite(.serialized) struct OutputFailureTests {
    static func devFull() throws -> FileHandle {
        try #require(FileHandle(forWritingAtPath: "/dev/full"), "this test needs /dev/full")
    }

    @Test(arguments: [["--version"], ["profile", "list"], ["-c", "echo hello"], ["help"]])
    func aFullDiskIsReportedAndFails(_ arguments: [String]) async throws {
        let result = try await Fixture().run(arguments, stdout: try Self.devFull())
        #expect(result.status == 1, "\(arguments)")
        #expect(result.err.contains("cannot write: no space left on device"), "\(arguments): \(result.err)")
    }

    @Test func aReaderThatLeavesEndsTheScriptQuietlyWith141() async throws {
        let fixture = try Fixture()
        // Far more than a pipe holds, then a command with a trace: it must never run.
        let lines = Array(repeating: "echo " + String(repeating: "x", count: 200), count: 3000)
        try fixture.write("big.maas", (lines + ["profile set gateway http://never.example"]).joined(separator: "\n") + "\n")
        let process = fixture.process(["big.maas"])
        let pipe = Pipe()
        process.standardOutput = pipe
        let reader = pipe.fileHandleForReading
        async let first: Data? = ChildProcess.offThePool {
            defer { try? reader.close() }  // `head -c1`: one byte, then gone
            return try? reader.read(upToCount: 1)
        }
        let result = try await ChildProcess.run(process, captureOutput: false)
        #expect(await first == Data("x".utf8))
        #expect(result.reason == .exit, "ended by a signal, not by itself")
        #expect(result.status == 141)
        #expect(String(decoding: result.err, as: UTF8.self) == "")
        #expect(!FileManager.default.fileExists(atPath: fixture.profilePath), "the script ran on after its reader left")
    }

    /// A standard output left non-blocking (the descriptor is shared) fills up: maas waits for
    /// room instead of dropping the rest or calling it an error.
    @Test func aNonBlockingOutputThatFillsUpLosesNothing() async throws {
        let fixture = try Fixture()
        // Each line many pipes long: the pipe is full again and again, however fast the reader.
        let line = String(repeating: "y", count: 512 << 10)
        try fixture.write("big.maas", Array(repeating: "echo " + line, count: 6).joined(separator: "\n") + "\n")
        let process = fixture.process(["big.maas"])
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting.fileDescriptor
        #expect(fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK) == 0)
        process.standardOutput = pipe
        let reader = pipe.fileHandleForReading
        async let output = ChildProcess.offThePool { (try? reader.readToEnd()) ?? Data() }
        let result = try await ChildProcess.run(process, captureOutput: false)
        #expect(result.status == 0, "\(String(decoding: result.err, as: UTF8.self))")
        #expect(await output.count == 6 * (line.count + 1))
    }
}
