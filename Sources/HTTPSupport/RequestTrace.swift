import Logging

/// One HTTP request as `-v` shows it, logged at `.info` when it ends: method, URL (as
/// the caller shows it: no user-info, no credentials), status, time to the response
/// head, total time and body bytes. Without a logger it does nothing.
public struct RequestTrace: Sendable {
    private let logger: Logger?
    private let method: String
    private let url: String
    private let start = ContinuousClock.now
    private var status: Int?
    private var head: Duration?
    private var logged = false

    /// `url` is only built when there is a logger.
    public init(logger: Logger?, method: String, url: @autoclosure () -> String) {
        self.logger = logger
        self.method = method
        self.url = logger == nil ? "" : url()
    }

    /// The response head arrived.
    public mutating func received(status: Int) {
        guard logger != nil else { return }
        self.status = status
        head = ContinuousClock.now - start
    }

    /// The request is over: the body was read (`bytes`), or it failed or was left unread
    /// (nil). Only the first call logs, so a failure path may call it again.
    public mutating func finished(bytes: Int?) {
        guard let logger, !logged else { return }
        logged = true
        let total = ContinuousClock.now - start
        logger.info("\(line(total: total, bytes: bytes))")
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

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return value < 10 ? "\((value * 10).rounded() / 10) ms" : "\(Int(value.rounded())) ms"
    }
}
