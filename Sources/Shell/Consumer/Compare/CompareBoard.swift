import Synchronization

/// The answers of a `compare` as they stream, and — on a terminal — their live view: the
/// last lines of every column side by side (or one status line per target when the
/// columns do not fit), redrawn in place at most every 80 ms. The view is erased when
/// the round ends, and the whole answers are printed once in its place.
final class CompareBoard: Sendable {
    private struct State {
        var results: [StreamPrinter.Result]
        var finished: [Bool]
        var changed = true
        var drawnLines = 0
    }

    let titles: [String]
    private let state: Mutex<State>

    init(titles: [String]) {
        self.titles = titles
        state = Mutex(State(results: Array(repeating: .init(), count: titles.count), finished: Array(repeating: false, count: titles.count)))
    }

    func update(_ index: Int, _ result: StreamPrinter.Result) {
        state.withLock {
            $0.results[index] = result
            $0.changed = true
        }
    }

    func finish(_ index: Int, _ result: StreamPrinter.Result) {
        state.withLock {
            $0.results[index] = result
            $0.finished[index] = true
            $0.changed = true
        }
    }

    /// Redraws while the round runs; returns when cancelled, leaving the view on screen for `erase`.
    func showLive(on output: Output, width: Int, height: Int, heading: String?) async {
        let bodyLines = max(3, min(height - 8, 12))
        while !Task.isCancelled {
            let snapshot = state.withLock { state -> (results: [StreamPrinter.Result], finished: [Bool])? in
                guard state.changed else { return nil }
                state.changed = false
                return (state.results, state.finished)
            }
            if let snapshot {
                var lines = heading.map { [StyledText($0, style: .dim)] } ?? []
                lines += Self.view(titles: titles, results: snapshot.results, finished: snapshot.finished, width: width, bodyLines: bodyLines)
                redraw(lines, on: output)
            }
            try? await Task.sleep(for: .milliseconds(80))
        }
    }

    /// Removes the live view, so that the final answers take its place.
    func erase(on output: Output) {
        let drawn = state.withLock { state -> Int in
            defer { state.drawnLines = 0 }
            return state.drawnLines
        }
        guard drawn > 0 else { return }
        output.write(StyledText(.cursorUp(drawn)) + StyledText(.carriageReturn) + StyledText(.eraseBelow))
    }

    private func redraw(_ lines: [StyledText], on output: Output) {
        let previous = state.withLock { state -> Int in
            defer { state.drawnLines = lines.count }
            return state.drawnLines
        }
        var text = StyledText(.cursorUp(previous)) + StyledText(.carriageReturn) + StyledText(.eraseBelow)
        for line in lines { text += line + "\n" }
        output.write(text)
    }

    /// The live lines: the columns' last `bodyLines` lines and a status line under each, or
    /// one status line a target when the columns would be too narrow.
    static func view(titles: [String], results: [StreamPrinter.Result], finished: [Bool], width: Int, bodyLines: Int) -> [StyledText] {
        let statuses = results.indices.map { status(results[$0], finished: finished[$0]) }
        guard let each = SideBySide.columnWidth(count: titles.count, width: width) else {
            return titles.indices.map { index in
                StyledText(SideBySide.cut(Table.cell(titles[index]) + ": " + statuses[index], to: width - 1))
            }
        }
        let tails = results.map { result in
            Array(SideBySide.wrap(SideBySide.clean(result.text), width: each).suffix(bodyLines))
        }
        var lines = [SideBySide.row(titles.map { SideBySide.cut(Table.cell($0), to: each) }, width: each, style: .bold)]
        for index in 0..<max(1, tails.map(\.count).max() ?? 0) {
            lines.append(SideBySide.row(tails.map { index < $0.count ? $0[index] : "" }, width: each, style: nil))
        }
        lines.append(SideBySide.row(statuses.map { SideBySide.cut($0, to: each) }, width: each, style: .dim))
        return lines
    }

    static func status(_ result: StreamPrinter.Result, finished: Bool) -> String {
        if let failure = result.failure { return "error: " + Table.cell(failure.message) }
        if result.interrupted { return "interrupted · \(result.tokens) tokens" }
        if finished { return "done · \(result.tokens) tokens · \(AnswerStats.format(result.total))" }
        return result.tokens == 0 ? "waiting…" : "\(result.tokens) tokens…"
    }
}
