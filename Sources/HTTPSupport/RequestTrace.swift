import Logging
import Synchronization
import Untrusted

/// One HTTP request as `-v` shows it, logged at `.info` when it ends: method, URL (no
/// user-info, credentials masked), status, time to the response head, total time and body
/// bytes. When the logger takes `.debug` (`-vv`) the request and the answer are shown too,
/// a line each at `.debug`: `> ` the request line, headers and the first 2 KiB of the body,
/// `< ` the status, headers and the first 2 KiB of the answer's body (of a stream, its
/// start), every credential masked by `masker`. Without a logger it does nothing.
///
/// Clients and the sandbox's listeners use it alike, so both sides of a call read the same.
public struct RequestTrace: Sendable {
    private let logger: Logger?
    private let masker: SecretMasker
    private let method: String
    private let url: String
    /// `-vv`: headers and bodies are shown.
    private let showsWire: Bool
    private let start = ContinuousClock.now
    private var status: Int?
    private var head: Duration?
    private var logged = false
    /// The answer's content type and the start of its body, kept for its excerpt.
    private var answerType: String?
    private var answerStart: [UInt8] = []
    private var answerBytes = 0

    /// `url` is only built when there is a logger, and is shown masked.
    public init(logger: Logger?, masker: SecretMasker = SecretMasker(), method: String, url: @autoclosure () -> String) {
        let showsWire = logger.map { $0.logLevel <= .debug } ?? false
        var logger = logger
        // Requests run side by side (bench, the sandbox): each line of one says which it is.
        if showsWire { logger?[metadataKey: "request"] = "\(Self.counter.add(1, ordering: .relaxed).newValue)" }
        self.logger = logger
        self.masker = masker
        self.method = method
        self.url = logger == nil ? "" : masker.url(url())
        self.showsWire = showsWire
    }

    private static let counter = Atomic<Int>(0)

    /// The request as it goes out (or, in a server, as it came in): shown with `-vv`.
    /// `bodySize` is the whole body's size when `body` is only its start.
    public func sent<Headers: Sequence>(headers: Headers, body: [UInt8]?, bodySize: Int? = nil)
    where Headers.Element == (name: String, value: String) {
        guard showsWire, let logger else { return }
        logger.debug("> \(method) \(url)")
        var contentType: String?
        for (name, value) in headers {
            if name.lowercased() == "content-type" { contentType = value }
            logger.debug("> \(name): \(masker.header(name: name, value: value))")
        }
        if let body, !body.isEmpty { logExcerpt(of: body, size: bodySize, contentType: contentType, direction: ">") }
    }

    /// The response head arrived: its headers are shown with `-vv`.
    public mutating func received<Headers: Sequence>(status: Int, headers: Headers)
    where Headers.Element == (name: String, value: String) {
        guard let logger else { return }
        self.status = status
        head = ContinuousClock.now - start
        guard showsWire else { return }
        logger.debug("< \(status)")
        for (name, value) in headers {
            if name.lowercased() == "content-type" { answerType = value }
            logger.debug("< \(name): \(masker.header(name: name, value: value))")
        }
    }

    /// Bytes of the answer's body went by; with `-vv` the start of it is kept for the excerpt.
    public mutating func read(_ bytes: some Collection<UInt8>) {
        guard showsWire else { return }
        answerBytes += bytes.count
        let room = masker.window() - answerStart.count
        if room > 0 { answerStart += bytes.prefix(room) }
    }

    /// The request is over: the body was read (`bytes`), or it failed or was left unread
    /// (nil). Only the first call logs, so a failure path may call it again.
    public mutating func finished(bytes: Int?) {
        guard let logger, !logged else { return }
        logged = true
        let total = ContinuousClock.now - start
        if showsWire, !answerStart.isEmpty {
            logExcerpt(of: answerStart, size: answerBytes, contentType: answerType, direction: "<")
        }
        logger.info("\(line(total: total, bytes: bytes))")
    }

    /// The body's start, masked, a line each; a last line says when it was cut.
    private func logExcerpt(of body: [UInt8], size: Int?, contentType: String?, direction: String) {
        guard let logger else { return }
        let (text, isCut) = masker.excerpt(body, of: size, contentType: contentType)
        for line in text.split(whereSeparator: \.isNewline) {
            logger.debug("\(direction) \(line)")
        }
        if isCut {
            logger.debug("\(direction) … (\(max(size ?? 0, body.count)) bytes in all)")
        }
    }

    func line(total: Duration, bytes: Int?) -> String {
        var text = "\(method) \(url)"
        if let status, let head {
            text += " \(status), headers \(Self.milliseconds(head)), total \(Self.milliseconds(total))"
            if let bytes { text += ", \(bytes) bytes" }
        } else {
            text += " no response, failed after \(Self.milliseconds(total))"
        }
        return text
    }

    public static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return value < 10 ? "\((value * 10).rounded() / 10) ms" : "\(Int(value.rounded())) ms"
    }
}
