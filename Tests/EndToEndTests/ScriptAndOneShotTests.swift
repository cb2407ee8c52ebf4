import Foundation
import Testing
import LoopbackSockets

/// The binary run as a script runner and a one-shot command, without a terminal.
@Suite(.serialized) struct ScriptAndOneShotTests {
    /// The client's own version, without a profile or a server (what scripts/bench times).
    @Test func versionFlagPrintsTheClientVersion() async throws {
        let result = try await Fixture().run(["--version"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("maas "))
    }

    @Test func aScriptStopsAtItsFirstErrorWithFileAndLine() async throws {
        let fixture = try Fixture()
        try fixture.write("lab.maas", "echo one\n# a comment\nprofile use nowhere\necho never\n")
        let result = try await fixture.run(["lab.maas"])
        #expect(result.status == 1)
        #expect(result.out == "one\n")
        #expect(result.err.contains("lab.maas:3: error: no profile named 'nowhere'"))
    }

    @Test func continueOnErrorRunsOnAndExitsOne() async throws {
        let fixture = try Fixture()
        try fixture.write("lab.maas", "echo one\nprofile use nowhere\necho three\n")
        let result = try await fixture.run(["--continue-on-error", "-f", "lab.maas"])
        #expect(result.status == 1)
        #expect(result.out == "one\nthree\n")
    }

    @Test func usageErrorsExitTwoWithASuggestion() async throws {
        let fixture = try Fixture()
        let verb = try await fixture.run(["profle", "list"])
        #expect(verb.status == 2)
        #expect(verb.err.contains("did you mean 'profile'?"))
        let flag = try await fixture.run(["profile", "show", "--revael"])
        #expect(flag.status == 2)
        #expect(flag.err.contains("did you mean '--reveal'?"))
        try fixture.write("typo.maas", "echo ok\nwhoam\n")
        let script = try await fixture.run(["typo.maas"])
        #expect(script.status == 2)
        #expect(script.err.contains("typo.maas:2: error: unknown command 'whoam'; did you mean 'whoami'?"))
    }

    /// `--profile` (or `MAAS_PROFILE`) picks the run's profile until a command makes another current;
    /// `--profile` after a verb is for that command alone.
    @Test func aProfileMadeCurrentInARunIsTheRunsProfileFromThenOn() async throws {
        let fixture = try Fixture()
        #expect(try await fixture.run(["--profile", "admin", "profile", "set", "gateway", "http://admin.example"]).status == 0)
        try fixture.write("switch.maas", """
            whoami
            login --profile consumer --gateway http://consumer.example --key k-0123456789abcdef
            whoami
            whoami --profile admin
            whoami
            """)
        let expected = ["admin", "consumer", "admin", "consumer"]
        for (arguments, environment) in [(["--profile", "admin", "-f", "switch.maas"], [:]), (["switch.maas"], ["MAAS_PROFILE": "admin"])] {
            #expect(try await fixture.run(["profile", "use", "admin"]).status == 0)
            let result = try await fixture.run(arguments, extraEnvironment: environment)
            #expect(result.status == 0, "\(result.err)")
            let names = result.out.split(separator: "\n").filter { $0.hasPrefix("profile: ") }.map { $0.split(separator: " ").last.map(String.init) ?? "" }
            #expect(names == expected, "\(arguments) \(environment): \(result.out)")
        }
    }

    @Test func commandStringsStdinAndShebangScriptsAllRun() async throws {
        let fixture = try Fixture()
        let inline = try await fixture.run(["-c", "set WHO world; echo hello $WHO"])
        #expect(inline.out == "hello world\n")
        let piped = try await fixture.run([], stdin: "set A 1\necho \"a=${A}\"\n")
        #expect(piped.out == "a=1\n")
        try ExecutableFile.save("#!/usr/bin/env maas\necho from shebang\n", to: fixture.work + "/tool")
        let folder = URL(fileURLWithPath: Fixture.binary).deletingLastPathComponent().path
        let shebang = try await fixture.run(["-c", "source tool"])
        #expect(shebang.out == "from shebang\n")
        let direct = Process()
        direct.executableURL = URL(fileURLWithPath: fixture.work + "/tool")
        direct.environment = fixture.environment.merging(["PATH": folder + ":" + (fixture.environment["PATH"] ?? "")]) { $1 }
        let result = try await ChildProcess.run(direct)
        #expect(String(decoding: result.out, as: UTF8.self) == "from shebang\n")
        #expect(result.status == 0)
    }

    @Test func sourceRunsRelativeToTheScriptAndReportsInnerLines() async throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.work + "/lib", withIntermediateDirectories: true)
        try fixture.write("lib/inner.maas", "set X inner\necho $X\nbogus-verb\n")
        try fixture.write("main.maas", "source lib/inner.maas\necho never\n")
        let result = try await fixture.run(["main.maas"])
        #expect(result.out == "inner\n")
        #expect(result.err.contains("lib/inner.maas:3: error: unknown command 'bogus-verb'"))
        #expect(result.status == 2)
    }

    @Test func tenConcurrentProfileWritersLoseNothing() async throws {
        let fixture = try Fixture()
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for i in 0..<10 {
                group.addTask {
                    try await fixture.run(["--profile", "p\(i)", "profile", "set", "gateway", "http://host\(i).example"]).status
                }
            }
            for try await status in group { #expect(status == 0) }
        }
        let list = try await fixture.run(["-o", "json", "profile", "list"])
        for i in 0..<10 { #expect(list.out.contains("http://host\(i).example")) }
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.profilePath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: (fixture.profilePath as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func secretsAreMaskedUnlessRevealedAndEnvironmentOverrides() async throws {
        let fixture = try Fixture()
        _ = try await fixture.run(["login", "--gateway", "http://gw.example", "--key", "abcd-0123456789-wxyz"])
        let shown = try await fixture.run(["profile", "show"])
        #expect(shown.out.contains("abcd…wxyz"))
        #expect(!shown.out.contains("0123456789"))
        let yaml = try await fixture.run(["-o", "yaml", "whoami"])
        #expect(yaml.out.contains("api-key: abcd…wxyz"))
        let revealed = try await fixture.run(["profile", "show", "--reveal"])
        #expect(revealed.out.contains("abcd-0123456789-wxyz"))
        let overridden = try await fixture.run(["whoami"], extraEnvironment: ["MAAS_GATEWAY_URL": "http://other.example"])
        #expect(overridden.out.contains("http://other.example  (env MAAS_GATEWAY_URL)"))
    }

    @Test func aCorruptProfileFileIsReportedAndNeverOverwritten() async throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: (fixture.profilePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let broken = "current: default\nprofiles:\n  default: [gateway: \n"
        try broken.write(toFile: fixture.profilePath, atomically: true, encoding: .utf8)
        let result = try await fixture.run(["profile", "set", "model", "m"])
        #expect(result.status == 1)
        #expect(result.err.contains("profiles.yaml:"))
        #expect(result.err.contains("does not parse"))
        #expect(try String(contentsOfFile: fixture.profilePath, encoding: .utf8) == broken)
    }
}
