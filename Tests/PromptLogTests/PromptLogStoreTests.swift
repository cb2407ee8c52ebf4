import Foundation
import PromptLog
import SQLiteNIO
import Testing

/// The store on a temporary file: what goes in comes out, filters, search, the size bound, modes.
@Suite struct PromptLogStoreTests {
    /// A fresh folder (not yet created) holding `log.db`; removed afterwards by the caller.
    static func withStore(_ body: (PromptLogStore, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-log-\(UUID().uuidString)").path
        let path = folder + "/maas/log.db"
        let store = try await PromptLogStore.open(path: path)
        do {
            try await body(store, path)
        } catch {
            await store.close()
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        await store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func entry(
        _ prompt: String, answer: String = "an answer", model: String = "tiny", profile: String = "default",
        status: Int? = 200, error: String? = nil, time: Date = Date()
    ) -> PromptLogEntry {
        PromptLogEntry(
            time: time, profile: profile, gateway: "http://127.0.0.1:8080", model: model, verb: "complete", prompt: prompt,
            parameters: .init(maxTokens: 5, temperature: 0, stop: ["\n"]), answer: answer, promptTokens: 3,
            completionTokens: 5, timeToFirstTokenMilliseconds: 12.5, totalMilliseconds: 40, status: status, error: error)
    }

    static let big = 1 << 30

    @Test func anEntryComesBackWhole() async throws {
        try await Self.withStore { store, _ in
            var chat = Self.entry("unused")
            chat.verb = "chat"
            chat.prompt = nil
            chat.messages = [.init(role: "system", content: "be brief"), .init(role: "user", content: "hello there")]
            chat.partial = true
            chat.error = "interrupted"
            let id = try await store.insert(chat, maxBytes: Self.big)
            let back = try #require(try await store.entry(id: id))
            var expected = chat
            expected.id = id
            expected.time = back.time
            #expect(back == expected)
            #expect(abs(back.time.timeIntervalSince(chat.time)) < 0.002)
            #expect(try await store.entry(id: id + 1) == nil)
        }
    }

    @Test func listsNewestFirstWithFilters() async throws {
        try await Self.withStore { store, _ in
            let old = Date().addingTimeInterval(-7200)
            try await store.insert(Self.entry("old one", time: old), maxBytes: Self.big)
            try await store.insert(Self.entry("about owls", model: "big"), maxBytes: Self.big)
            try await store.insert(Self.entry("refused", answer: "", profile: "other", status: 403, error: "Authentication failed"), maxBytes: Self.big)
            try await store.insert(Self.entry("no answer", answer: "", status: nil, error: "connection refused"), maxBytes: Self.big)

            let all = try await store.list(PromptLogFilter())
            #expect(all.map(\.prompt) == ["no answer", "refused", "about owls", "old one"])
            #expect(try await store.list(PromptLogFilter(limit: 2)).count == 2)
            #expect(try await store.list(PromptLogFilter(model: "big")).map(\.prompt) == ["about owls"])
            #expect(try await store.list(PromptLogFilter(profile: "other")).map(\.prompt) == ["refused"])
            #expect(try await store.list(PromptLogFilter(since: Date().addingTimeInterval(-3600))).count == 3)
            #expect(try await store.list(PromptLogFilter(failed: true)).map(\.prompt) == ["no answer", "refused"])
        }
    }

    @Test func fullTextSearchFindsPromptsMessagesAndAnswersAndTakesAnyText() async throws {
        try await Self.withStore { store, _ in
            try await store.insert(Self.entry("Tell me about owls", answer: "Owls hunt at night."), maxBytes: Self.big)
            var chat = Self.entry("x")
            chat.prompt = nil
            chat.messages = [.init(role: "user", content: "what do penguins eat")]
            chat.answer = "krill"
            try await store.insert(chat, maxBytes: Self.big)

            #expect(try await store.list(PromptLogFilter(search: "owls")).count == 1)
            #expect(try await store.list(PromptLogFilter(search: "night")).count == 1)
            #expect(try await store.list(PromptLogFilter(search: "penguins")).map(\.answer) == ["krill"])
            #expect(try await store.list(PromptLogFilter(search: "krill")).count == 1)
            #expect(try await store.list(PromptLogFilter(search: "owls krill")).isEmpty)
            // Text that would be FTS5 syntax is searched as words, never an error.
            #expect(try await store.list(PromptLogFilter(search: "\"owls\" AND ( NEAR* -")).isEmpty)
            #expect(try await store.list(PromptLogFilter(search: "role")).isEmpty, "the JSON keys are not indexed")
        }
    }

    @Test func exportPagesAreOldestFirst() async throws {
        try await Self.withStore { store, _ in
            for index in 0..<7 { try await store.insert(Self.entry("prompt \(index)", model: index % 2 == 0 ? "even" : "odd"), maxBytes: Self.big) }
            var pages: [[String?]] = []
            var after: Int64 = 0
            while case let page = try await store.page(PromptLogFilter(limit: 1), after: after, size: 3), let last = page.last?.id {
                pages.append(page.map(\.prompt))
                after = last
            }
            #expect(pages == [["prompt 0", "prompt 1", "prompt 2"], ["prompt 3", "prompt 4", "prompt 5"], ["prompt 6"]])
            let even = try await store.page(PromptLogFilter(model: "even"), after: 0)
            #expect(even.map(\.prompt) == ["prompt 0", "prompt 2", "prompt 4", "prompt 6"])
        }
    }

    @Test func theSizeBoundDropsTheOldestAndGivesTheSpaceBack() async throws {
        try await Self.withStore { store, path in
            let bound = 400 * 1024
            let answer = String(repeating: "lorem ipsum dolor sit amet ", count: 400)  // ~11 KB
            var ids: [Int64] = []
            for index in 0..<120 {
                ids.append(try await store.insert(Self.entry("prompt number \(index)", answer: answer), maxBytes: bound))
            }
            #expect(try await store.size() <= bound)
            #expect(try await store.entry(id: ids[0]) == nil, "the oldest went first")
            #expect(try await store.entry(id: ids.last!) != nil, "the newest stays")
            let kept = try await store.list(PromptLogFilter(limit: 1000))
            #expect(kept.count > 10 && kept.count < 120)
            #expect(kept.map(\.id!) == Array(ids.suffix(kept.count).reversed()), "what is kept is the newest, without gaps")
            let found = try await store.list(PromptLogFilter(limit: 1000, search: "number")).count
            #expect(found == kept.count, "the index follows the table: \(found) of \(kept.count)")
            await store.close()
            let onDisk = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? .max
            #expect(onDisk <= bound + 64 * 1024, "the file shrank: \(onDisk)")
        }
    }

    @Test func oneHugeTextIsCappedAndMarked() async throws {
        try await Self.withStore { store, _ in
            let huge = String(repeating: "é", count: TextCap.textLimit)  // 2 MiB of UTF-8
            let id = try await store.insert(Self.entry(huge, answer: huge), maxBytes: Self.big)
            let back = try #require(try await store.entry(id: id))
            #expect(back.prompt!.utf8.count < TextCap.textLimit + 100)
            #expect(back.answer.hasSuffix("[… cut at \(TextCap.textLimit) of \(2 * TextCap.textLimit) bytes]"))
            #expect(back.answer.hasPrefix("éé"))
        }
    }

    @Test func createdOwnerOnlyAndItsJournalToo() async throws {
        try await Self.withStore { store, path in
            try await store.insert(Self.entry("hello"), maxBytes: Self.big)
            func mode(_ path: String) throws -> Int {
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
            }
            #expect(try mode(path) == 0o600)
            #expect(try mode((path as NSString).deletingLastPathComponent) == 0o700)
            // The rollback journal is kept between writes (journal_mode = PERSIST), with the file's mode.
            #expect(FileManager.default.fileExists(atPath: path + "-journal"))
            #expect(try mode(path + "-journal") == 0o600)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test func garbageFolderAndNewerSchemaAreErrorsThatSaySo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/dir.db", withIntermediateDirectories: true)
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }).write(to: URL(fileURLWithPath: folder + "/garbage.db"))

        await #expect(throws: PromptLogError("file is not a database")) { try await PromptLogStore.open(path: folder + "/garbage.db") }
        await #expect(throws: PromptLogError("it is a folder, not a file")) { try await PromptLogStore.open(path: folder + "/dir.db") }
    }

    @Test func theIndexHoldsTheFirst16KBOfEachText() async throws {
        try await Self.withStore { store, _ in
            let long = String(repeating: "filler ", count: 16384 / 7) + " lateword"
            try await store.insert(Self.entry("early question", answer: "earlyword " + long), maxBytes: Self.big)
            #expect(try await store.list(PromptLogFilter(search: "earlyword")).count == 1)
            #expect(try await store.list(PromptLogFilter(search: "lateword")).isEmpty)
            #expect(try await store.list(PromptLogFilter()).first?.answer.hasSuffix("lateword") == true, "the answer is kept whole")
        }
    }

    /// The layout maas 0.1 wrote (schema version 1): the index held every text whole.
    static let versionOne = [
        """
        CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, profile TEXT NOT NULL,
            gateway TEXT NOT NULL, model TEXT NOT NULL, verb TEXT NOT NULL, prompt TEXT, messages TEXT NOT NULL,
            parameters TEXT NOT NULL, answer TEXT NOT NULL, partial INTEGER NOT NULL, prompt_tokens INTEGER,
            completion_tokens INTEGER NOT NULL, ttft_ms REAL, total_ms REAL NOT NULL, status INTEGER, error TEXT)
        """,
        "CREATE INDEX entries_time ON entries(time_ms)",
        "CREATE VIRTUAL TABLE entries_fts USING fts5(prompt, messages, answer, content = '', contentless_delete = 1)",
        """
        CREATE TRIGGER entries_indexed AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts (rowid, prompt, messages, answer) VALUES (new.id, new.prompt,
                (SELECT group_concat(json_extract(value, '$.content'), char(10)) FROM json_each(new.messages)), new.answer);
        END
        """,
        "CREATE TRIGGER entries_unindexed AFTER DELETE ON entries BEGIN DELETE FROM entries_fts WHERE rowid = old.id; END",
        """
        INSERT INTO entries (time_ms, profile, gateway, model, verb, prompt, messages, parameters, answer, partial,
            completion_tokens, total_ms) VALUES (1, 'default', 'http://g', 'tiny', 'complete', 'old question', '[]', '{}',
            'an old answer', 0, 3, 1.0)
        """,
        "PRAGMA user_version = 1",
    ]

    @Test func aVersionOneLogIsUpgradedAndKeepsItsEntries() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/log.db"
        let old = try await SQLiteConnection.open(storage: .file(path: path))
        // Versions 1 and 2 kept the log in WAL mode; it leaves it for the kept rollback journal.
        _ = try await old.query("PRAGMA journal_mode = WAL")
        for statement in Self.versionOne { _ = try await old.query(statement) }
        try await old.close()

        let store = try await PromptLogStore.open(path: path)
        let long = String(repeating: "filler ", count: 16384 / 7) + " lateword"
        try await store.insert(Self.entry("new question", answer: long), maxBytes: Self.big)
        #expect(try await store.list(PromptLogFilter(search: "old")).map(\.prompt) == ["old question"])
        #expect(try await store.list(PromptLogFilter(search: "lateword")).isEmpty, "the new trigger indexes 16 KB")
        #expect(try await store.list(PromptLogFilter()).count == 2)
        await store.close()
        let check = try await SQLiteConnection.open(storage: .file(path: path))
        #expect(try await check.query("PRAGMA user_version").first?.columns.first?.data.integer == 2)
        #expect(try await check.query("PRAGMA journal_mode").first?.columns.first?.data.string != "wal")
        try await check.close()
        #expect(FileManager.default.fileExists(atPath: path + "-journal"))
    }

    @Test func aWriteWaitsForAnotherWriterAboutTwoSecondsThenFails() async throws {
        try await Self.withStore { store, path in
            try await store.insert(Self.entry("before"), maxBytes: Self.big)
            let other = try await SQLiteConnection.open(storage: .file(path: path))
            _ = try await other.query("BEGIN IMMEDIATE")
            let start = ContinuousClock.now
            await #expect(throws: PromptLogError("database is locked")) { try await store.insert(Self.entry("blocked"), maxBytes: Self.big) }
            let waited = ContinuousClock.now - start
            #expect(waited >= .milliseconds(1500) && waited < .seconds(10), "\(waited)")
            _ = try await other.query("ROLLBACK")
            try await other.close()
            try await store.insert(Self.entry("after"), maxBytes: Self.big)
            #expect(try await store.list(PromptLogFilter()).map(\.prompt) == ["after", "before"])
        }
    }

    @Test func twoConnectionsWriteAtOnce() async throws {
        try await Self.withStore { first, path in
            let second = try await PromptLogStore.open(path: path)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in [first, second] {
                    group.addTask {
                        for index in 0..<50 { try await store.insert(Self.entry("concurrent \(index)"), maxBytes: Self.big) }
                    }
                }
                try await group.waitForAll()
            }
            await second.close()
            #expect(try await first.list(PromptLogFilter(limit: 500)).count == 100)
        }
    }
}
