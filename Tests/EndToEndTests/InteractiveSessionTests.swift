import Foundation
import Testing

/// The REPL driven in a pseudo-terminal, keystroke by keystroke. Each step waits for
/// the prompt and for libedit to be reading, as a person waits to see the prompt.
@Suite(.serialized) struct InteractiveSessionTests {
    typealias Keys = PseudoTerminal

    func session(_ fixture: Fixture, extraEnvironment: [String: String] = [:]) throws -> PseudoTerminal {
        try PseudoTerminal(Fixture.binary, environment: fixture.environment.merging(extraEnvironment) { $1 }, directory: fixture.work)
    }

    @Test func tabCompletesVerbsAndListsSubVerbs() throws {
        let fixture = try Fixture()
        let terminal = try session(fixture)
        try terminal.type("pro" + Keys.tab, at: "maas> ")
        try terminal.expect("promote")
        terminal.send("f" + Keys.tab)
        try terminal.expect("ile ")
        terminal.send("s" + Keys.tab)
        let listing = try terminal.expect("show")
        #expect(listing.contains("set"))
        // The completed words run as a command: `profile ` was really inserted.
        terminal.send("how" + Keys.enter)
        try terminal.expect("no profile named 'default'")
        try terminal.type(Keys.ctrlD, at: "maas> ")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesFlagsAndProfileNames() async throws {
        let fixture = try Fixture()
        _ = try await fixture.run(["--profile", "staging", "login", "--gateway", "http://gw.example", "--key", "k-0123456789abcdef"])
        let terminal = try session(fixture)
        try terminal.type("profile show --rev" + Keys.tab, at: "maas(staging)> ")
        try terminal.expect("eal ")
        terminal.send("sta" + Keys.tab)
        try terminal.expect("ging ")
        terminal.send(Keys.enter)
        try terminal.expect("k-0123456789abcdef")
        try terminal.type(Keys.ctrlD, at: "maas(staging)> ")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCClearsTheLineAndCancelsARunningCommand() throws {
        let fixture = try Fixture()
        let terminal = try session(fixture)
        try terminal.type("echo never-run", at: "maas> ")
        try terminal.expect("never-run")
        terminal.send(Keys.ctrlC)
        try terminal.type("sleep 600" + Keys.enter, at: "maas> ")
        try terminal.expect("sleep 600\r\n")
        terminal.send(Keys.ctrlC)
        try terminal.expect("interrupted")
        try terminal.type("echo still-here" + Keys.enter, at: "maas> ")
        try terminal.expect("still-here\r\n")
        #expect(!terminal.transcript.contains("never-run\r\n"))
        try terminal.type(Keys.ctrlD, at: "maas> ")
        #expect(try terminal.waitForExit() == 0)
    }

    /// Typed UTF-8 shows as itself and reaches the command whole, whatever the locale
    /// variables say (a Swift program's C library starts in the ASCII "C" locale).
    @Test(arguments: [["LANG": "", "LC_ALL": ""], ["LC_ALL": "C"]])
    func wideAndAccentedTextIsTypedAsItIs(locale: [String: String]) throws {
        let fixture = try Fixture()
        let terminal = try session(fixture, extraEnvironment: locale)
        try terminal.type("echo 旧金山 café 🚀" + Keys.enter, at: "maas> ")
        try terminal.expect("旧金山 café 🚀\r\n")
        #expect(!terminal.transcript.contains("\\U+"))
        try terminal.type(Keys.ctrlD, at: "maas> ")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlDOnAnEmptyLineExitsZero() throws {
        let fixture = try Fixture()
        let terminal = try session(fixture)
        try terminal.type(Keys.ctrlD, at: "maas> ")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historyHoldsMaskedSecrets() throws {
        let fixture = try Fixture()
        let terminal = try session(fixture)
        try terminal.type("login --gateway http://gw.example --key SECRETKEY1234567890" + Keys.enter, at: "maas> ")
        try terminal.expect("saved profile")
        try terminal.type("profile set admin-token TOKEN0987654321 --profile other" + Keys.enter, at: "maas> ")
        try terminal.expect("admin-token = ***")
        // Options between the words: the secret is found by its place in the command.
        try terminal.type("profile set --profile h1 key KEYBETWEEN1" + Keys.enter, at: "maas> ")
        try terminal.type("profile set -q token TOKENBETWEEN2" + Keys.enter, at: "maas> ")
        try terminal.type("profile --profile h1 set api-key KEYBEFORE3" + Keys.enter, at: "maas> ")
        try terminal.type("exit" + Keys.enter, at: "maas> ")
        #expect(try terminal.waitForExit() == 0)
        let history = try String(contentsOfFile: fixture.historyPath, encoding: .utf8)
        #expect(history.contains("login --gateway http://gw.example --key ***"))
        #expect(history.contains("profile set admin-token ***"))
        #expect(history.contains("profile set --profile h1 key ***"))
        for secret in ["SECRETKEY", "TOKEN0987654321", "KEYBETWEEN1", "TOKENBETWEEN2", "KEYBEFORE3"] {
            #expect(!history.contains(secret), "\(history)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.historyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func promptNamesANonDefaultProfileAndContinuesLines() async throws {
        let fixture = try Fixture()
        _ = try await fixture.run(["--profile", "lab", "admin", "login", "--url", "http://admin.example", "--token", "t-0123456789abcdef"])
        let terminal = try session(fixture)
        try terminal.type("echo one \\" + Keys.enter, at: "maas(lab)> ")
        try terminal.type("two" + Keys.enter, at: "...> ")
        try terminal.expect("one two\r\n")
        try terminal.type(Keys.ctrlD, at: "maas(lab)> ")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aSecretLeftOutIsReadWithoutEcho() throws {
        let fixture = try Fixture()
        let terminal = try session(fixture)
        try terminal.type("login --gateway http://gw.example" + Keys.enter, at: "maas> ")
        try terminal.expect("API key: ")
        try terminal.waitForNoEcho()
        terminal.send("TYPEDSECRET123456789" + Keys.enter)
        try terminal.expect("saved profile")
        try terminal.type(Keys.ctrlD, at: "maas> ")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.transcript.contains("TYPEDSECRET"))
        let saved = try String(contentsOfFile: fixture.profilePath, encoding: .utf8)
        #expect(saved.contains("TYPEDSECRET123456789"))
    }
}
