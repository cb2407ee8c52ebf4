import Foundation
import Testing

/// Runs a program on a fresh pseudo-terminal as its controlling terminal, so
/// tests can type at it (Tab, Ctrl-C, Ctrl-D) and read the screen as a person would.
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    var processID: pid_t { pid }
    private(set) var transcript = ""
    private var consumed: String.Index

    init(_ executable: String, arguments: [String] = [], environment: [String: String], directory: String) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw PTYError("openpty failed") }
        guard let name = ttyname(slave) else { throw PTYError("ttyname failed") }
        let slavePath = String(cString: name)
        close(slave)

        // Darwin's spawn types are optional pointers, glibc's are structs.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        let newSession = Int16(POSIX_SPAWN_SETSID)
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        let newSession = Int16(0x80)  // POSIX_SPAWN_SETSID, which glibc declares for _GNU_SOURCE only
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the terminal becomes the child's controlling terminal (Ctrl-C works).
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, newSession)

        // env -C sets the working folder: glibc's addchdir_np is not visible to Swift.
        let argv = (["/usr/bin/env", "-C", directory, executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, "/usr/bin/env", &actions, &attributes, argv, envp)
        guard status == 0 else { throw PTYError("cannot start \(executable): \(String(cString: strerror(status)))") }
        self.master = master
        self.pid = child
        self.consumed = transcript.startIndex
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Waits until the program has put the terminal in raw mode (libedit reading a line),
    /// so keys typed next are read by the line editor rather than cooked by the kernel.
    func waitForLineEditor(within seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var attributes = termios()
        while Date() < deadline {
            if tcgetattr(master, &attributes) == 0, attributes.c_lflag & tcflag_t(ICANON) == 0 { return }
            readAvailable(waitMilliseconds: 10)
        }
        throw PTYError("the terminal never left canonical mode; screen:\n\(transcript)")
    }

    /// Waits until the terminal stops echoing (a secret prompt is up).
    func waitForNoEcho(within seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var attributes = termios()
        while Date() < deadline {
            if tcgetattr(master, &attributes) == 0, attributes.c_lflag & tcflag_t(ECHO) == 0 { return }
            readAvailable(waitMilliseconds: 10)
        }
        throw PTYError("the terminal kept echoing; screen:\n\(transcript)")
    }

    /// Waits for a prompt and for the line editor to be reading, then types.
    func type(_ text: String, at prompt: String = "> ") throws {
        try expect(prompt)
        try waitForLineEditor()
        send(text)
    }

    func send(_ text: String) {
        _ = text.withCString { write(master, $0, strlen($0)) }
    }

    static let tab = "\t", ctrlC = "\u{03}", ctrlD = "\u{04}", enter = "\r"

    /// Reads until `needle` appears after what earlier expectations consumed; returns the text up to it.
    /// The deadline only bounds a hang: a test fails on what it reads, never on how fast.
    @discardableResult
    func expect(_ needle: String, within seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let range = transcript[consumed...].range(of: needle) {
                let text = String(transcript[consumed..<range.upperBound])
                consumed = range.upperBound
                return text
            }
            guard Date() < deadline else {
                throw PTYError("did not see \(needle.debugDescription); screen so far:\n\(transcript[consumed...])")
            }
            readAvailable(waitMilliseconds: 100)
        }
    }

    private func readAvailable(waitMilliseconds: Int32) {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, waitMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n > 0 {
            let offset = transcript.distance(from: transcript.startIndex, to: consumed)
            transcript += String(decoding: buffer[..<n], as: UTF8.self)
            consumed = transcript.index(transcript.startIndex, offsetBy: offset)
        }
    }

    /// Waits for the program to end (reading its last output) and returns its exit status.
    func waitForExit(within seconds: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            readAvailable(waitMilliseconds: 50)
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                readAvailable(waitMilliseconds: 0)
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        throw PTYError("the program did not exit; screen:\n\(transcript)")
    }
}

struct PTYError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
