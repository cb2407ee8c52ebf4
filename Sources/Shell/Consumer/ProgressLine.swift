import Foundation
import LoadTest

/// The live line of a running `bench`, redrawn in place on stderr. Only on a
/// terminal: in a pipe or a log it would be noise.
struct ProgressLine: Sendable {
    let output: Output

    /// Nil when stderr is not a terminal or the line is not wanted.
    init?(output: Output, enabled: Bool) {
        guard enabled, output.errorIsTerminal else { return nil }
        self.output = output
    }

    /// Back to the start of the line, the text, then erase what a longer previous line left.
    func draw(_ progress: LoadProgress) {
        output.writeError(StyledText(.carriageReturn) + Self.text(progress) + StyledText(.eraseToEndOfLine))
    }

    func clear() {
        output.writeError(StyledText(.carriageReturn) + StyledText(.eraseToEndOfLine))
    }

    static func text(_ progress: LoadProgress) -> String {
        var parts: [String] = []
        if let total = progress.targetRequests {
            parts.append("\(progress.finished)/\(total) requests")
        } else if let planned = progress.targetDuration {
            parts.append(String(format: "%.1f/%.0f s", progress.elapsed.milliseconds / 1000, planned.milliseconds / 1000))
            parts.append("\(progress.finished) requests")
        }
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        parts.append("\(progress.inFlight) in flight")
        parts.append(String(format: "%.0f tok/s", progress.chunkRate))
        if progress.targetRequests != nil { parts.append(String(format: "%.1f s", progress.elapsed.milliseconds / 1000)) }
        return "bench: " + parts.joined(separator: " · ")
    }
}
