import Foundation
import Logging

/// Opens and closes the two gateway listeners (staging, production) of each product.
actor GatewayManager {
    struct Pair: Sendable {
        let staging: Listener
        let production: Listener
        let binding: ListenerBinding
    }

    private let host: String
    private let portRange: ClosedRange<Int>?
    private let keepAlive: Duration
    private let store: AdminStore
    private let relay: UpstreamRelay
    /// `maas sandbox -v`: each gateway's requests and decisions; nil logs nothing.
    private let logger: Logger?
    private var pairs: [Int: Pair] = [:]
    private var reserved: [ObjectIdentifier: Pair] = [:]

    init(host: String, portRange: ClosedRange<Int>?, keepAlive: Duration, store: AdminStore, relay: UpstreamRelay,
         logger: Logger? = nil) {
        self.host = host
        self.portRange = portRange
        self.keepAlive = keepAlive
        self.store = store
        self.relay = relay
        self.logger = logger
    }

    /// Binds a new pair (free ports, or the next free ones in the configured range)
    /// that serves nothing until `assign`.
    func reserve() async throws(SandboxError) -> Pair {
        let binding = ListenerBinding()
        let staging = try await listenOnFreePort(environment: "sandbox", binding: binding)
        let pair: Pair
        do throws(SandboxError) {
            let production = try await listenOnFreePort(environment: "production", binding: binding, excluding: [staging.port])
            pair = Pair(staging: staging, production: production, binding: binding)
        } catch {
            await staging.stop()
            throw error
        }
        reserved[ObjectIdentifier(pair.binding)] = pair
        return pair
    }

    func assign(_ pair: Pair, to serviceID: Int) async {
        reserved[ObjectIdentifier(pair.binding)] = nil
        pair.binding.bind(serviceID)
        pairs[serviceID] = pair
    }

    func release(_ pair: Pair) async {
        guard reserved.removeValue(forKey: ObjectIdentifier(pair.binding)) != nil else { return }
        await Self.stop([pair])
    }

    /// Reopens a stored product's listeners on the ports of its stored URLs; a port
    /// taken since (or none stored) gives way to a free one. Returns the ports bound.
    func restore(serviceID: Int, stagingPort: Int?, productionPort: Int?) async throws(SandboxError) -> (staging: Int, production: Int) {
        let binding = ListenerBinding()
        binding.bind(serviceID)
        let staging = try await listen(preferring: stagingPort, environment: "sandbox", binding: binding)
        do throws(SandboxError) {
            let production = try await listen(preferring: productionPort, environment: "production", binding: binding, excluding: [staging.port])
            pairs[serviceID] = Pair(staging: staging, production: production, binding: binding)
            return (staging.port, production.port)
        } catch {
            await staging.stop()
            throw error
        }
    }

    /// The addresses of every open gateway, `http://HOST:PORT`.
    var origins: [String] {
        (Array(pairs.values) + Array(reserved.values)).flatMap { [$0.staging.url, $0.production.url] }
    }

    /// A tenant that never had a product gets porta's first one, on a new pair of listeners.
    func createDefaultProduct() async throws(SandboxError) {
        guard await store.needsDefaultProduct else { return }
        let pair = try await reserve()
        do throws(SandboxError) {
            let id = try await store.createDefaultProduct(staging: pair.staging.url, production: pair.production.url)
            await assign(pair, to: id)
        } catch {
            await release(pair)
            throw error
        }
    }

    func close(serviceID: Int) async {
        guard let pair = pairs.removeValue(forKey: serviceID) else { return }
        await Self.stop([pair])
    }

    /// Stops every gateway at once, so shutting down takes one listener's bounded stop.
    func shutdown() async {
        let open = Array(pairs.values) + Array(reserved.values)
        pairs = [:]
        reserved = [:]
        await Self.stop(open)
    }

    private static func stop(_ pairs: [Pair]) async {
        await withTaskGroup(of: Void.self) { group in
            for listener in pairs.flatMap({ [$0.staging, $0.production] }) {
                group.addTask { await listener.stop() }
            }
        }
    }

    private func listen(
        preferring port: Int?, environment: String, binding: ListenerBinding, excluding: Set<Int> = []
    ) async throws(SandboxError) -> Listener {
        if let port, port > 0, !excluding.contains(port),
           let listener = try? await listen(port: port, environment: environment, binding: binding) {
            return listener
        }
        return try await listenOnFreePort(environment: environment, binding: binding, excluding: excluding)
    }

    /// The next free port of the configured range (skipping those this manager holds), else any free port.
    private func listenOnFreePort(
        environment: String, binding: ListenerBinding, excluding: Set<Int> = []
    ) async throws(SandboxError) -> Listener {
        guard let portRange else { return try await listen(port: 0, environment: environment, binding: binding) }
        let used = excluding.union((Array(pairs.values) + Array(reserved.values)).flatMap { [$0.staging.port, $0.production.port] })
        for port in portRange where !used.contains(port) {
            if let listener = try? await listen(port: port, environment: environment, binding: binding) {
                return listener
            }
        }
        throw .portUnavailable(role: environment == "sandbox" ? "staging gateway" : "production gateway", host: host,
                               port: portRange.lowerBound,
                               reason: "no free port left in \(portRange.lowerBound)-\(portRange.upperBound)")
    }

    private func listen(port: Int, environment: String, binding: ListenerBinding) async throws(SandboxError) -> Listener {
        let role = environment == "sandbox" ? "staging gateway" : "production gateway"
        let logger = logger?.tagged(role)
        let responder = GatewayResponder(environment: environment, binding: binding, store: store, relay: relay, logger: logger)
        guard let logger else {
            return try await Listener.start(host: host, port: port, responder: responder, role: role, idleTimeout: keepAlive)
        }
        let store = store
        let logged = LoggingResponder(inner: responder, logger: logger, showsRequestBody: false) { await store.logMasker }
        return try await Listener.start(host: host, port: port, responder: logged, role: role, idleTimeout: keepAlive)
    }
}
