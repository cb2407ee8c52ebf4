// `maas sandbox`: in one process on loopback, the 3scale Account Management API
// (Admin/), APIcast with two listeners per product (Gateway/), and the vLLM-compatible
// model (SandboxModel). Admin changes are transactions in `AdminStore`; the gateway
// serves the proxy-config versions that deploy and promote write, as APIcast does.
import Foundation
import Hummingbird
import Logging
import SandboxModel
import Untrusted

/// Where and how to run the sandbox.
public struct SandboxConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port.
    public var adminPort: Int
    public var modelPort: Int
    /// Ports for the products' gateways, two per product; nil picks free ports.
    public var gatewayPorts: ClosedRange<Int>?
    /// JSON snapshot of the admin state, replaced atomically after each change.
    public var statePath: String?
    public var model: ModelServerConfiguration
    /// Delay added to every admin API call, to imitate a remote admin portal.
    public var adminLatency: Duration
    /// `maas sandbox -v`: a line per request on every listener and the gateways' decisions
    /// (`.info`), headers and the start of bodies (`.debug`); nil logs nothing.
    public var logger: Logger?
    /// How long a gateway keeps an idle client connection open (APIcast's 75 s).
    public var gatewayKeepAlive: Duration

    public init(
        host: String = "127.0.0.1",
        adminPort: Int = 0,
        modelPort: Int = 0,
        gatewayPorts: ClosedRange<Int>? = nil,
        statePath: String? = nil,
        model: ModelServerConfiguration = .init(),
        adminLatency: Duration = .zero,
        logger: Logger? = nil,
        gatewayKeepAlive: Duration = .seconds(75)
    ) {
        self.host = host
        self.adminPort = adminPort
        self.modelPort = modelPort
        self.gatewayPorts = gatewayPorts
        self.statePath = statePath
        self.model = model
        self.adminLatency = adminLatency
        self.logger = logger
        self.gatewayKeepAlive = gatewayKeepAlive
    }
}

/// What a client needs to talk to a running sandbox.
public struct SandboxEndpoints: Sendable {
    /// The admin portal, e.g. `http://127.0.0.1:PORT` (the API is under `/admin/api/`).
    public var adminURL: String
    /// The provider's read-write access token.
    public var accessToken: String
    /// The model server (what a backend's private endpoint points at).
    public var modelURL: String
    /// The developer account of the lab, `user1`.
    public var developerAccount: String
    public var developerAccountID: Int
    /// The model served by default.
    public var modelName: String
    public var statePath: String?
}

/// An address of the last run that this one could not bind again (its port was taken
/// meanwhile): the state now holds `to` wherever it held `from`.
public struct SandboxRelocation: Sendable, Equatable {
    /// What moved: "model server", "admin API", "production gateway of 'NAME'"…
    public var role: String
    /// Origins, `http://HOST:PORT`.
    public var from: String
    public var to: String
}

extension OriginMoves {
    public init(relocations: [SandboxRelocation]) {
        self.init(Dictionary(relocations.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// A sandbox whose listeners are all bound. Products' gateway URLs are their proxy
/// `sandbox_endpoint` (staging) and `endpoint` (production).
public final class RunningSandbox: Sendable {
    public let endpoints: SandboxEndpoints
    /// True when the state came from the state file (a previous run).
    public let resumed: Bool
    public let relocations: [SandboxRelocation]
    private let admin: Listener
    private let model: Listener
    private let gateways: GatewayManager
    private let relay: UpstreamRelay
    private let store: AdminStore
    private let file: StateFile?
    private let lock: StateLock?

    private init(
        endpoints: SandboxEndpoints, resumed: Bool, relocations: [SandboxRelocation], admin: Listener, model: Listener,
        gateways: GatewayManager, relay: UpstreamRelay, store: AdminStore, file: StateFile?, lock: StateLock?
    ) {
        self.endpoints = endpoints
        self.resumed = resumed
        self.relocations = relocations
        self.admin = admin
        self.model = model
        self.gateways = gateways
        self.relay = relay
        self.store = store
        self.file = file
        self.lock = lock
    }

    /// Locks and loads (or creates) the state, then binds the model, admin and every
    /// product's gateways, on the ports of the last run where they are still free.
    /// Fails without side effects on the state file if it does not parse, another
    /// sandbox runs on it, or an explicitly chosen port is taken.
    public static func start(_ configuration: SandboxConfiguration) async throws(SandboxError) -> RunningSandbox {
        if let range = configuration.gatewayPorts, range.lowerBound < 1 || range.upperBound > 65535 {
            throw .invalidConfiguration("gateway ports must be within 1-65535")
        }
        guard !configuration.model.modelNames.isEmpty else {
            throw .invalidConfiguration("the model needs at least one served model name")
        }
        let file = configuration.statePath.map(StateFile.init)
        var lock: StateLock?
        if let file { lock = try StateLock.acquire(statePath: file.path) }
        do throws(SandboxError) {
            return try await start(configuration, file: file, lock: lock)
        } catch {
            lock?.release()
            throw error
        }
    }

    private static func start(
        _ configuration: SandboxConfiguration, file: StateFile?, lock: StateLock?
    ) async throws(SandboxError) -> RunningSandbox {
        let loaded = try file?.load()
        let state = loaded ?? AdminStore.freshState(now: Timestamp.now())
        if loaded == nil { try file?.save(state) }

        let host = configuration.host
        let store = AdminStore(state: state, file: file)
        let relay = UpstreamRelay()
        let gateways = GatewayManager(host: host, portRange: configuration.gatewayPorts, keepAlive: configuration.gatewayKeepAlive,
                                      store: store, relay: relay, logger: configuration.logger)
        var started: [Listener] = []
        var relocations: [SandboxRelocation] = []
        func bound(_ role: String, remembered: Int?, now url: String) {
            guard let remembered else { return }
            let before = origin(host: host, port: remembered)
            if before != url { relocations.append(SandboxRelocation(role: role, from: before, to: url)) }
        }
        do throws(SandboxError) {
            let model = try await listen(
                host: host, port: configuration.modelPort, remembered: state.modelPort,
                responder: ModelService.router(configuration.model).buildResponder(), role: "model server",
                logger: configuration.logger, store: store
            )
            started.append(model)
            bound("model server", remembered: state.modelPort, now: model.url)
            let admin = try await listen(
                host: host, port: configuration.adminPort, remembered: state.adminPort,
                responder: AdminResponder(store: store, gateways: gateways, table: AdminRoutes.table,
                                          latency: configuration.adminLatency),
                role: "admin API", logger: configuration.logger, store: store
            )
            started.append(admin)
            bound("admin API", remembered: state.adminPort, now: admin.url)
            for service in await store.serviceEndpoints {
                let stored = (staging: ownPort(service.staging, host: host), production: ownPort(service.production, host: host))
                let ports = try await gateways.restore(
                    serviceID: service.id,
                    stagingPort: stored.staging ?? URLComponents(string: service.staging)?.port,
                    productionPort: stored.production ?? URLComponents(string: service.production)?.port)
                bound("staging gateway of '\(service.name)'", remembered: stored.staging, now: origin(host: host, port: ports.staging))
                bound("production gateway of '\(service.name)'", remembered: stored.production,
                      now: origin(host: host, port: ports.production))
            }
            try await store.settle(admin: admin.port, model: model.port, moves: OriginMoves(relocations: relocations))
            try await gateways.createDefaultProduct()
            let developer = state.accounts.first { !$0.isProvider && $0.orgName == "user1" }
            let endpoints = SandboxEndpoints(
                adminURL: admin.url,
                accessToken: state.accessTokens.first { $0.permission == "rw" }?.value ?? "",
                modelURL: model.url,
                developerAccount: "user1",
                developerAccountID: developer?.id ?? 0,
                modelName: configuration.model.modelNames[0],
                statePath: configuration.statePath
            )
            return RunningSandbox(endpoints: endpoints, resumed: loaded != nil, relocations: relocations, admin: admin,
                                  model: model, gateways: gateways, relay: relay, store: store, file: file, lock: lock)
        } catch {
            await gateways.shutdown()
            for listener in started.reversed() { await listener.stop() }
            await relay.shutdown()
            throw error
        }
    }

    /// The port of a URL this sandbox wrote for one of its own listeners (`http://HOST:PORT`).
    private static func ownPort(_ url: String, host: String) -> Int? {
        guard let port = URLComponents(string: url)?.port else { return nil }
        let own = origin(host: host, port: port)
        return url == own || url.hasPrefix(own + "/") ? port : nil
    }

    private static func origin(host: String, port: Int) -> String { "http://\(host):\(port)" }

    /// Every address the sandbox answers on now: admin API, model, each product's gateways.
    public func origins() async -> Set<String> {
        Set([admin.url, model.url] + (await gateways.origins))
    }

    /// An explicit port must be free; without one, the port of the last run is tried
    /// before any free port. With a logger, its requests are logged (`LoggingResponder`).
    private static func listen<Responder: HTTPResponder>(
        host: String, port: Int, remembered: Int?, responder: Responder, role: String, logger: Logger?, store: AdminStore
    ) async throws(SandboxError) -> Listener where Responder.Context == BasicRequestContext {
        guard let logger else {
            return try await listen(host: host, port: port, remembered: remembered, responder: responder, role: role)
        }
        let logged = LoggingResponder(inner: responder, logger: logger.tagged(role), showsRequestBody: true) { await store.logMasker }
        return try await listen(host: host, port: port, remembered: remembered, responder: logged, role: role)
    }

    private static func listen<Responder: HTTPResponder>(
        host: String, port: Int, remembered: Int?, responder: Responder, role: String
    ) async throws(SandboxError) -> Listener where Responder.Context == BasicRequestContext {
        if port == 0, let remembered,
           let listener = try? await Listener.start(host: host, port: remembered, responder: responder, role: role) {
            return listener
        }
        return try await Listener.start(host: host, port: port, responder: responder, role: role)
    }

    /// Stops accepting requests, closes every listener and saves the state. Always
    /// returns within a few seconds: every listener stops at once, gracefully first
    /// (`Listener.stopGrace`), then by force.
    public func shutdown() async throws(SandboxError) {
        async let adminStopped: Void = admin.stop()
        async let gatewaysStopped: Void = gateways.shutdown()
        async let modelStopped: Void = model.stop()
        async let relayStopped: Void = relay.shutdown()
        _ = await (adminStopped, gatewaysStopped, modelStopped, relayStopped)
        defer { lock?.release() }
        await store.stopSavingTraffic()
        try file?.save(await store.snapshot)
    }
}
