import Untrusted

/// What a promotion did.
public struct Promotion: Sendable, Equatable {
    public var stagingVersion: Int
    /// The production version afterwards.
    public var productionVersion: Int?
    public var productionEndpoint: String?
    /// False when production already had the staging configuration.
    public var promoted: Bool
}

extension AdminClient {
    /// Deploys a product's configuration to staging, then promotes it to production
    /// unless production already has the same content.
    public func promote(product ref: ObjectRef) async throws(AdminError) -> Promotion {
        let id = try await productID(ref)
        _ = try await deployProxy(productID: id)
        let latest = try await latestConfigs(productID: id)
        guard let staging = latest.staging else {
            throw .notFound(what: "A staging configuration of product \(ref) after deploying it")
        }
        let production = latest.production
        let changed = production.map { !Self.sameContent(staging, $0) } ?? true
        if changed { _ = try await promoteProxyConfig(productID: id, version: staging.version) }
        async let endpointTask = await Result.capture { () async throws in try await self.proxy(productID: id).endpoint }
        async let currentTask = await Result.capture { () async throws in
            changed ? try await self.latestProxyConfig(productID: id, environment: .production) : production
        }
        let endpoint = try await endpointTask.get()
        let current = try await currentTask.get()
        return Promotion(
            stagingVersion: staging.version, productionVersion: current?.version, productionEndpoint: endpoint, promoted: changed)
    }

    /// The latest staging and production configs of a product, read together (nil: none yet).
    func latestConfigs(productID id: Int) async throws(AdminError) -> (staging: ProxyConfig?, production: ProxyConfig?) {
        async let stagingTask = await Result.capture { try await self.latestProxyConfig(productID: id, environment: .sandbox) }
        async let productionTask = await Result.capture { try await self.latestProxyConfig(productID: id, environment: .production) }
        return (try await stagingTask.get(), try await productionTask.get())
    }

    /// Deploying an unchanged product makes a new staging version with the same content.
    static func sameContent(_ a: ProxyConfig, _ b: ProxyConfig) -> Bool {
        guard let left = a.content, let right = b.content else { return false }
        return withoutVersionStamps(left) == withoutVersionStamps(right)
    }

    private static func withoutVersionStamps(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .object(fields):
            var kept = fields
            for key in ["version", "created_at", "updated_at", "lock_version"] { kept[key] = nil }
            return .object(kept.mapValues(withoutVersionStamps))
        case let .array(items):
            return .array(items.map(withoutVersionStamps))
        default:
            return value
        }
    }
}
