import Foundation
import Synchronization

/// Where command output goes. The real one writes straight to file
/// descriptors (no line buffering, so streamed text appears at once); tests
/// capture it.
public protocol TextSink: Sendable {
    func write(_ text: String)
}

/// Unbuffered writes to a file descriptor, retrying short writes.
public struct FileDescriptorSink: TextSink {
    public let fd: Int32

    public init(fd: Int32) { self.fd = fd }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

/// Collects everything written, for tests and for capturing help text.
public final class CapturingSink: TextSink {
    private let buffer = Mutex("")

    public init() {}

    public func write(_ text: String) { buffer.withLock { $0 += text } }
    public var text: String { buffer.withLock { $0 } }
}

/// The two streams a command writes to, and how to decorate them.
public struct Output: Sendable {
    public var out: any TextSink
    public var err: any TextSink
    /// True when stdout is a terminal: enables streaming defaults and colour.
    public var isTerminal: Bool
    public var color: Bool

    public init(out: any TextSink, err: any TextSink, isTerminal: Bool, color: Bool) {
        self.out = out
        self.err = err
        self.isTerminal = isTerminal
        self.color = color
    }

    public static func standard(environment: [String: String]) -> Output {
        let terminal = isatty(STDOUT_FILENO) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Output(
            out: FileDescriptorSink(fd: STDOUT_FILENO), err: FileDescriptorSink(fd: STDERR_FILENO),
            isTerminal: terminal, color: terminal && !noColor && environment["TERM"] != "dumb")
    }

    public func print(_ text: String) { out.write(text + "\n") }
    public func error(_ text: String) { err.write(style(text, .red) + "\n") }
    public func warn(_ text: String) { err.write(style(text, .yellow) + "\n") }

    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    public func style(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
