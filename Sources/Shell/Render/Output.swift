import Foundation
import ModelGateway
import Synchronization

/// Where command output goes. The real one writes straight to file
/// descriptors (no line buffering, so streamed text appears at once); tests
/// capture it.
public protocol TextSink: Sendable {
    func write(_ text: String)
    /// UTF-8 bytes, written as they are.
    func write(bytes: UnsafeRawBufferPointer)
}

extension TextSink {
    public func write(bytes: UnsafeRawBufferPointer) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// Unbuffered writes to a file descriptor, retrying short writes. A failed write is
/// recorded in `WriteFailures` and the descriptor is written no more, so the exit status
/// can say that output was lost (a full disk) or that the reader left (a closed pipe).
public struct FileDescriptorSink: TextSink {
    public let fd: Int32

    public init(fd: Int32) { self.fd = fd }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    public func write(bytes buffer: UnsafeRawBufferPointer) {
        guard WriteFailures.error(on: fd) == nil, let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let n = systemWrite(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                // A descriptor left non-blocking by whoever shares it: wait until it takes more.
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                }
                WriteFailures.record(errno, on: fd)
                return
            }
            offset += n
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

/// Drops what is written to it.
struct DroppingSink: TextSink {
    func write(_ text: String) {}
    func write(bytes: UnsafeRawBufferPointer) {}
}

/// The two streams a command writes to, and how to decorate them.
///
/// This is the one gate between text and the terminal. Every piece of text written
/// through it is sanitised (`TextSanitizer`: escape sequences removed, other controls
/// made visible, newline and tab kept), whatever its origin, so a verb cannot forget
/// to clean a server's string. Our own colours are added afterwards, around the
/// sanitised text, by `StyledText`; our own cursor codes (the `bench` progress line)
/// pass only as `TerminalControl` values, never as strings. The sinks themselves are
/// private: there is no way around the gate.
///
/// Sanitising applies to pipes and files as well as to a terminal: `maas account list |
/// less -R` or `| tee log` still end on a terminal, and the exact data is one flag away
/// (`-o json` / `-o yaml`, whose encoders escape every control character, so sanitising
/// leaves them unchanged). Model text to a file is sanitised too, for the same reason.
public struct Output: Sendable {
    private let out: any TextSink
    private let err: any TextSink
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

    /// This output with standard output dropped: a streamed answer collected for `-o json|yaml`.
    var droppingStandardOutput: Output { Output(out: DroppingSink(), err: err, isTerminal: false, color: color) }

    /// True once standard output's reader has gone (a closed pipe): nothing more will be read.
    public var readerHasGone: Bool {
        guard let sink = out as? FileDescriptorSink else { return false }
        return WriteFailures.error(on: sink.fd) == EPIPE
    }

    /// True when standard error is a terminal (a place for a line redrawn in place).
    var errorIsTerminal: Bool {
        guard let sink = err as? FileDescriptorSink else { return false }
        return isatty(sink.fd) == 1
    }

    /// A line on standard output.
    public func print(_ text: StyledText) { out.write(render(text) + "\n") }
    public func print(_ text: String) { print(StyledText(text)) }

    /// Text on standard output with no line end added (streamed answers, tables).
    public func write(_ text: StyledText) { out.write(render(text)) }
    public func write(_ text: String) { write(StyledText(text)) }
    /// Text that has already been through a `TextSanitizer` (a streamed answer, cleaned as
    /// one text across its deltas), written without a second pass.
    func write(sanitized bytes: UnsafeRawBufferPointer) { out.write(bytes: bytes) }

    /// Text on standard error with no line end added (prompts, progress).
    public func writeError(_ text: StyledText) { err.write(render(text)) }

    /// A line on standard error: notes and stats.
    public func note(_ text: StyledText) { err.write(render(text) + "\n") }
    public func note(_ text: String) { note(StyledText(text)) }

    public func error(_ text: String) { note(style(text, .red)) }
    public func warn(_ text: String) { note(style(text, .yellow)) }

    public enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    public func style(_ text: String, _ style: Style) -> StyledText {
        StyledText(text, style: style)
    }

    /// The bytes for the terminal: each text segment sanitised, then our own codes around it.
    func render(_ text: StyledText) -> String {
        var result = ""
        for segment in text.segments {
            switch segment {
            case let .text(text, style):
                let clean = Output.sanitize(text)
                if let style, color, !clean.isEmpty {
                    result += "\u{1B}[\(style.rawValue)m" + clean + "\u{1B}[0m"
                } else {
                    result += clean
                }
            case let .control(control):
                result += control.sequence
            }
        }
        return result
    }

    /// `TextSanitizer.sanitize`, skipping the copy for text with no control character
    /// (almost all of it: the check is one pass over the bytes).
    public static func sanitize(_ text: String) -> String {
        var previous: UInt8 = 0
        let clean = text.utf8.allSatisfy { byte in
            defer { previous = byte }
            if byte < 0x20 { return byte == 0x0A || byte == 0x09 }
            if byte == 0x7F { return false }
            // U+0080…U+009F (C1) are C2 80…C2 9F in UTF-8.
            return !(previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
        }
        return clean ? text : TextSanitizer.sanitize(text)
    }
}

/// Our own terminal control codes, the only ones maas writes on purpose.
public enum TerminalControl: Sendable, Equatable {
    /// Back to the start of the line, to redraw it.
    case carriageReturn
    /// Erase from the cursor to the end of the line.
    case eraseToEndOfLine
    /// Up this many lines, to redraw a block (`compare`'s live columns).
    case cursorUp(Int)
    /// Erase from the cursor to the end of the screen.
    case eraseBelow

    var sequence: String {
        switch self {
        case .carriageReturn: "\r"
        case .eraseToEndOfLine: "\u{1B}[K"
        case .cursorUp(let lines): lines > 0 ? "\u{1B}[\(lines)A" : ""
        case .eraseBelow: "\u{1B}[J"
        }
    }
}

/// Text for the terminal as segments: text (sanitised when written, however it was
/// built) with an optional style of ours, and our own control codes. Build it with `+`;
/// interpolated into a plain String it gives its text without styles.
public struct StyledText: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case text(String, Output.Style?)
        case control(TerminalControl)
    }

    private(set) var segments: [Segment]

    public init(_ text: String, style: Output.Style? = nil) {
        segments = text.isEmpty ? [] : [.text(text, style)]
    }

    public init(_ control: TerminalControl) {
        segments = [.control(control)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String {
        segments.map { segment in
            if case let .text(text, _) = segment { return text }
            return ""
        }.joined()
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.segments += rhs.segments
        return result
    }

    public static func + (lhs: StyledText, rhs: String) -> StyledText { lhs + StyledText(rhs) }
    public static func + (lhs: String, rhs: StyledText) -> StyledText { StyledText(lhs) + rhs }
    public static func += (lhs: inout StyledText, rhs: StyledText) { lhs = lhs + rhs }
    public static func += (lhs: inout StyledText, rhs: String) { lhs = lhs + rhs }
}
