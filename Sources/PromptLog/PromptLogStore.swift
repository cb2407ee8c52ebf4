import Foundation
import Logging
import SQLiteNIO

/// The prompt log on disk: an SQLite file with a rollback journal kept between writes
/// (several maas processes may write at once, each waiting up to `busyTimeout` for another's
/// write), with full-text search over prompts, messages and answers, and a size bound that
/// drops the oldest entries.
/// One connection, kept open; the actor runs its statements one at a time.
public actor PromptLogStore {
    /// How long a statement waits for another process's write before it fails.
    public static let busyTimeout: Duration = .seconds(2)

    public nonisolated let path: String
    private let connection: SQLiteConnection

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
    }

    /// Opens the file at `path`, creating it (and its folder) when missing, and its schema when new.
    public static func open(path: String) async throws -> PromptLogStore {
        try PromptLogFile.prepare(path: path)
        var logger = Logger(label: "maas.prompt-log")
        logger.logLevel = .critical
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw Self.failure(error)
        }
        let store = PromptLogStore(path: path, connection: connection)
        do {
            try await store.prepareSchema()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Closes the connection.
    public func close() async {
        guard !connection.isClosed else { return }
        try? await connection.close()
    }

    deinit {
        // A store dropped without `close()`: the future keeps the connection until it is closed.
        if !connection.isClosed { _ = connection.close() }
    }

    // MARK: Writing

    /// Stores `entry` (its texts capped) and returns its id; then, when the file holds more than
    /// `maxBytes`, drops the oldest entries (never this one) and gives the space back.
    @discardableResult
    public func insert(_ entry: PromptLogEntry, maxBytes: Int) async throws -> Int64 {
        let entry = entry.capped
        let messages = String(decoding: entry.messagesJSON, as: UTF8.self)
        let parameters = String(decoding: entry.parameters.json, as: UTF8.self)
        let rows = try await run("""
            INSERT INTO entries (time_ms, profile, gateway, model, verb, prompt, messages, parameters, answer, partial,
                prompt_tokens, completion_tokens, ttft_ms, total_ms, status, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id, (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) AS bytes
            """, [
                .integer(Int(entry.time.timeIntervalSince1970 * 1000)), .text(entry.profile), .text(entry.gateway),
                .text(entry.model), .text(entry.verb), Self.text(entry.prompt), .text(messages), .text(parameters),
                .text(entry.answer), .integer(entry.partial ? 1 : 0), Self.integer(entry.promptTokens),
                .integer(entry.completionTokens), Self.real(entry.timeToFirstTokenMilliseconds),
                .float(entry.totalMilliseconds), Self.integer(entry.status), Self.text(entry.error),
            ])
        guard let id = rows.first?.column("id")?.integer else { throw PromptLogError("the insert returned no id") }
        // The size comes with the insert: a log under its bound costs one statement an entry.
        if let bytes = rows.first?.column("bytes")?.integer, bytes <= maxBytes { return Int64(id) }
        try await bound(maxBytes: maxBytes, keeping: Int64(id))
        return Int64(id)
    }

    /// The bytes the database uses now (pages times page size).
    public func size() async throws -> Int {
        try await run("SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()")
            .first?.column("bytes")?.integer ?? 0
    }

    /// Deletes the oldest entries in batches until the database fits in `maxBytes`; freed pages
    /// go back to the file system (the file was made with `auto_vacuum = INCREMENTAL`).
    private func bound(maxBytes: Int, keeping newest: Int64) async throws {
        // Each round deletes a tenth of what is left: a bounded number of rounds empties the log.
        for _ in 0..<100 {
            if try await size() <= maxBytes { return }
            let count = try await run("SELECT count(*) AS n FROM entries WHERE id < ?", [.integer(Int(newest))]).first?.column("n")?.integer ?? 0
            guard count > 0 else { return }
            _ = try await run(
                "DELETE FROM entries WHERE id IN (SELECT id FROM entries WHERE id < ? ORDER BY id LIMIT ?)",
                [.integer(Int(newest)), .integer(max(1, count / 10))])
            // Merging the index's segments is what frees the deleted entries' index pages.
            _ = try await run("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")
            _ = try await run("PRAGMA incremental_vacuum")
        }
    }

    // MARK: Reading

    /// The newest entries that pass `filter`, at most `filter.limit`, newest first.
    public func list(_ filter: PromptLogFilter) async throws -> [PromptLogEntry] {
        let (clauses, binds) = Self.conditions(filter)
        let rows = try await run(
            "SELECT \(PromptLogSchema.columns) FROM entries \(Self.whereClause(clauses)) ORDER BY id DESC LIMIT ?",
            binds + [.integer(max(0, filter.limit))])
        return try rows.map(Self.entry)
    }

    /// One entry, or nil when there is none with this id (never was, or dropped by the size bound).
    public func entry(id: Int64) async throws -> PromptLogEntry? {
        let rows = try await run("SELECT \(PromptLogSchema.columns) FROM entries WHERE id = ?", [.integer(Int(id))])
        return try rows.first.map(Self.entry)
    }

    /// For an export: up to `size` entries that pass `filter` (its limit ignored) with an id after
    /// `id`, oldest first. Called again after the last one returned until it returns none, so a
    /// large log is exported in small pieces.
    public func page(_ filter: PromptLogFilter, after id: Int64, size: Int = 200) async throws -> [PromptLogEntry] {
        let (clauses, binds) = Self.conditions(filter)
        let rows = try await run(
            "SELECT \(PromptLogSchema.columns) FROM entries \(Self.whereClause(clauses + ["id > ?"])) ORDER BY id LIMIT ?",
            binds + [.integer(Int(id)), .integer(max(1, size))])
        return try rows.map(Self.entry)
    }

    // MARK: Set-up

    private func prepareSchema() async throws {
        _ = try await run("PRAGMA busy_timeout = \(Int(Self.busyTimeout.components.seconds * 1000))")
        let version = try await pragma("user_version")
        if version > PromptLogSchema.version {
            throw PromptLogError("it was written by a newer maas (schema version \(version))")
        }
        if version < PromptLogSchema.version {
            // Only takes effect before the first table exists, which is when it is needed.
            _ = try await run("PRAGMA auto_vacuum = INCREMENTAL")
        }
        // Most processes write one entry and end. A rollback journal kept between writes
        // (PERSIST, FULL syncs) makes no file and copies nothing back at close; WAL mode, even
        // at NORMAL, made and deleted the -wal and -shm files and checkpointed every write back
        // into the file at close, which cost more than the journal's extra fsync. A file an
        // older maas left in WAL mode leaves it here, unless another process has it open; then
        // this connection stays in WAL mode.
        _ = try? await run("PRAGMA journal_mode = PERSIST")
        _ = try await run("PRAGMA synchronous = FULL")
        // A journal that grew in a burst (a big bound's deletes) shrinks back to this.
        _ = try await run("PRAGMA journal_size_limit = \(4 << 20)")
        guard version < PromptLogSchema.version else { return }
        _ = try await run("BEGIN IMMEDIATE")
        do {
            // Another maas may have created or upgraded it while this one waited for the lock.
            let current = try await pragma("user_version")
            let statements = current == 0 ? PromptLogSchema.statements : PromptLogSchema.upgrades[current] ?? []
            for statement in statements { _ = try await run(statement) }
            _ = try await run("COMMIT")
        } catch {
            _ = try? await run("ROLLBACK")
            throw error
        }
    }

    // MARK: SQL

    private func run(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        do {
            return try await connection.query(sql, binds)
        } catch {
            throw Self.failure(error)
        }
    }

    private func pragma(_ name: String) async throws -> Int {
        try await run("PRAGMA \(name)").first?.columns.first?.data.integer ?? 0
    }

    /// Any error from the store as the log's own, with SQLite's message.
    public static func failure(_ error: any Error) -> PromptLogError {
        if let error = error as? PromptLogError { return error }
        if let error = error as? SQLiteError { return PromptLogError(error.message) }
        return PromptLogError(String(describing: error))
    }

    static func conditions(_ filter: PromptLogFilter) -> ([String], [SQLiteData]) {
        var clauses: [String] = []
        var binds: [SQLiteData] = []
        if let model = filter.model {
            clauses.append("model = ?")
            binds.append(.text(model))
        }
        if let profile = filter.profile {
            clauses.append("profile = ?")
            binds.append(.text(profile))
        }
        if let since = filter.since {
            clauses.append("time_ms >= ?")
            binds.append(.integer(Int(since.timeIntervalSince1970 * 1000)))
        }
        if let search = filter.search {
            if let query = PromptLogFilter.matchQuery(search) {
                clauses.append("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
                binds.append(.text(query))
            }
        }
        if filter.failed {
            clauses.append("(status IS NULL OR status != 200 OR error IS NOT NULL)")
        }
        return (clauses, binds)
    }

    static func whereClause(_ clauses: [String]) -> String {
        clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
    }

    static func entry(_ row: SQLiteRow) throws -> PromptLogEntry {
        func text(_ name: String) -> String? { row.column(name)?.string }
        func integer(_ name: String) -> Int? { row.column(name)?.integer }
        func real(_ name: String) -> Double? { row.column(name)?.double }
        let decoder = JSONDecoder()
        let messages = try? decoder.decode([PromptLogEntry.Message].self, from: Data((text("messages") ?? "[]").utf8))
        let parameters = try? decoder.decode(PromptLogEntry.Parameters.self, from: Data((text("parameters") ?? "{}").utf8))
        return PromptLogEntry(
            id: integer("id").map(Int64.init), time: Date(timeIntervalSince1970: Double(integer("time_ms") ?? 0) / 1000),
            profile: text("profile") ?? "", gateway: text("gateway") ?? "", model: text("model") ?? "", verb: text("verb") ?? "",
            prompt: text("prompt"), messages: messages ?? [], parameters: parameters ?? PromptLogEntry.Parameters(),
            answer: text("answer") ?? "", partial: integer("partial") == 1, promptTokens: integer("prompt_tokens"),
            completionTokens: integer("completion_tokens") ?? 0, timeToFirstTokenMilliseconds: real("ttft_ms"),
            totalMilliseconds: real("total_ms") ?? 0, status: integer("status"), error: text("error"))
    }

    static func text(_ value: String?) -> SQLiteData { value.map { .text($0) } ?? .null }
    static func integer(_ value: Int?) -> SQLiteData { value.map { .integer($0) } ?? .null }
    static func real(_ value: Double?) -> SQLiteData { value.map { .float($0) } ?? .null }
}
