/// Edits of a product's policy chain, which porta only replaces whole.
extension AdminClient {
    public func policies(ofProduct product: ObjectRef) async throws(AdminError) -> [PolicyConfig] {
        try await policies(productID: try await productID(product))
    }

    /// Inserts a policy at a 1-based position (clamped to the chain), or before
    /// `apicast` when none is given, where the lab's policies stand.
    @discardableResult
    public func addPolicy(_ policy: PolicyConfig, toProduct product: ObjectRef, at position: Int? = nil)
        async throws(AdminError) -> [PolicyConfig]
    {
        let id = try await productID(product)
        var chain = try await policies(productID: id)
        let index = position.map { min(max($0 - 1, 0), chain.count) } ?? chain.firstIndex { $0.name == "apicast" } ?? chain.count
        chain.insert(policy, at: index)
        return try await updatePolicies(productID: id, chain)
    }

    @discardableResult
    public func removePolicy(named name: String, fromProduct product: ObjectRef) async throws(AdminError) -> [PolicyConfig] {
        let id = try await productID(product)
        let chain = try await policies(productID: id)
        guard chain.contains(where: { $0.name == name }) else {
            throw .noMatch(kind: "policy", name: name, owner: "product \(product)", choices: chain.map(\.name))
        }
        return try await updatePolicies(productID: id, chain.filter { $0.name != name })
    }
}
