import Foundation
import Testing
@testable import Shell

@Suite struct CompleterTests {
    let completer = Completer(currentDirectory: FileManager.default.temporaryDirectory.path) { name in
        name == "profile" || name == "name" ? ["lab", "prod", "sandbox"] : []
    }

    @Test func completesVerbsSubVerbsAndFlags() {
        #expect(completer.complete("pro").candidates == ["profile"])
        #expect(completer.complete("profile s").candidates == ["set", "show"])
        #expect(completer.complete("profile show --re").candidates == ["--reveal"])
        #expect(completer.complete("whoami; pro").candidates == ["profile"])
        #expect(completer.complete("help prof").candidates == ["profile"])
    }

    @Test func completesValues() {
        #expect(completer.complete("profile use ").candidates == ["lab", "prod", "sandbox"])
        #expect(completer.complete("whoami --profile p").candidates == ["prod"])
        #expect(completer.complete("version -o j").candidates == ["json"])
        #expect(completer.complete("profile set admin-").candidates == ["admin-token", "admin-url"])
    }

    @Test func completesFilePaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try "".write(to: folder.appendingPathComponent("lab.maas"), atomically: true, encoding: .utf8)
        let local = Completer(currentDirectory: folder.path) { _ in [] }
        #expect(local.complete("source l").candidates == ["lab.maas"])
        #expect(local.complete("source s").candidates == ["scripts/"])
        #expect(local.complete("source \(folder.path)/la").candidates == ["\(folder.path)/lab.maas"])
    }

    @Test func commonPrefix() {
        #expect(Completer.commonPrefix(["admin-token", "admin-url"]) == "admin-")
        #expect(Completer.commonPrefix([]) == "")
    }
}
