import CEditLine
import Foundation
import Synchronization

/// libedit behind a small Swift surface: emacs keys, a prompt, in-memory
/// history, Tab bound to a completer, and a read function that also wakes on
/// Ctrl-C (via the interrupt pipe) so the prompt can be cleared instead of
/// killing the session.
final class LineEditor: @unchecked Sendable {
    // Touched only by the thread inside `read`, one read at a time.
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let inputFD: Int32
    private let interrupts: InterruptHandler
    private var completer: Completer
    private let outputFD: Int32
    private var promptBuffer: UnsafeMutablePointer<CChar>
    private var interrupted = false

    enum ReadResult: Equatable {
        case line(String)
        case interrupted
        case endOfInput
    }

    init?(interrupts: InterruptHandler, completer: Completer, history entries: [String]) {
        Self.useUTF8Characters()
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"), let errors = fdopen(STDERR_FILENO, "w"),
              let editLine = el_init("maas", input, output, errors), let history = history_init()
        else { return nil }
        self.editLine = editLine
        self.history = history
        self.inputFD = STDIN_FILENO
        self.outputFD = STDOUT_FILENO
        self.interrupts = interrupts
        self.completer = completer
        self.promptBuffer = strdup("maas> ")
        maas_history_set_size(history, Int32(HistoryFile.limit))
        maas_history_set_unique(history, 1)
        for entry in entries { maas_history_enter(history, entry) }
        maas_el_set_history(editLine, history)
        maas_el_set_editor(editLine, "emacs")
        maas_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        maas_el_set_prompt(editLine) { el in
            LineEditor.from(el).promptBuffer
        }
        maas_el_set_getc(editLine) { el, character in
            LineEditor.from(el).readCharacter(into: character!)
        }
        maas_el_add_function(editLine, "maas-complete", "Complete the word at the cursor") { el, _ in
            LineEditor.from(el).completeAtCursor()
        }
        maas_el_bind(editLine, "^I", "maas-complete")
        el_source(editLine, nil)
    }

    /// libedit draws and converts characters by the C library's character locale, which a
    /// Swift program leaves at "C" (ASCII) whatever LANG says: typed UTF-8 would show as
    /// `\U+65E7` and not reach the command. maas's text is UTF-8 throughout, so the session
    /// takes a UTF-8 character locale (only LC_CTYPE: numbers and dates are formatted by Swift).
    private static func useUTF8Characters() {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] where setlocale(LC_CTYPE, name) != nil { return }
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptBuffer)
    }

    private static func from(_ el: OpaquePointer?) -> LineEditor {
        Unmanaged<LineEditor>.fromOpaque(maas_el_get_clientdata(el)!).takeUnretainedValue()
    }

    func addHistory(_ entry: String) {
        maas_history_enter(history, entry)
    }

    /// Reads one line on a thread of its own, so the concurrency pool never blocks on a person typing.
    /// `completer` replaces the session's for this read (chat mode completes its `/` commands).
    func read(prompt: String, completer: Completer? = nil) async -> ReadResult {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: self.blockingRead(prompt: prompt, completer: completer))
            }
        }
    }

    private func blockingRead(prompt: String, completer: Completer?) -> ReadResult {
        let sessionCompleter = self.completer
        if let completer { self.completer = completer }
        defer { self.completer = sessionCompleter }
        free(promptBuffer)
        // libedit writes the prompt as it is, and a prompt may name a model a server listed.
        promptBuffer = strdup(Table.cell(prompt))
        interrupts.drain()
        interrupted = false
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        if interrupted {
            return .interrupted
        }
        guard let line, count > 0 else { return .endOfInput }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// libedit's character source: one UTF-8 scalar from the terminal, or -1 after Ctrl-C.
    private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var bytes: [UInt8] = []
        while true {
            var fds = [
                pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: interrupts.wakeFD, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if fds[1].revents != 0 {
                interrupted = true
                return -1
            }
            var byte: UInt8 = 0
            let n = systemRead(inputFD, &byte, 1)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return -1
            }
            if n == 0 { return 0 }
            // With ISIG off, Ctrl-C arrives as a byte rather than a signal.
            if bytes.isEmpty && byte == 3 {
                interrupted = true
                return -1
            }
            bytes.append(byte)
            let expected = Self.sequenceLength(bytes[0])
            if bytes.count < expected { continue }
            let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
            character.pointee = wchar_t(bitPattern: scalar)
            return 1
        }
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }

    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
        let result = completer.complete(before)
        // Names from a server may hold control characters: such a name can be neither shown
        // in the listing below (written past Output) nor typed, so it is not offered.
        let candidates = result.candidates.filter { Table.cell($0) == $0 }
        guard !candidates.isEmpty else {
            el_beep(editLine)
            return UInt8(CC_REFRESH)
        }
        let word = result.word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        if candidates.count == 1 {
            let candidate = candidates[0]
            let insertion = String(candidate.dropFirst(min(word.count, candidate.count))) + (candidate.hasSuffix("/") ? "" : " ")
            el_insertstr(editLine, insertion)
            return UInt8(CC_REFRESH)
        }
        let common = Completer.commonPrefix(candidates)
        if common.count > word.count {
            el_insertstr(editLine, String(common.dropFirst(word.count)))
            return UInt8(CC_REFRESH)
        }
        FileDescriptorSink(fd: outputFD).write("\n" + Self.columns(candidates, width: terminalWidth()))
        return UInt8(CC_REDISPLAY)
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(outputFD, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Candidates laid out in columns, as shells list them.
    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / cell)
        var text = ""
        for (i, item) in items.enumerated() {
            let last = i % perRow == perRow - 1 || i == items.count - 1
            text += last ? item + "\n" : item.padding(toLength: cell, withPad: " ", startingAt: 0)
        }
        return text
    }
}
