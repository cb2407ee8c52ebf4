import Synchronization

/// The gateway configs in force, one per product and environment, replaced as a whole
/// whenever the admin state changes. Gateways read it on every request without a hop
/// to the store's actor; admin writes are rare, so rebuilding it on each is cheap.
final class DeployedConfigs: Sendable {
    private struct Key: Hashable {
        var serviceID: Int
        var environment: String
    }

    private let configs = Mutex<[Key: GatewayConfig]>([:])

    /// Staging serves the latest sandbox config, production the latest promoted one.
    func config(serviceID: Int, environment: String) -> GatewayConfig? {
        configs.withLock { $0[Key(serviceID: serviceID, environment: environment)] }
    }

    func publish(_ proxyConfigs: [ProxyConfig]) {
        var latest: [Key: ProxyConfig] = [:]
        for config in proxyConfigs {
            let key = Key(serviceID: config.serviceID, environment: config.environment)
            if let known = latest[key], known.version >= config.version { continue }
            latest[key] = config
        }
        let snapshot = latest.mapValues(\.gateway)
        configs.withLock { $0 = snapshot }
    }
}
