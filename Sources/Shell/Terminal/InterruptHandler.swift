import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT into cancellation. The running command's Task is cancelled, and
/// a byte on a wake-up pipe unblocks whatever is waiting on the terminal (the
/// line editor, a secret prompt), so Ctrl-C never kills the session.
public final class InterruptHandler: Sendable {
    /// Read end: readable after each Ctrl-C until drained.
    let wakeFD: Int32
    private let writeFD: Int32
    private let onInterrupt = Mutex<(@Sendable () -> Void)?>(nil)
    private let pending = Atomic<Bool>(false)
    nonisolated(unsafe) private let source: any DispatchSourceSignal

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
            _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        writeFD = fds[1]
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.interrupt() }
        source.resume()
    }

    deinit {
        source.cancel()
        close(wakeFD)
        close(writeFD)
    }

    /// What Ctrl-C does: remember it, wake terminal reads, cancel the running command.
    public func interrupt() {
        pending.store(true, ordering: .sequentiallyConsistent)
        var byte: UInt8 = 3
        _ = write(writeFD, &byte, 1)
        onInterrupt.withLock { $0 }?()
    }

    /// Runs `body` in its own Task that Ctrl-C cancels. A Ctrl-C that came after the
    /// last `drain()` but before the Task existed cancels it too.
    /// Nested calls (one chat turn inside the `chat` command) take over Ctrl-C and give it back.
    public func cancellable<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await body() }
        let previous = onInterrupt.withLock { handler in
            defer { handler = { task.cancel() } }
            return handler
        }
        if pending.load(ordering: .sequentiallyConsistent) { task.cancel() }
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        onInterrupt.withLock { $0 = previous }
        return result
    }

    /// Runs `body` (a prompt inside a command) with Ctrl-C only waking the terminal read,
    /// not cancelling the command around it.
    public func suspended<T: Sendable>(_ body: () async -> T) async -> T {
        let previous = onInterrupt.withLock { handler in
            defer { handler = nil }
            return handler
        }
        let result = await body()
        onInterrupt.withLock { $0 = previous }
        return result
    }

    /// Forgets Ctrl-Cs already handled, so they do not cut the next read short.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &buffer, buffer.count) > 0 {}
        pending.store(false, ordering: .sequentiallyConsistent)
    }
}
