import Foundation
import Synchronization

/// Values for Tab that only the running session knows: profile names from the
/// file, and lists fetched from the servers (model ids…). Fetched lists are cached,
/// refreshed at most every 30 s, and a refresh never holds the prompt more than
/// 300 ms: a slow server just completes from the older list next time.
final class DynamicValues: Sendable {
    typealias Fetch = @Sendable () async -> [String]?

    private struct Entry {
        var values: [String] = []
        var fetchedAt: ContinuousClock.Instant?
        var refreshing = false
    }

    private let fetchers: [String: Fetch]
    private let local: @Sendable (_ name: String, _ positionals: [String]) -> [String]?
    private let entries = Mutex<[String: Entry]>([:])
    static let freshFor: Duration = .seconds(30)
    static let patience: Duration = .milliseconds(300)

    /// - Parameters:
    ///   - local: cheap values answered at once (profile names, a setting's values after the
    ///     positional words before it); nil when the name is not local.
    ///   - fetchers: slow values by value name, fetched off the prompt's thread.
    init(local: @escaping @Sendable (_ name: String, _ positionals: [String]) -> [String]?, fetchers: [String: Fetch]) {
        self.local = local
        self.fetchers = fetchers
    }

    /// Called on the line editor's thread.
    func values(for name: String, after positionals: [String] = []) -> [String] {
        if let values = local(name, positionals) { return values }
        guard let fetch = fetchers[name] else { return [] }
        let now = ContinuousClock.now
        let start = entries.withLock { entries -> Bool in
            var entry = entries[name] ?? Entry()
            let stale = entry.fetchedAt.map { now - $0 > Self.freshFor } ?? true
            guard stale, !entry.refreshing else { return false }
            entry.refreshing = true
            entries[name] = entry
            return true
        }
        if start {
            let done = DispatchSemaphore(value: 0)
            Task {
                let fetched = await fetch()
                self.entries.withLock { entries in
                    var entry = entries[name] ?? Entry()
                    if let fetched { entry.values = fetched }
                    entry.fetchedAt = ContinuousClock.now
                    entry.refreshing = false
                    entries[name] = entry
                }
                done.signal()
            }
            _ = done.wait(timeout: .now() + .milliseconds(300))
        }
        return entries.withLock { $0[name]?.values ?? [] }
    }

    /// Lists the user just printed (`models`, `product list`) feed completion at once.
    func remember(_ values: [String], for name: String) {
        entries.withLock { $0[name] = Entry(values: values, fetchedAt: .now, refreshing: false) }
    }
}
