import Logging

/// swift-log's events as `-v` shows them: one compact line each on standard error,
/// `info: MESSAGE key=value…`, written through the output layer (so sanitised like any
/// other text). Colour is the given output's: the caller decides it for standard error.
struct StderrLogHandler: LogHandler {
    let output: Output
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        var text = "\(event.message)"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { text += " \(key)=\(value)" }
        output.note(output.style("\(event.level):", Self.style(of: event.level)) + " " + text)
    }

    private static func style(of level: Logger.Level) -> Output.Style {
        switch level {
        case .trace, .debug, .info, .notice: .dim
        case .warning: .yellow
        case .error, .critical: .red
        }
    }
}

extension CommandContext {
    /// With `-v`, the logger the HTTP clients report each request to (at `.info`; with `-vv`
    /// at `.debug` too, for headers and bodies); nil otherwise, so nothing is logged and no
    /// line is even formatted.
    var logger: Logger? {
        guard options.verbose > 0 else { return nil }
        var errors = output
        errors.color = output.errorIsTerminal && !options.noColor && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
        let level: Logger.Level = options.verbose > 1 ? .debug : .info
        return Logger(label: "maas") { _ in StderrLogHandler(output: errors, logLevel: level) }
    }
}
