import Foundation

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
    private var pairs: [Int: Pair] = [:]
    private var reserved: [ObjectIdentifier: Pair] = [:]

    init(host: String, portRange: ClosedRange<Int>?, keepAlive: Duration, store: AdminStore, relay: UpstreamRelay) {
        self.host = host
        self.portRange = portRange
        self.keepAlive = keepAlive
        self.store = store
        self.relay = relay
    }

    /// Binds a new pair (free ports, or the next free ones in the configured range)
    /// that serves nothing until `assign`.
    func reserve() async throws(SandboxError) -> Pair {
        let binding = ListenerBinding()
        let pair: Pair
        if let portRange {
            var listeners: [Listener] = []
            let used = Set(pairs.values.flatMap { [$0.staging.port, $0.production.port] }
                + reserved.values.flatMap { [$0.staging.port, $0.production.port] })
            for port in portRange where !used.contains(port) && listeners.count < 2 {
                let environment = listeners.isEmpty ? "sandbox" : "production"
                if let listener = try? await listen(port: port, environment: environment, binding: binding) {
                    listeners.append(listener)
                }
            }
            guard listeners.count == 2 else {
                for listener in listeners { await listener.stop() }
                throw .portUnavailable(role: "product gateway", host: host, port: portRange.lowerBound,
                                       reason: "no two free ports left in \(portRange.lowerBound)-\(portRange.upperBound)")
            }
            pair = Pair(staging: listeners[0], production: listeners[1], binding: binding)
        } else {
            let staging = try await listen(port: 0, environment: "sandbox", binding: binding)
            do throws(SandboxError) {
                let production = try await listen(port: 0, environment: "production", binding: binding)
                pair = Pair(staging: staging, production: production, binding: binding)
            } catch {
                await staging.stop()
                throw error
            }
        }
        reserved[ObjectIdentifier(pair.binding)] = pair
        return pair
    }

    func assign(_ pair: Pair, to serviceID: Int) async {
        reserved[ObjectIdentifier(pair.binding)] = nil
        await pair.binding.bind(serviceID)
        pairs[serviceID] = pair
    }

    func release(_ pair: Pair) async {
        guard reserved.removeValue(forKey: ObjectIdentifier(pair.binding)) != nil else { return }
        await Self.stop([pair])
    }

    /// Reopens a stored product's listeners on the ports of its stored URLs.
    func restore(serviceID: Int, staging: String, production: String) async throws(SandboxError) {
        let binding = ListenerBinding()
        await binding.bind(serviceID)
        let stagingListener = try await listen(port: Self.port(of: staging), environment: "sandbox", binding: binding)
        do throws(SandboxError) {
            let productionListener = try await listen(port: Self.port(of: production), environment: "production", binding: binding)
            pairs[serviceID] = Pair(staging: stagingListener, production: productionListener, binding: binding)
        } catch {
            await stagingListener.stop()
            throw error
        }
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

    private func listen(port: Int, environment: String, binding: ListenerBinding) async throws(SandboxError) -> Listener {
        let responder = GatewayResponder(environment: environment, binding: binding, store: store, relay: relay)
        let role = environment == "sandbox" ? "staging gateway" : "production gateway"
        return try await Listener.start(host: host, port: port, responder: responder, role: role, idleTimeout: keepAlive)
    }

    private static func port(of url: String) -> Int {
        URLComponents(string: url)?.port ?? 0
    }
}
