// `maas sandbox`: in one process on loopback, the 3scale Account Management API
// (Admin/), APIcast with two listeners per product (Gateway/), and the vLLM-compatible
// model (SandboxModel). Admin changes are transactions in `AdminStore`; the gateway
// serves the proxy-config versions that deploy and promote write, as APIcast does.
import Foundation
import Hummingbird
import SandboxModel

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
        gatewayKeepAlive: Duration = .seconds(75)
    ) {
        self.host = host
        self.adminPort = adminPort
        self.modelPort = modelPort
        self.gatewayPorts = gatewayPorts
        self.statePath = statePath
        self.model = model
        self.adminLatency = adminLatency
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

/// A sandbox whose listeners are all bound. Products' gateway URLs are their proxy
/// `sandbox_endpoint` (staging) and `endpoint` (production).
public final class RunningSandbox: Sendable {
    public let endpoints: SandboxEndpoints
    private let admin: Listener
    private let model: Listener
    private let gateways: GatewayManager
    private let relay: UpstreamRelay
    private let store: AdminStore
    private let file: StateFile?

    private init(
        endpoints: SandboxEndpoints, admin: Listener, model: Listener, gateways: GatewayManager,
        relay: UpstreamRelay, store: AdminStore, file: StateFile?
    ) {
        self.endpoints = endpoints
        self.admin = admin
        self.model = model
        self.gateways = gateways
        self.relay = relay
        self.store = store
        self.file = file
    }

    /// Loads or creates the state, then binds the model, admin and every product's gateways.
    /// Fails without side effects on the state file if it does not parse or a port is taken.
    public static func start(_ configuration: SandboxConfiguration) async throws(SandboxError) -> RunningSandbox {
        if let range = configuration.gatewayPorts, range.lowerBound < 1 || range.upperBound > 65535 {
            throw .invalidConfiguration("gateway ports must be within 1-65535")
        }
        guard !configuration.model.modelNames.isEmpty else {
            throw .invalidConfiguration("the model needs at least one served model name")
        }
        let file = configuration.statePath.map(StateFile.init)
        let loaded = try file?.load()
        let state = loaded ?? AdminStore.freshState(now: Timestamp.now())
        if loaded == nil { try file?.save(state) }

        let store = AdminStore(state: state, file: file)
        let relay = UpstreamRelay()
        let gateways = GatewayManager(host: configuration.host, portRange: configuration.gatewayPorts,
                                      keepAlive: configuration.gatewayKeepAlive, store: store, relay: relay)
        var started: [Listener] = []
        do throws(SandboxError) {
            let model = try await listen(
                host: configuration.host, port: configuration.modelPort, remembered: state.modelPort,
                responder: ModelService.router(configuration.model).buildResponder(), role: "model server"
            )
            started.append(model)
            let admin = try await listen(
                host: configuration.host, port: configuration.adminPort, remembered: state.adminPort,
                responder: AdminResponder(store: store, gateways: gateways, table: AdminRoutes.table,
                                          latency: configuration.adminLatency),
                role: "admin API"
            )
            started.append(admin)
            try await store.rememberPorts(admin: admin.port, model: model.port)
            for service in await store.serviceEndpoints {
                try await gateways.restore(serviceID: service.id, staging: service.staging, production: service.production)
            }
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
            return RunningSandbox(endpoints: endpoints, admin: admin, model: model, gateways: gateways,
                                  relay: relay, store: store, file: file)
        } catch {
            await gateways.shutdown()
            for listener in started.reversed() { await listener.stop() }
            await relay.shutdown()
            throw error
        }
    }

    /// An explicit port must be free; without one, the port of the last run is tried
    /// before any free port.
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
        try file?.save(await store.snapshot)
    }
}
