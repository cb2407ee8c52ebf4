import Foundation

/// Reads what a command asks the user for (secrets, confirmations) from the
/// terminal without echo, or a line from stdin when it is not a terminal.
/// Waits on the interrupt pipe too, so Ctrl-C ends the prompt.
public struct TerminalInput: Sendable {
    public let fd: Int32
    public let interrupts: InterruptHandler?

    public init(fd: Int32 = STDIN_FILENO, interrupts: InterruptHandler?) {
        self.fd = fd
        self.interrupts = interrupts
    }

    public var isTerminal: Bool { isatty(fd) == 1 }

    /// Prompts on stderr and reads one line; with `echo: false` the typed text is not shown.
    public func readLine(prompt: String, echo: Bool, output: Output) throws -> String {
        let terminal = isTerminal
        var saved = termios()
        let restore = terminal && !echo && tcgetattr(fd, &saved) == 0
        if restore {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSANOW, &quiet)
        }
        defer {
            if restore { tcsetattr(fd, TCSANOW, &saved) }
        }
        // Echo goes off before the prompt shows, so nothing typed after it can be echoed.
        if terminal { output.writeError(StyledText(prompt)) }
        var bytes: [UInt8] = []
        while true {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            if let interrupts { fds.append(pollfd(fd: interrupts.wakeFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                throw ShellError("cannot read from the terminal: \(String(cString: strerror(errno)))")
            }
            if fds.count > 1, fds[1].revents != 0 {
                if terminal { output.writeError("\n") }
                throw CancellationError()
            }
            var byte: UInt8 = 0
            let n = read(fd, &byte, 1)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ShellError("cannot read from the terminal: \(String(cString: strerror(errno)))")
            }
            if n == 0 {
                if bytes.isEmpty { throw ShellError("no input: standard input is closed") }
                break
            }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension TerminalInput {
    /// The same read on a thread of its own, so a person typing never blocks the concurrency pool.
    public func readLine(prompt: String, echo: Bool, output: Output) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try self.readLine(prompt: prompt, echo: echo, output: output) })
            }
        }
    }
}
