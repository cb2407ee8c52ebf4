import HTTPSupport
import Logging

/// `maas sandbox -v`: what a gateway decided for one request, in one `.info` line before
/// the listener's request line: the mapping rules that matched, the plan's limits, and the
/// upstream's status and time, or where and why it answered itself. It names the
/// credential's location, never the credential.
struct GatewayDecision {
    let logger: Logger?
    /// `staging` or `production`.
    let environment: String
    let method: String
    let path: String
    private var steps: [String] = []
    private var start: ContinuousClock.Instant?

    init(logger: Logger?, environment: String, method: String, path: String) {
        self.logger = logger
        self.environment = environment == "sandbox" ? "staging" : environment
        self.method = method
        self.path = path
    }

    /// The rules that matched (none is a step of its own: the gateway answers 404).
    mutating func matched(_ rules: [GatewayConfig.Rule]) {
        guard logger != nil, !rules.isEmpty else { return }
        steps.append("rule " + rules.map { "\($0.httpMethod) \($0.pattern) (\($0.metricSystemName) +\($0.delta))" }
            .joined(separator: ", "))
    }

    /// The plan's verdict: `within hits 3/10 per minute`, `exceeded …`.
    mutating func limits(_ verdict: String) {
        guard logger != nil else { return }
        steps.append(verdict)
    }

    /// The request goes upstream now.
    mutating func forwarding() {
        guard logger != nil else { return }
        start = ContinuousClock.now
    }

    /// The upstream's answer head arrived (or the relay's 502/504 when it failed).
    func upstream(status: Int) {
        let elapsed = start.map { ContinuousClock.now - $0 } ?? .zero
        log("upstream \(status) in \(RequestTrace.milliseconds(elapsed))")
    }

    /// The gateway answered itself: why, and with which status.
    func answered(_ reason: String, status: Int) {
        log("\(reason): \(status)")
    }

    private func log(_ outcome: String) {
        guard let logger else { return }
        logger.info("\(environment) gateway \(method) \(path): \((steps + [outcome]).joined(separator: "; "))")
    }
}
