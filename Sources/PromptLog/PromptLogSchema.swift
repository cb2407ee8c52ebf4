/// The database's layout. `user_version` holds `version`; a file with a higher one was
/// written by a newer maas and is left alone.
enum PromptLogSchema {
    static let version = 2

    /// How much of each text the search index holds: indexing costs time in proportion to
    /// the text, and a long answer's first 16 KB (some 4,000 tokens) find it as well as
    /// the whole would. The texts themselves are kept whole (up to `TextCap`).
    static let indexedBytes = 16384

    /// Run in order, in one transaction, on a database whose `user_version` is 0.
    static let statements = [
        """
        CREATE TABLE IF NOT EXISTS entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time_ms INTEGER NOT NULL,
            profile TEXT NOT NULL,
            gateway TEXT NOT NULL,
            model TEXT NOT NULL,
            verb TEXT NOT NULL,
            prompt TEXT,
            messages TEXT NOT NULL,
            parameters TEXT NOT NULL,
            answer TEXT NOT NULL,
            partial INTEGER NOT NULL,
            prompt_tokens INTEGER,
            completion_tokens INTEGER NOT NULL,
            ttft_ms REAL,
            total_ms REAL NOT NULL,
            status INTEGER,
            error TEXT
        )
        """,
        "CREATE INDEX IF NOT EXISTS entries_time ON entries(time_ms)",
        // Contentless: the index only, the texts stay in `entries` alone.
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(
            prompt, messages, answer, content = '', contentless_delete = 1
        )
        """,
        indexTrigger,
        """
        CREATE TRIGGER IF NOT EXISTS entries_unindexed AFTER DELETE ON entries BEGIN
            DELETE FROM entries_fts WHERE rowid = old.id;
        END
        """,
        "PRAGMA user_version = \(version)",
    ]

    /// Run in order, in one transaction, on a database whose `user_version` is the key.
    static let upgrades: [Int: [String]] = [
        1: ["DROP TRIGGER IF EXISTS entries_indexed", indexTrigger, "PRAGMA user_version = \(version)"],
    ]

    /// Keeps the index in step with the table in the same statement.
    static let indexTrigger = """
        CREATE TRIGGER IF NOT EXISTS entries_indexed AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts (rowid, prompt, messages, answer) VALUES (
                new.id, substr(new.prompt, 1, \(indexedBytes)),
                substr((SELECT group_concat(json_extract(value, '$.content'), char(10)) FROM json_each(new.messages)),
                       1, \(indexedBytes)),
                substr(new.answer, 1, \(indexedBytes)));
        END
        """

    static let columns = """
        id, time_ms, profile, gateway, model, verb, prompt, messages, parameters, answer, partial,
        prompt_tokens, completion_tokens, ttft_ms, total_ms, status, error
        """
}
