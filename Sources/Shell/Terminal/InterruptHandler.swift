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
    public func cancellable<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await body() }
        onInterrupt.withLock { $0 = { task.cancel() } }
        if pending.load(ordering: .sequentiallyConsistent) { task.cancel() }
        let result = await task.value
        onInterrupt.withLock { $0 = nil }
        return result
    }

    /// Forgets Ctrl-Cs already handled, so they do not cut the next read short.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &buffer, buffer.count) > 0 {}
        pending.store(false, ordering: .sequentiallyConsistent)
    }
}
