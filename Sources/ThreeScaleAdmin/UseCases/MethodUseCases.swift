/// A product's methods (its endpoints, counted under `hits`) by name.
extension AdminClient {
    public func addMethod(toProduct product: ObjectRef, _ method: NewMethod) async throws(AdminError) -> Metric {
        let id = try await productID(product)
        return try await createMethod(of: .product(id: id), hitsID: try await hitsID(of: .product(id: id)), method)
    }

    /// Removes a method (porta removes its mapping rules with it); returns it.
    @discardableResult
    public func removeMethod(fromProduct product: ObjectRef, _ method: String) async throws(AdminError) -> Metric {
        let catalog = try await metricCatalog(ofProduct: product)
        let found = try catalog.method(method)
        try await deleteMethod(of: catalog.owner, hitsID: catalog.hitsID, id: found.id)
        return found
    }
}
