import Foundation
import Testing
import LoopbackSockets

/// The embedded sandbox across sessions: `maas --sandbox` keeps its state in
/// `$XDG_STATE_HOME/maas/sandbox/`, resumes it on the same ports, moves what it must.
@Suite(.serialized) struct SandboxStateTests {
    /// The lab's publishing steps, ending with a consumer profile `lab` (made current).
    static let publish = """
        backend create Lab --system-name lab --url $MODEL_URL
        product create Lab --system-name lab --backend lab --preset vllm
        promote lab
        subscribe user1 lab
        app create user1 lab --name "Lab app" --save-profile lab
        """

    static let completion = "complete 'San Francisco is a' --max-tokens 5 --temperature 0"

    func statePath(_ fixture: Fixture) -> String { fixture.root + "/state/maas/sandbox/state.json" }

    /// A field of a profile in the profile file, as saved.
    func saved(_ field: String, of profile: String, in fixture: Fixture) throws -> String? {
        let text = try String(contentsOfFile: fixture.profilePath, encoding: .utf8)
        var inProfile = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("  ") && !line.hasPrefix("    ") { inProfile = line == "  \(profile):" }
            if inProfile, line.hasPrefix("    \(field):") {
                return line.dropFirst("    \(field):".count).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    func publishInFirstSession(_ fixture: Fixture) async throws -> (key: String, gateway: String) {
        let first = try await fixture.run(["--sandbox", "-c", Self.publish])
        try #require(first.status == 0, "\(first.err)")
        #expect(first.out.contains("'lab' saved and now current"))
        let key = try #require(try saved("api-key", of: "lab", in: fixture))
        let gateway = try #require(try saved("gateway", of: "lab", in: fixture))
        #expect(try saved("sandbox", of: "lab", in: fixture) == "true")
        #expect(try saved("sandbox", of: "sandbox", in: fixture) == "true")
        return (key, gateway)
    }

    @Test func aSecondSessionResumesAndTheSameKeyAnswers() async throws {
        let fixture = try Fixture()
        let (key, gateway) = try await publishInFirstSession(fixture)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: statePath(fixture))[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: fixture.root + "/state/maas/sandbox")[.posixPermissions] as? Int
        #expect(folderMode == 0o700)

        let second = try await fixture.run(["--sandbox", "-c", "whoami -o json; product list"])
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out.contains("\"name\" : \"lab\""))
        #expect(second.out.contains("\"sandbox\" : true"))
        #expect(second.out.contains("Lab"))
        #expect(!second.out.contains(key))
        // The answer comes through the gateway with the key of the first session.
        let third = try await fixture.run(["--sandbox", "-c", Self.completion])
        #expect(third.status == 0, "\(third.err)")
        #expect(third.out.trimmingCharacters(in: .whitespacesAndNewlines).count > 5)
        #expect(try saved("api-key", of: "lab", in: fixture) == key)
        // Between sessions another process may take the gateway's port; then the
        // sandbox says so and the profile follows (see the next test). Otherwise it stays.
        let port = try #require(URLComponents(string: gateway)?.port)
        let moved = (second.err + third.err).split(separator: "\n").contains {
            $0.contains("production gateway of 'Lab' \(port) → ") && $0.contains("updated profile 'lab'")
        }
        if moved {
            #expect(try saved("gateway", of: "lab", in: fixture) != gateway)
        } else {
            #expect(try saved("gateway", of: "lab", in: fixture) == gateway)
        }
    }

    @Test func aTakenGatewayPortMovesAndTheProfileFollows() async throws {
        let fixture = try Fixture()
        let (key, published) = try await publishInFirstSession(fixture)
        let holder = try PortHolder.holdInstead(of: try #require(URLComponents(string: published)?.port),
                                                rewriting: [statePath(fixture), fixture.profilePath])
        let port = holder.port
        let gateway = "http://127.0.0.1:\(port)"
        #expect(try saved("gateway", of: "lab", in: fixture) == gateway)
        let second = try await fixture.run(["--sandbox", "-c", Self.completion])
        withExtendedLifetime(holder) {}
        #expect(second.status == 0, "\(second.err)")
        let notes = second.err.split(separator: "\n").filter { $0.contains("ports taken since the last run") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("production gateway of 'Lab' \(port) → ") == true)
        #expect(notes.first?.contains("updated profile 'lab'") == true)
        let moved = try #require(try saved("gateway", of: "lab", in: fixture))
        #expect(moved != gateway && moved.hasPrefix("http://127.0.0.1:"))
        #expect(try saved("api-key", of: "lab", in: fixture) == key)
        #expect(second.out.count > 5)
    }

    @Test func resetAndFreshNeedYesWithoutATerminal() async throws {
        let fixture = try Fixture()
        let first = try await fixture.run(["--sandbox", "-c", "echo started"])
        #expect(first.status == 0, "\(first.err)")
        let state = try String(contentsOfFile: statePath(fixture), encoding: .utf8)

        let reset = try await fixture.run(["sandbox", "reset"])
        #expect(reset.status == 2)
        #expect(reset.err.contains("add --yes to confirm"))
        let fresh = try await fixture.run(["--sandbox", "--fresh", "-c", "echo never"])
        #expect(fresh.status == 2)
        #expect(!fresh.out.contains("never"))
        #expect(try String(contentsOfFile: statePath(fixture), encoding: .utf8) == state)

        let confirmed = try await fixture.run(["--sandbox", "--fresh", "--yes", "-c", "echo again"])
        #expect(confirmed.status == 0, "\(confirmed.err)")
        #expect(confirmed.out.contains("deleted the sandbox's state"))
        #expect(try String(contentsOfFile: statePath(fixture), encoding: .utf8) != state)
        let deleted = try await fixture.run(["sandbox", "reset", "--yes"])
        #expect(deleted.status == 0, "\(deleted.err)")
        #expect(!FileManager.default.fileExists(atPath: statePath(fixture)))
    }

    @Test func resetAsksOnATerminal() throws {
        let fixture = try Fixture()
        let folder = fixture.root + "/state/maas/sandbox"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{}".write(toFile: statePath(fixture), atomically: true, encoding: .utf8)
        for (answer, kept) in [("n", true), ("y", false)] {
            let terminal = try PseudoTerminal(Fixture.binary, arguments: ["sandbox", "reset"],
                                              environment: fixture.environment, directory: fixture.work)
            try terminal.expect("[y/N] ")
            terminal.send(answer + PseudoTerminal.enter)
            #expect(try terminal.waitForExit() == 0)
            #expect(FileManager.default.fileExists(atPath: statePath(fixture)) == kept)
        }
    }

    @Test func aCorruptStateFileIsRefusedAndKept() async throws {
        let fixture = try Fixture()
        let folder = fixture.root + "/state/maas/sandbox"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{\"format\": 1, \"services\": [oops".write(toFile: statePath(fixture), atomically: true, encoding: .utf8)
        let result = try await fixture.run(["--sandbox", "-c", "echo never"])
        #expect(result.status == 1)
        #expect(result.err.contains("state file \(statePath(fixture)) is not a sandbox state file"))
        #expect(!result.out.contains("never"))
        #expect(try String(contentsOfFile: statePath(fixture), encoding: .utf8) == "{\"format\": 1, \"services\": [oops")
    }
    /// The next day, without `--sandbox`: a refused connection on a profile the sandbox made
    /// says to start the sandbox again; on any other profile it does not.
    @Test func aStoppedSandboxIsNamedWhenItsProfileIsRefused() async throws {
        let fixture = try Fixture()
        let refusing = try BoundSocket()
        let origin = "http://127.0.0.1:\(refusing.port)"
        try FileManager.default.createDirectory(atPath: fixture.root + "/config/maas", withIntermediateDirectories: true)
        try """
            current: lab
            profiles:
              lab: {gateway: \(origin), api-key: abcd-0123456789-wxyz, admin-url: \(origin), admin-token: tok-0123456789, sandbox: true}
              elsewhere: {gateway: \(origin), api-key: abcd-0123456789-wxyz}
            """.write(toFile: fixture.profilePath, atomically: true, encoding: .utf8)
        let hint = "hint: profile 'lab' points at a sandbox, and none is running: `maas --sandbox` starts it again"
        let consumer = try await fixture.run(["models"])
        #expect(consumer.status == 1)
        #expect(consumer.err.contains("connection refused") && consumer.err.contains(hint), "\(consumer.err)")
        let admin = try await fixture.run(["product", "list"])
        #expect(admin.status == 1)
        #expect(admin.err.contains("connection refused") && admin.err.contains(hint), "\(admin.err)")
        let other = try await fixture.run(["--profile", "elsewhere", "models"])
        #expect(other.status == 1)
        #expect(other.err.contains("connection refused") && !other.err.contains("hint:"), "\(other.err)")
    }
}
