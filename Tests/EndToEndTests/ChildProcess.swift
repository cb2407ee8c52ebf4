import Foundation
import Synchronization

/// Child processes for async tests without blocking the cooperative pool (two threads on a
/// two-core machine, shared with every other suite): pipes are read on threads of their own,
/// the exit is awaited through `terminationHandler`, and cancelling the waiting task
/// terminates the child instead of leaving the wait hanging.
enum ChildProcess {
    struct Result: Sendable {
        var status: Int32
        var reason: Process.TerminationReason
        var out: Data
        var err: Data
    }

    /// Starts `process` and waits for its end. Standard output and error are captured unless
    /// told otherwise (the caller has set them); standard input gets `input` and is then closed.
    static func run(
        _ process: Process, input: Data? = nil, captureOutput: Bool = true, captureError: Bool = true
    ) async throws -> Result {
        // Foundation's defaults are this process's own streams, not nil.
        let out = captureOutput ? Pipe() : nil
        let err = captureError ? Pipe() : nil
        let stdin = Pipe()
        if let out { process.standardOutput = out }
        if let err { process.standardError = err }
        process.standardInput = stdin
        let exit = ExitWatch(process)
        try process.run()
        let writer = stdin.fileHandleForWriting
        let bytes = input ?? Data()
        Thread.detachNewThread {
            try? writer.write(contentsOf: bytes)  // the child may leave without reading it all
            try? writer.close()
        }
        async let outData = readToEnd(out)
        async let errData = readToEnd(err)
        guard let status = await exit.wait() else {
            if process.isRunning { process.terminate() }  // the test was cancelled: leave no child behind
            throw CancellationError()
        }
        return Result(status: status, reason: process.terminationReason, out: await outData, err: await errData)
    }

    /// Everything a pipe gives until its writers close it, read on a thread of its own.
    static func readToEnd(_ pipe: Pipe?) async -> Data {
        guard let handle = pipe?.fileHandleForReading else { return Data() }
        return await offThePool { (try? handle.readToEnd()) ?? Data() }
    }

    /// Blocking work (a read, a wait) on a thread of its own, awaited.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}

/// A child's exit, awaited. Set up before `run()` so that no exit is missed. The wait is
/// cancellable: a cancelled waiter stops waiting at once, whatever the child does.
final class ExitWatch: Sendable {
    private struct State {
        var status: Int32?
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Int32?, Never>] = [:]
    }

    private let state = Mutex(State())

    init(_ process: Process) {
        process.terminationHandler = { ended in self.finish(ended.terminationStatus) }
    }

    private func finish(_ status: Int32) {
        let waiters = state.withLock { current -> [CheckedContinuation<Int32?, Never>] in
            current.status = status
            defer { current.waiters = [:] }
            return Array(current.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// The exit status; nil when the waiting task is cancelled first.
    func wait() async -> Int32? {
        let id = state.withLock { current in
            defer { current.nextWaiter += 1 }
            return current.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let done = state.withLock { current -> Int32?? in
                    if let status = current.status { return .some(status) }
                    if Task.isCancelled { return .some(nil) }
                    current.waiters[id] = continuation
                    return nil
                }
                if let done { continuation.resume(returning: done) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: nil)
        }
    }

    /// The exit status if the child ends within `limit`, else nil (the child is left as it is).
    func wait(upTo limit: Duration) async -> Int32? {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await self.wait() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
    }
}
