import Foundation
import Untrusted

/// Owns the tenant state. Admin requests run as transactions on a copy that is saved
/// (when a state file is configured) and then committed; the gateway reads deployed
/// configs and reports usage here, as APIcast does against 3scale's backend.
actor AdminStore {
    private var state: SandboxState
    /// What the gateways serve, readable without a hop to this actor.
    nonisolated let deployed = DeployedConfigs()
    private let file: StateFile?
    private var usage = UsageLedger()
    /// The pending save of traffic counters, at most one.
    private var trafficSave: Task<Void, Never>?
    /// False once the sandbox stops: its last save is `shutdown`'s, under the state lock.
    private var savesTraffic = true
    /// Counters change with every gateway call; they are saved with the next admin change,
    /// at shutdown, or at the latest this long after they changed, never once per call.
    static let trafficSaveDelay: Duration = .seconds(2)

    init(state: SandboxState, file: StateFile?) {
        var state = state
        if state.accountPlans == nil { TenantDefaults.addAccountPlan(to: &state, now: Timestamp.now()) }
        self.state = state
        self.file = file
        deployed.publish(state.proxyConfigs)
    }

    /// A fresh tenant as at the start of the lab: the provider with one read-write
    /// token and its default account plan, and the developer account `user1` (org
    /// `user1`, user `user1`). The default product comes with its listeners (`createDefaultProduct`).
    static func freshState(now: String) -> SandboxState {
        var state = SandboxState()
        let provider = Account(id: state.newID("accounts"), orgName: "Provider Name", state: "approved", isProvider: true,
                               siteAccessCode: Validation.randomHex(5), createdAt: now, updatedAt: now)
        state.providerAccountID = provider.id
        state.accounts.append(provider)
        state.users.append(User(id: state.newID("users"), accountID: provider.id, username: "admin",
                                email: "admin@sandbox.local", role: "admin", state: "active", createdAt: now, updatedAt: now))
        TenantDefaults.addAccountPlan(to: &state, now: now)
        state.accessTokens.append(AccessToken(
            id: state.newID("access_tokens"), name: "sandbox", value: Validation.randomHex(32), permission: "rw",
            scopes: ["account_management", "policy_registry", "stats", "cms", "finance"]
        ))
        let developer = Account(id: state.newID("accounts"), orgName: "user1", state: "approved", isProvider: false,
                                siteAccessCode: nil, createdAt: now, updatedAt: now)
        state.accounts.append(developer)
        state.users.append(User(id: state.newID("users"), accountID: developer.id, username: "user1",
                                email: "user1@sandbox.local", role: "admin", state: "active", createdAt: now, updatedAt: now))
        return state
    }

    var snapshot: SandboxState { state }

    /// What `maas sandbox -v` masks in any request: every product's key header or parameter
    /// by name, and every token, key and secret of the tenant wherever it shows.
    var logMasker: SecretMasker {
        SecretMasker(
            names: state.services.map(\.proxy.authUserKey),
            values: state.accessTokens.map(\.value) + state.services.map(\.proxy.secretToken)
                + state.applications.flatMap { [$0.userKey, $0.providerVerificationKey] })
    }

    /// Writes this run's ports and moves the addresses whose ports were taken
    /// (`from` origin → `to`), in one save.
    func settle(admin: Int, model: Int, moves: OriginMoves) throws(SandboxError) {
        var updated: SandboxState
        do {
            updated = try state.moving(moves)
        } catch {
            throw .stateFile(path: file?.path ?? "(in memory)", reason: "cannot be updated with the new ports (\(error))")
        }
        updated.adminPort = admin
        updated.modelPort = model
        guard updated != state else { return }
        try file?.save(updated)
        commit(updated)
    }

    var needsDefaultProduct: Bool { TenantDefaults.needsProduct(state) }

    /// Adds porta's first product on listeners already bound; returns its id.
    func createDefaultProduct(staging: String, production: String) throws(SandboxError) -> Int {
        var transaction = Transaction(state: state, now: Timestamp.now(), baseURL: "", reservedEndpoints: nil)
        let id: Int
        do throws(AdminAPIFailure) {
            id = try transaction.createDefaultProduct(endpoints: (staging: staging, production: production))
        } catch {
            throw .invalidConfiguration("the tenant's default product could not be created (\(error.response.status))")
        }
        try file?.save(transaction.state)
        commit(transaction.state)
        return id
    }

    func token(_ value: String) -> AccessToken? {
        state.accessTokens.first { $0.value == value }
    }

    /// Runs a handler; on success persists and commits, on failure changes nothing.
    func perform(
        _ route: AdminRoute, input: AdminInput, baseURL: String,
        reserved: (staging: String, production: String)?
    ) -> (AdminResponse, [GatewayEffect]) {
        var transaction = Transaction(
            state: state, now: Timestamp.now(), baseURL: baseURL, reservedEndpoints: reserved
        )
        let response: AdminResponse
        do throws(AdminAPIFailure) {
            response = try route.handler(&transaction, input)
        } catch {
            return (error.response, [])
        }
        if route.isWrite, transaction.state != state {
            do throws(SandboxError) {
                try file?.save(transaction.state)
            } catch {
                return (AdminAPIFailure.message(500, error.message).response, [])
            }
            commit(transaction.state)
        }
        return (response, transaction.effects)
    }

    /// Only admin changes come here (usage counters change in place), so the gateways'
    /// snapshot is rebuilt only when a config may have changed.
    private func commit(_ updated: SandboxState) {
        let configsChanged = updated.proxyConfigs != state.proxyConfigs
        state = updated
        if configsChanged { deployed.publish(state.proxyConfigs) }
    }

    /// Services that exist, with their endpoints, for starting gateway listeners.
    var serviceEndpoints: [(id: Int, name: String, staging: String, production: String)] {
        state.services.map { ($0.id, $0.name, $0.proxy.sandboxEndpoint, $0.proxy.endpoint) }
    }

    /// Staging serves the latest sandbox config, production the latest promoted one.
    nonisolated func gatewayConfig(serviceID: Int, environment: String) -> GatewayConfig? {
        deployed.config(serviceID: serviceID, environment: environment)
    }

    enum Decision: Equatable, Sendable {
        case authorized
        case authFailed
        case limitsExceeded(retryAfter: Int?)
    }

    /// APIcast's authrep: the key must belong to a live application of this product; a
    /// limit of 0 disables a metric (reported as auth failure); otherwise every limit
    /// on the used metrics (and their parents) must have room, then usage is recorded.
    func authorize(serviceID: Int, userKey: String, usage requested: [Int: Int], at date: Date = Date()) -> Decision {
        authorizeExplained(serviceID: serviceID, userKey: userKey, usage: requested, at: date).decision
    }

    /// `authorize`, and for `maas sandbox -v` the limits it weighed (the exceeded ones when
    /// it refuses): `hits 3/10 per minute`, or why none applied.
    func authorizeExplained(serviceID: Int, userKey: String, usage requested: [Int: Int], at date: Date = Date())
        -> (decision: Decision, limits: String)
    {
        guard let app = state.applications.first(where: { $0.userKey == userKey && $0.serviceID == serviceID }),
              app.state == "live"
        else { return (.authFailed, "no live application of this product has the key") }
        var totals: [Int: Int] = [:]
        for (metricID, delta) in requested {
            totals[metricID] = totals[metricID, default: 0].addingSaturated(delta)
            if let parent = state.metrics.first(where: { $0.id == metricID })?.parentID {
                totals[parent] = totals[parent, default: 0].addingSaturated(delta)
            }
        }
        let limits = state.limits.filter { $0.planID == app.planID && totals[$0.metricID] != nil }
        var exceeded: [String] = []
        var weighed: [String] = []
        var retryAfter: Int?
        for limit in limits {
            let name = state.metrics.first { $0.id == limit.metricID }?.systemName ?? "metric \(limit.metricID)"
            if limit.value == 0 { return (.authFailed, "\(name) is disabled (a limit of 0 per \(limit.period))") }
            let window = UsageLedger.window(limit.period, at: date)
            let used = usage.value(app: app.id, metric: limit.metricID, window: window).addingSaturated(totals[limit.metricID] ?? 0)
            let shown = "\(name) \(used)/\(limit.value) per \(limit.period)"
            weighed.append(shown)
            if used > limit.value {
                exceeded.append(shown)
                // Retry-After is the wait until the longest exceeded period resets; eternity never does.
                if let end = window.end {
                    retryAfter = max(retryAfter ?? 0, Int(end.timeIntervalSince(date).rounded(.up)))
                }
            }
        }
        if !exceeded.isEmpty { return (.limitsExceeded(retryAfter: retryAfter), "exceeded " + exceeded.joined(separator: ", ")) }
        let windows = Validation.limitPeriods.map { UsageLedger.window($0, at: date) }
        for (metricID, delta) in totals {
            for window in windows {
                usage.add(delta, app: app.id, metric: metricID, window: window)
            }
            state.traffic.add(delta, application: app.id, metric: metricID, at: date)
        }
        scheduleTrafficSave()
        return (.authorized, weighed.isEmpty ? "no limits on the plan" : "within " + weighed.joined(separator: ", "))
    }
}

extension AdminStore {
    private func scheduleTrafficSave() {
        guard file != nil, savesTraffic, trafficSave == nil else { return }
        trafficSave = Task { [weak self] in
            try? await Task.sleep(for: AdminStore.trafficSaveDelay)
            await self?.saveTraffic()
        }
    }

    /// A failed save is not reported here: the counters stay in memory, the next admin
    /// change or the shutdown saves them again and reports a failure.
    private func saveTraffic() {
        trafficSave = nil
        guard savesTraffic else { return }
        try? file?.save(state)
    }

    /// Cancels the pending save, before `shutdown` saves the state one last time.
    func stopSavingTraffic() {
        savesTraffic = false
        trafficSave?.cancel()
        trafficSave = nil
    }
}

/// Counters per application, metric and calendar period (UTC), as 3scale's backend keeps them.
struct UsageLedger: Sendable {
    struct Window: Hashable, Sendable {
        var period: String
        var start: Date
        var end: Date?
    }

    private struct Key: Hashable {
        var app: Int
        var metric: Int
        var window: Window
    }

    private var counters: [Key: Int] = [:]

    func value(app: Int, metric: Int, window: Window) -> Int {
        counters[Key(app: app, metric: metric, window: window)] ?? 0
    }

    mutating func add(_ delta: Int, app: Int, metric: Int, window: Window) {
        let key = Key(app: app, metric: metric, window: window)
        counters[key] = counters[key, default: 0].addingSaturated(delta)
        // Past minutes and hours pile up in a long-running sandbox; forget them now and then.
        if counters.count > 10_000 {
            counters = counters.filter { key, _ in key.window.end.map { $0 > window.start } ?? true }
        }
    }

    /// The counters' calendar (ISO 8601 in UTC), made once: every authorized request asks
    /// for the windows of seven periods.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()

    static func window(_ period: String, at date: Date) -> Window {
        // Windows of a fixed length are arithmetic on Unix time, which has no leap seconds
        // (Foundation's calendar, asked 14 times a request, was 3–4% of the sandbox's CPU
        // under gateway load); weeks start on Monday, as ISO 8601's do, and 1970-01-05 was one.
        let fixed: (length: Double, origin: Double)?
        switch period {
        case "minute": fixed = (60, 0)
        case "hour": fixed = (3_600, 0)
        case "day": fixed = (86_400, 0)
        case "week": fixed = (604_800, 345_600)
        case "month", "year": fixed = nil
        default: return Window(period: period, start: Date(timeIntervalSince1970: 0), end: nil)
        }
        if let (length, origin) = fixed {
            let start = ((date.timeIntervalSince1970 - origin) / length).rounded(.down) * length + origin
            return Window(period: period, start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: start + length))
        }
        guard let interval = calendar.dateInterval(of: period == "month" ? .month : .year, for: date) else {
            return Window(period: period, start: date, end: nil)
        }
        return Window(period: period, start: interval.start, end: interval.end)
    }
}

enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
