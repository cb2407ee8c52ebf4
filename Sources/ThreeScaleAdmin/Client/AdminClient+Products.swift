#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// Products (`/admin/api/services`), their backend usages, proxy, policy chain and
/// proxy-config versions.
extension AdminClient {
    public func listProducts() async throws(AdminError) -> [Service] {
        let products: [Service] = try await list(
            Call(method: .GET, path: "/admin/api/services.json", operation: "Listing products", what: "The product list"),
            key: "service", plural: "services", paginated: true)
        await names.store(products.map { ($0.systemName, $0.id) }, in: "product")
        return products
    }

    public func productID(_ ref: ObjectRef) async throws(AdminError) -> Int {
        try await resolve(ref, kind: "product", scope: "product") { () async throws in
            try await self.listProducts().map { ($0.systemName, $0.id) }
        }
    }

    public func product(_ ref: ObjectRef) async throws(AdminError) -> Service {
        let id = try await productID(ref)
        return try await object(
            Call(method: .GET, path: "/admin/api/services/\(id).json", operation: "Reading product \(ref)",
                what: "Product \(ref)"), key: "service")
    }

    public func createProduct(_ product: NewProduct) async throws(AdminError) -> Service {
        try await createProduct(form: product.form)
    }

    /// The form-based write under `createProduct`, for the reconciler's planned fields.
    func createProduct(form fields: FormBody) async throws(AdminError) -> Service {
        let systemName = fields.value("system_name")
        let lookup: (() async throws -> Service?)? = systemName.map { name in
            { () async throws -> Service? in try await self.listProducts().first { $0.systemName == name } }
        }
        let created: Service = try await create({ () async throws -> Service in
            try await self.object(
                Call(method: .POST, path: "/admin/api/services.json", form: fields,
                    operation: "Creating product \(systemName ?? "")", what: "The product list"), key: "service")
        }, lookup: lookup)
        await names.remember(created.systemName, id: created.id, in: "product")
        return created
    }

    public func updateProduct(id: Int, _ changes: ProductChanges) async throws(AdminError) -> Service {
        try await updateProduct(id: id, form: changes.form)
    }

    func updateProduct(id: Int, form fields: FormBody) async throws(AdminError) -> Service {
        try await object(
            Call(method: .PUT, path: "/admin/api/services/\(id).json", form: fields, operation: "Updating product #\(id)",
                what: "Product #\(id)"), key: "service")
    }

    public func deleteProduct(id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/services/\(id).json", operation: "Deleting product #\(id)",
                what: "Product #\(id)"))
        await names.forget(scope: "product")
    }

    // MARK: Backend usages

    public func backendUsages(productID: Int) async throws(AdminError) -> [BackendUsage] {
        try await list(
            Call(method: .GET, path: "/admin/api/services/\(productID)/backend_usages.json",
                operation: "Listing backend usages of product #\(productID)", what: "Product #\(productID)"),
            key: "backend_usage", plural: "backend_usages", paginated: true)
    }

    public func createBackendUsage(productID: Int, backendID: Int, path: String) async throws(AdminError) -> BackendUsage {
        try await create({ () async throws -> BackendUsage in
            try await self.object(
                Call(method: .POST, path: "/admin/api/services/\(productID)/backend_usages.json",
                    form: ["backend_api_id": String(backendID), "path": path],
                    operation: "Adding backend #\(backendID) to product #\(productID)",
                    what: "Product #\(productID) or backend #\(backendID)"), key: "backend_usage")
        }, lookup: { () async throws -> BackendUsage? in
            try await self.backendUsages(productID: productID).first { $0.backendID == backendID }
        })
    }

    public func updateBackendUsage(productID: Int, id: Int, path: String) async throws(AdminError) -> BackendUsage {
        try await object(
            Call(method: .PUT, path: "/admin/api/services/\(productID)/backend_usages/\(id).json", form: ["path": path],
                operation: "Updating backend usage #\(id) of product #\(productID)",
                what: "Backend usage #\(id) of product #\(productID)"), key: "backend_usage")
    }

    public func deleteBackendUsage(productID: Int, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/services/\(productID)/backend_usages/\(id).json",
                operation: "Removing backend usage #\(id) from product #\(productID)",
                what: "Backend usage #\(id) of product #\(productID)"))
    }

    // MARK: Proxy and policies

    public func proxy(productID: Int) async throws(AdminError) -> Proxy {
        try await object(
            Call(method: .GET, path: "/admin/api/services/\(productID)/proxy.json",
                operation: "Reading the proxy of product #\(productID)", what: "Product #\(productID)"), key: "proxy")
    }

    /// porta deploys to staging after a successful update.
    public func updateProxy(productID: Int, _ changes: ProxyChanges) async throws(AdminError) -> Proxy {
        try await updateProxy(productID: productID, form: changes.form)
    }

    func updateProxy(productID: Int, form fields: FormBody) async throws(AdminError) -> Proxy {
        try await object(
            Call(method: .PUT, path: "/admin/api/services/\(productID)/proxy.json", form: fields,
                operation: "Updating the proxy of product #\(productID)", what: "Product #\(productID)"), key: "proxy")
    }

    public func policies(productID: Int) async throws(AdminError) -> [PolicyConfig] {
        let call = Call(
            method: .GET, path: "/admin/api/services/\(productID)/proxy/policies.json",
            operation: "Reading the policy chain of product #\(productID)", what: "Product #\(productID)")
        return try await policyChain(call)
    }

    /// Replaces the whole chain; `policies_config` goes as a JSON string in a form body.
    public func updatePolicies(productID: Int, _ policies: [PolicyConfig]) async throws(AdminError) -> [PolicyConfig] {
        let chain = JSONValue.array(policies.map(\.jsonValue)).jsonText
        let call = Call(
            method: .PUT, path: "/admin/api/services/\(productID)/proxy/policies.json",
            form: ["policies_config": chain],
            operation: "Updating the policy chain of product #\(productID)", what: "Product #\(productID)")
        return try await policyChain(call)
    }

    /// The chain answer is `{"policies_config": [...]}` with unwrapped items.
    private func policyChain(_ call: Call) async throws(AdminError) -> [PolicyConfig] {
        struct Chain: Decodable {
            var policiesConfig: [PolicyConfig]
            enum CodingKeys: String, CodingKey { case policiesConfig = "policies_config" }
        }
        let body = try await send(call)
        do {
            return try Envelope.decode(Chain.self, from: body).policiesConfig
        } catch {
            throw Envelope.failure(error, operation: call.operation, body: body)
        }
    }

    // MARK: Deploy and promote

    /// Writes a new staging (sandbox) config version if the product changed.
    public func deployProxy(productID: Int) async throws(AdminError) -> Proxy {
        try await object(
            Call(method: .POST, path: "/admin/api/services/\(productID)/proxy/deploy.json",
                operation: "Deploying product #\(productID) to staging", what: "Product #\(productID)"), key: "proxy")
    }

    public func proxyConfigs(productID: Int, environment: ProxyEnvironment) async throws(AdminError) -> [ProxyConfig] {
        try await list(
            Call(method: .GET, path: "/admin/api/services/\(productID)/proxy/configs/\(environment.rawValue).json",
                operation: "Listing \(environment.rawValue) configs of product #\(productID)", what: "Product #\(productID)"),
            key: "proxy_config", plural: "proxy_configs", paginated: false)
    }

    /// The newest config of an environment, or nil when there is none (porta's 404).
    public func latestProxyConfig(productID: Int, environment: ProxyEnvironment) async throws(AdminError) -> ProxyConfig? {
        do {
            return try await object(
                Call(method: .GET,
                    path: "/admin/api/services/\(productID)/proxy/configs/\(environment.rawValue)/latest.json",
                    operation: "Reading the latest \(environment.rawValue) config of product #\(productID)",
                    what: "The latest \(environment.rawValue) config of product #\(productID)"), key: "proxy_config")
        } catch .notFound {
            return nil
        }
    }

    /// Copies a config version to another environment (normally staging → production).
    public func promoteProxyConfig(
        productID: Int, version: Int, from: ProxyEnvironment = .sandbox, to: ProxyEnvironment = .production
    ) async throws(AdminError) -> ProxyConfig {
        try await object(
            Call(method: .POST,
                path: "/admin/api/services/\(productID)/proxy/configs/\(from.rawValue)/\(version)/promote.json",
                form: ["to": to.rawValue],
                operation: "Promoting config version \(version) of product #\(productID) to \(to.rawValue)",
                what: "Config version \(version) of product #\(productID)"), key: "proxy_config")
    }
}

extension PolicyConfig {
    /// The element porta expects; `enabled` is always sent so the policy is applied.
    var jsonValue: JSONValue {
        .object([
            "name": .string(name), "version": .string(version), "configuration": configuration,
            "enabled": .bool(enabled ?? true),
        ])
    }
}
