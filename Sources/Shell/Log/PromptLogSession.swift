import Foundation
import Profiles
import PromptLog
import Synchronization

/// The prompt log for one maas process: the store, opened on first use and kept open; the
/// writes, done in the order the prompts ended without holding the prompt up; and the one
/// warning when the log cannot be used. Logging never breaks a prompt: every failure here
/// ends in that warning, never in the command's output or exit status.
final class PromptLogSession: Sendable {
    let path: String
    private let environment: [String: String]
    private let output: Output
    /// The opening, started by the first caller and shared by all.
    private let opening = Mutex<Task<Result<PromptLogStore, PromptLogError>, Never>?>(nil)
    /// The last write queued; each write waits for the one before it.
    private let lastWrite = Mutex<Task<Void, Never>?>(nil)
    /// True once the warning was given (one per session).
    private let warned = Mutex(false)

    init(environment: [String: String], output: Output) {
        self.path = PromptLogLocation.path(environment: environment)
        self.environment = environment
        self.output = output
    }

    var displayPath: String { PromptLogLocation.display(path, environment: environment) }

    /// Starts opening the store, if not yet started, without waiting for it: a prompt calls
    /// this as it is sent, so that its entry's write at the end is only the insert.
    func prepare() {
        _ = openingTask()
    }

    /// The open store; the error says why it cannot be opened (the same error for the whole session).
    func store() async throws -> PromptLogStore {
        switch await openingTask().value {
        case let .success(store): return store
        case let .failure(error): throw ShellError("prompt log: cannot open \(displayPath): \(error.message)")
        }
    }

    private func openingTask() -> Task<Result<PromptLogStore, PromptLogError>, Never> {
        opening.withLock { opening in
            if let opening { return opening }
            let path = path
            let task = Task<Result<PromptLogStore, PromptLogError>, Never> {
                do {
                    return .success(try await PromptLogStore.open(path: path))
                } catch {
                    return .failure(PromptLogStore.failure(error))
                }
            }
            opening = task
            return task
        }
    }

    /// Whether prompts go to the log: not with `--no-log`, `MAAS_NO_LOG=1` or the profile's `log: off`.
    func isEnabled(settings: Settings, profile: Profile?) -> Bool {
        if settings.noLog { return false }
        if let value = environment["MAAS_NO_LOG"], !value.isEmpty, value != "0" { return false }
        return profile?.log ?? true
    }

    /// Queues `entry` for the log, bounded to `maxBytes`; returns at once.
    func append(_ entry: PromptLogEntry, maxBytes: Int) {
        lastWrite.withLock { last in
            let previous = last
            last = Task {
                await previous?.value
                do {
                    try await store().insert(entry, maxBytes: maxBytes)
                } catch let error as ShellError {
                    warnOnce(error.message)
                } catch {
                    warnOnce("prompt log: cannot write to \(displayPath): \(PromptLogStore.failure(error).message)")
                }
            }
        }
    }

    /// Waits until every queued entry is written (or failed): a command's prompts are in the
    /// log before the next command, or the end of the process, can look.
    func flush() async {
        await lastWrite.withLock { $0 }?.value
    }

    /// Writes what is queued and closes the store.
    func close() async {
        await flush()
        guard let task = opening.withLock({ $0 }), case let .success(store) = await task.value else { return }
        await store.close()
    }

    private func warnOnce(_ message: String) {
        let first = warned.withLock { warned in
            defer { warned = true }
            return !warned
        }
        if first { output.warn("warning: \(message); prompts are not logged") }
    }
}
