import Foundation
import Testing

/// `maas sandbox` as a user runs it: banner, saved profile, SIGTERM and Ctrl-C stop it cleanly.
@Suite(.serialized) struct SandboxVerbTests {
    @Test func startsSavesAProfileAndStopsOnSIGTERMSavingState() async throws {
        let fixture = try Fixture()
        let state = fixture.root + "/sandbox-state.json"
        let terminal = try PseudoTerminal(Fixture.binary, arguments: ["sandbox", "--state", state, "--no-color"],
                                          environment: fixture.environment, directory: fixture.work)
        let banner = try terminal.expect("Ctrl-C stops the sandbox.")
        #expect(banner.contains("admin portal: http://127.0.0.1:"))
        #expect(banner.contains("developer:"))
        #expect(!banner.contains(try tokenFromProfile(fixture)))
        let whoami = try await fixture.run(["whoami", "--reveal"])
        #expect(whoami.out.contains("profile:     sandbox"))
        let admin = try #require(banner.split(whereSeparator: \.isNewline).first { $0.hasPrefix("admin portal:") })
        let url = admin.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
        #expect(whoami.out.contains("admin-url:   \(url)"))
        kill(terminal.processID, SIGTERM)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.transcript.contains("sandbox stopped; state saved in \(state)"))
        #expect(FileManager.default.fileExists(atPath: state))
    }

    @Test func ctrlCStopsIt() async throws {
        let fixture = try Fixture()
        let terminal = try PseudoTerminal(Fixture.binary, arguments: ["sandbox", "--save-profile", "local"],
                                          environment: fixture.environment, directory: fixture.work)
        try terminal.expect("Ctrl-C stops the sandbox.")
        terminal.send(PseudoTerminal.ctrlC)
        #expect(try terminal.waitForExit() == 130)
        let profiles = try await fixture.run(["profile", "list"])
        #expect(profiles.out.contains("local"))
    }

    @Test func aStateFileThatDoesNotParseIsRefusedAndKept() async throws {
        let fixture = try Fixture()
        let state = fixture.root + "/broken.json"
        try "{not json".write(toFile: state, atomically: true, encoding: .utf8)
        let result = try await fixture.run(["sandbox", "--state", state])
        #expect(result.status == 1)
        #expect(result.err.contains(state))
        #expect(try String(contentsOfFile: state, encoding: .utf8) == "{not json")
    }

    func tokenFromProfile(_ fixture: Fixture) throws -> String {
        let text = try String(contentsOfFile: fixture.profilePath, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("admin-token:") })
        return String(line.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces)
    }
}
