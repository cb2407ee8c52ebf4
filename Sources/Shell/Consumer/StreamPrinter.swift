import Foundation
import ModelGateway

/// Prints a streamed answer as it arrives (sanitised, unbuffered) and measures it. It takes
/// the events of each network read at once and sanitises their text bytes straight into
/// one output buffer, writing it once per read on a terminal. Its own sanitizer sees the
/// deltas as one text, so an escape sequence split across two deltas is removed whole;
/// Output's check of each piece then finds nothing left to clean.
struct StreamPrinter {
    struct Result: Sendable {
        var text = ""
        var tokens = 0
        var usage: Usage?
        var timeToFirstToken: Duration?
        var total: Duration = .zero
        var finishReason: String?
        var interrupted = false
        /// The stream broke; what was printed is kept.
        var failure: GatewayError?
    }

    let output: Output

    func print(_ stream: EventStream, startedAt start: ContinuousClock.Instant) async -> Result {
        let clock = ContinuousClock()
        var result = Result()
        var sanitizer = TextSanitizer()
        var pending = PendingWrites(output: output, immediate: output.isTerminal)
        /// The answer's bytes as sent (valid UTF-8), made into `result.text` once, at the end.
        var answer: [UInt8] = []
        var lineEnded = false
        /// Ends the answer's line once: at its finish event, so that what follows on the
        /// terminal (the `-v` line of the request, logged when the body ends) starts a line.
        func endLine() {
            guard !lineEnded else { return }
            lineEnded = true
            pending.append(sanitizer.finish())
            pending.flush()
            if answer.last != UInt8(ascii: "\n") { output.write("\n") }
        }
        var events = stream.makeAsyncIterator()
        var batch = StreamBatch()
        do {
            while try await events.nextBatch(into: &batch) {
                batch.text.withUnsafeBytes { text in
                    for event in batch.events {
                        switch event {
                        case let .text(range, choice) where choice == 0:
                            if result.timeToFirstToken == nil { result.timeToFirstToken = clock.now - start }
                            result.tokens += 1
                            answer += batch.text[range]
                            pending.sanitize(UnsafeRawBufferPointer(rebasing: text[range]), with: &sanitizer)
                        case let .finish(reason, choice) where choice == 0:
                            result.finishReason = reason
                            endLine()
                        case let .usage(usage):
                            result.usage = usage
                        default:
                            break
                        }
                    }
                }
                pending.readEnded()
            }
        } catch {
            if error == .cancelled { result.interrupted = true } else { result.failure = error }
        }
        if Task.isCancelled { result.interrupted = true }
        endLine()
        result.text = String(decoding: answer, as: UTF8.self)
        result.total = clock.now - start
        return result
    }
}

/// Sanitised bytes on their way out. A terminal gets each network read's text as soon as
/// the read is decoded, token by token as they arrive. A pipe or file gets them in batches
/// (every 16 KiB or 50 ms), sparing a fast stream one write(2) per token while a slow one
/// still flows.
private struct PendingWrites {
    let output: Output
    let immediate: Bool
    private var buffer: [UInt8] = []
    private var lastFlush = ContinuousClock.now

    init(output: Output, immediate: Bool) {
        self.output = output
        self.immediate = immediate
    }

    mutating func sanitize(_ text: UnsafeRawBufferPointer, with sanitizer: inout TextSanitizer) {
        sanitizer.feed(validUTF8: text, into: &buffer)
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// The events of one read are in: a terminal sees them now, a pipe when enough piled up.
    mutating func readEnded() {
        if immediate || buffer.count >= 16 * 1024 || ContinuousClock.now - lastFlush >= .milliseconds(50) { flush() }
    }

    mutating func flush() {
        if !buffer.isEmpty { buffer.withUnsafeBytes { output.write(sanitized: $0) } }
        buffer.removeAll(keepingCapacity: true)
        lastFlush = .now
    }
}

/// The dim line after an answer: tokens, time to first token, pace and total time.
enum AnswerStats {
    static func line(tokens: Int, timeToFirstToken: Duration?, total: Duration) -> String {
        let seconds = total.seconds
        let generation = seconds - (timeToFirstToken?.seconds ?? 0)
        var parts = ["\(tokens) token\(tokens == 1 ? "" : "s")"]
        if let first = timeToFirstToken { parts.append("first token \(format(first))") }
        if tokens > 1, generation > 0 { parts.append(String(format: "%.1f tok/s", Double(tokens - 1) / generation)) }
        parts.append("total \(format(total))")
        return parts.joined(separator: " · ")
    }

    static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
