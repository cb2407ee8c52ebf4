/// Lines for a sub-mode (chat) from the session's line editor. Ctrl-C at its prompt
/// clears the line instead of cancelling the command; the lines join the in-memory
/// history (not the file: chat text is not shell history).
struct EditorLineSource: LineSource {
    let editor: LineEditor
    let interrupts: InterruptHandler

    func nextLine(prompt: String, completer: Completer?) async throws -> String? {
        let result = await interrupts.suspended { await editor.read(prompt: prompt, completer: completer) }
        switch result {
        case let .line(text):
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { editor.addHistory(text) }
            return text
        case .interrupted:
            throw CancellationError()
        case .endOfInput:
            return nil
        }
    }
}
