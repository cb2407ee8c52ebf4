import Foundation
import Testing
@testable import Profiles

@Suite struct ProfileStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-profiles-\(UUID().uuidString)").path
    var path: String { folder + "/maas/profiles.yaml" }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
    }

    @Test func createsThePrivateFileInAPrivateFolder() throws {
        let store = ProfileStore(path: path)
        try store.update { document throws(ProfileError) in
            try document.profiles["default", default: Profile()].set(.gateway, to: "https://gw.example.com/")
        }
        #expect(try mode(path) == 0o600)
        #expect(try mode(folder + "/maas") == 0o700)
        #expect(try store.load().profiles["default"]?.gateway == "https://gw.example.com")
        #expect(store.permissionWarning() == nil)
        chmod(path, 0o644)
        #expect(store.permissionWarning()?.contains("chmod 600") == true)
        try store.update { $0.current = "default" }
        #expect(try mode(path) == 0o600)
    }

    @Test func replacesAtomicallyLeavingNoTemporaryFiles() throws {
        let store = ProfileStore(path: path)
        try store.update { $0.profiles["a"] = Profile(model: "one") }
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        try store.update { $0.profiles["b"] = Profile(model: "two") }
        let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        #expect(before != after, "the file is replaced by rename, not rewritten in place")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/maas").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(try store.load().names == ["a", "b"])
    }

    @Test func aCorruptFileIsReportedWithLineAndColumnAndLeftUntouched() throws {
        try FileManager.default.createDirectory(atPath: folder + "/maas", withIntermediateDirectories: true)
        let broken = "current: a\nprofiles:\n  a:\n    gateway: \"unterminated\n"
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let store = ProfileStore(path: path)
        let error = #expect(throws: ProfileError.self) { try store.update { $0.current = "b" } }
        guard case let .malformed(_, line, column, _)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(line == 5 && column == 1)
        #expect(error?.description.contains("will not overwrite") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
    }

    @Test func readsEveryKindOfValueNullsAsAbsentAndIgnoresUnknownKeys() throws {
        try FileManager.default.createDirectory(atPath: folder + "/maas", withIntermediateDirectories: true)
        let text = "current: lab\nfuture-key: 1\nprofiles:\n  lab:\n    gateway: http://gw:8080\n    api-key: 1234\n"
            + "    model: ~\n    insecure: true\n    connect-timeout: 2.5\n    log: false\n    log-max-mb: 50\n    colour: red\n"
            + "  empty:\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let document = try ProfileStore(path: path).load()
        #expect(document.current == "lab")
        #expect(document.profiles["lab"] == Profile(
            gateway: "http://gw:8080", apiKey: "1234", insecure: true, connectTimeout: 2.5, log: false, logMaxMB: 50))
        #expect(document.profiles["empty"] == Profile())
        try "- a\n- b\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try ProfileStore(path: path).load() } throws: { "\($0)".contains("expected a mapping") }
        try "profiles:\n  lab:\n    log-max-mb: lots\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try ProfileStore(path: path).load() } throws: { "\($0)".contains("profiles.lab.log-max-mb: expected a whole number") }
    }

    @Test func aWrongTypeNamesTheField() throws {
        try FileManager.default.createDirectory(atPath: folder + "/maas", withIntermediateDirectories: true)
        try "profiles:\n  a:\n    insecure: maybe\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try ProfileStore(path: path).load() } throws: { error in
            "\(error)".contains("profiles.a.insecure") && "\(error)".contains("true or false")
        }
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let path = self.path
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<10 {
                group.addTask {
                    try? ProfileStore(path: path).update { $0.profiles["p\(i)"] = Profile(model: "m\(i)") }
                }
            }
        }
        #expect(try ProfileStore(path: path).load().names.count == 10)
    }

    @Test func aFolderOrAnOversizedFileIsNotAProfileFile() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect { try ProfileStore(path: path).load() } throws: { error in
            "\(error)".contains("cannot read profile file") && "\(error)".contains("directory")
        }
        let big = folder + "/big.yaml"
        try Data(repeating: 0x23, count: ProfileStore.maxFileBytes + 1).write(to: URL(fileURLWithPath: big))
        #expect { try ProfileStore(path: big).load() } throws: { error in
            "\(error)".contains("larger than 4 MiB")
        }
    }

    @Test func validatesURLsAndValues() {
        var profile = Profile()
        #expect(throws: ProfileError.self) { try profile.set(.gateway, to: "ftp://x") }
        #expect(throws: ProfileError.self) { try profile.set(.gateway, to: "not a url") }
        #expect(throws: ProfileError.self) { try profile.set(.adminURL, to: "https://") }
        #expect(throws: ProfileError.self) { try profile.set(.insecure, to: "perhaps") }
        #expect(throws: ProfileError.self) { try ProfileDocument.validateName("bad name") }
    }

    @Test func resolvesLocationFromTheEnvironment() {
        #expect(ProfileLocation.path(environment: ["MAAS_CONFIG": "/x/p.yaml", "HOME": "/h"]) == "/x/p.yaml")
        #expect(ProfileLocation.path(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]) == "/c/maas/profiles.yaml")
        #expect(ProfileLocation.path(environment: ["HOME": "/h"]) == "/h/.config/maas/profiles.yaml")
    }

    @Test func environmentOverridesOneRun() throws {
        let document = ProfileDocument(current: "lab", profiles: [
            "lab": Profile(gateway: "https://lab.example", apiKey: "lab-key"),
            "prod": Profile(gateway: "https://prod.example"),
        ])
        let plain = try ResolvedProfile.resolve(document: document, selected: nil, environment: [:])
        #expect(plain.name == "lab" && plain.settings.apiKey == "lab-key")
        let env = try ResolvedProfile.resolve(document: document, selected: nil, environment: [
            "MAAS_PROFILE": "prod", "MAAS_API_KEY": "env-key", "MAAS_MODEL": "m",
        ])
        #expect(env.name == "prod")
        #expect(env.settings.gateway == "https://prod.example")
        #expect(env.settings.apiKey == "env-key")
        #expect(env.sources[.apiKey] == .environment("MAAS_API_KEY"))
        #expect(env.sources[.gateway] == .profile)
        let flag = try ResolvedProfile.resolve(document: document, selected: "lab", environment: ["MAAS_PROFILE": "prod"])
        #expect(flag.name == "lab")
    }

    @Test func writesThroughASymbolicLinkAndKeepsTheLink() throws {
        let manager = FileManager.default
        let real = folder + "/real/profiles.yaml"
        try manager.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: folder + "/links", withIntermediateDirectories: true)
        try ProfileStore(path: real).update { $0.profiles["a"] = Profile(model: "one") }
        // A chain: links/profiles.yaml → links/middle.yaml → ../real/profiles.yaml (relative).
        try manager.createSymbolicLink(atPath: folder + "/links/middle.yaml", withDestinationPath: "../real/profiles.yaml")
        try manager.createSymbolicLink(atPath: folder + "/links/profiles.yaml", withDestinationPath: folder + "/links/middle.yaml")
        let store = ProfileStore(path: folder + "/links/profiles.yaml")
        try store.update { $0.profiles["b"] = Profile(model: "two") }
        for link in ["/links/profiles.yaml", "/links/middle.yaml"] {
            #expect(try manager.attributesOfItem(atPath: folder + link)[.type] as? FileAttributeType == .typeSymbolicLink)
        }
        #expect(try ProfileStore(path: real).load().names == ["a", "b"])
        #expect(try mode(real) == 0o600)
        #expect(try manager.contentsOfDirectory(atPath: folder + "/links").sorted() == ["middle.yaml", "profiles.yaml"])
        #expect(try manager.contentsOfDirectory(atPath: folder + "/real").filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func aLinkToAFileNotYetWrittenCreatesTheTarget() throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: folder + "/link.yaml", withDestinationPath: "target.yaml")
        try ProfileStore(path: folder + "/link.yaml").update { $0.profiles["a"] = Profile(model: "one") }
        #expect(try manager.attributesOfItem(atPath: folder + "/link.yaml")[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try mode(folder + "/target.yaml") == 0o600)
    }

    @Test func aLoopOfLinksIsAClearError() throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: folder + "/a.yaml", withDestinationPath: "b.yaml")
        try manager.createSymbolicLink(atPath: folder + "/b.yaml", withDestinationPath: "a.yaml")
        #expect { try ProfileStore(path: folder + "/a.yaml").update { $0.current = "x" } } throws: { error in
            "\(error)".contains("symbolic links")
        }
    }

    @Test func masksSecrets() {
        #expect(SecretMask.mask("abcd0123456789wxyz") == "abcd…wxyz")
        #expect(SecretMask.mask("short") == "***")
    }
}
