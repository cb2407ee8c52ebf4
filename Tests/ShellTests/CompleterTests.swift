import Foundation
import Synchronization
import Testing
@testable import Shell

@Suite struct CompleterTests {
    let completer = Completer(currentDirectory: FileManager.default.temporaryDirectory.path) { name, positionals in
        switch name {
        case "profile", "name": ["lab", "prod", "sandbox"]
        case "setting-value": settingValues(positionals)
        default: []
        }
    }

    @Test func completesVerbsSubVerbsAndFlags() {
        #expect(completer.complete("pro").candidates == ["product", "profile", "promote"])
        #expect(completer.complete("prof").candidates == ["profile"])
        #expect(completer.complete("profile s").candidates == ["set", "show"])
        #expect(completer.complete("profile show --re").candidates == ["--reveal"])
        #expect(completer.complete("whoami; prof").candidates == ["profile"])
        #expect(completer.complete("help prof").candidates == ["profile"])
    }

    /// maas's own options (`-f`, `--sandbox`…) belong to its command line, not to a session's
    /// line; a verb's options of the same name still complete.
    @Test func theSessionOffersNoRunOptionsAndVerbsKeepTheirs() {
        #expect(completer.complete("--").candidates.isEmpty)
        #expect(completer.complete("apply -").candidates.contains("-f"))
        #expect(completer.complete("models --verb").candidates == ["--verbose"])
    }

    @Test func completesValues() {
        #expect(completer.complete("profile use ").candidates == ["lab", "prod", "sandbox"])
        #expect(completer.complete("whoami --profile p").candidates == ["prod"])
        #expect(completer.complete("version -o j").candidates == ["json"])
        #expect(completer.complete("profile set admin-").candidates == ["admin-token", "admin-url"])
        #expect(completer.complete("profile set log ").candidates == ["off", "on"])
        #expect(completer.complete("profile set --profile lab insecure t").candidates == ["true"])
        #expect(completer.complete("profile set gateway ").candidates.isEmpty)
    }

    @Test func completesFilePaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try "".write(to: folder.appendingPathComponent("lab.maas"), atomically: true, encoding: .utf8)
        let local = Completer(currentDirectory: folder.path) { _, _ in [] }
        #expect(local.complete("source l").candidates == ["lab.maas"])
        #expect(local.complete("source s").candidates == ["scripts/"])
        #expect(local.complete("source \(folder.path)/la").candidates == ["\(folder.path)/lab.maas"])
    }

    @Test func commonPrefix() {
        #expect(Completer.commonPrefix(["admin-token", "admin-url"]) == "admin-")
        #expect(Completer.commonPrefix([]) == "")
    }
}

@Suite struct SubModeCompletionTests {
    @Test func completesCommandsThenTheirValues() {
        let completer = Completer(firstWords: ["/model", "/set", "/save"]) { command in
            command == "/model" ? ["tiny", "llama"] : []
        }
        #expect(completer.complete("/s").candidates == ["/set", "/save"])
        #expect(completer.complete("/model t").candidates == ["tiny"])
        #expect(completer.complete("/model tiny extra").candidates == [])
    }

    /// Like the line editor, asks from a thread of its own.
    func ask(_ values: DynamicValues, _ name: String) async -> [String] {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: values.values(for: name)) }
        }
    }

    @Test func dynamicValuesAnswerLocalNamesAtOnceAndCacheFetchedOnes() async {
        let calls = Mutex(0)
        let values = DynamicValues(local: { name, _ in name == "profile" ? ["lab"] : nil }, fetchers: [
            "model": {
                calls.withLock { $0 += 1 }
                return ["m1", "m2"]
            },
        ])
        #expect(await ask(values, "profile") == ["lab"])
        // A slow fetch may miss the first Tab; the list is there once it lands.
        var fetched = await ask(values, "model")
        for _ in 0..<100 where fetched.isEmpty {
            await Task.yield()
            fetched = await ask(values, "model")
        }
        #expect(fetched == ["m1", "m2"])
        #expect(await ask(values, "model") == ["m1", "m2"])
        #expect(calls.withLock { $0 } == 1)
        #expect(await ask(values, "unknown") == [])
    }
}
