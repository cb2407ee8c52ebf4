/// Where consumers call a product and how they present their key: what a consumer
/// profile needs, read from the product's proxy settings.
public struct ProductGateway: Sendable, Equatable {
    /// The production gateway's public URL; nil until the product is promoted.
    public var production: String?
    /// The staging gateway's public URL.
    public var staging: String?
    public var key: KeyLocation

    /// Where the user key goes in a request.
    public enum KeyLocation: Sendable, Equatable {
        /// In this header (`Authorization` for the MaaS products, with remove-bearer).
        case header(String)
        /// In this query parameter (`user_key` by default).
        case query(String)
        /// As the user name of HTTP Basic authentication.
        case basicAuthorization
    }

    public init(production: String?, staging: String?, key: KeyLocation) {
        self.production = production
        self.staging = staging
        self.key = key
    }

    init(_ proxy: Proxy) {
        let name = proxy.authUserKey ?? "user_key"
        let key: KeyLocation
        switch proxy.credentialsLocation {
        case "headers": key = .header(name)
        case "authorization": key = .basicAuthorization
        default: key = .query(name)
        }
        self.init(production: proxy.endpoint, staging: proxy.sandboxEndpoint, key: key)
    }
}

extension AdminClient {
    public func gateway(ofProduct product: ObjectRef) async throws(AdminError) -> ProductGateway {
        ProductGateway(try await proxy(productID: try await productID(product)))
    }
}
