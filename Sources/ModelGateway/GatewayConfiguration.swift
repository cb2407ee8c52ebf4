import Logging

/// Where the gateway is and how to talk to it. Built by the shell from a profile.
public struct GatewayConfiguration: Sendable {
    /// How the API key is sent.
    public enum Authentication: Sendable, Equatable {
        /// `Authorization: Bearer KEY`, what MaaS products expect (the lab's curl).
        case bearer
        /// `NAME: KEY`, for products that read the key from another header.
        case header(name: String)
        /// `?NAME=KEY`, for products with `credentials_location = query` (e.g. `user_key`).
        case queryParameter(name: String)
    }

    /// The product's base URL, e.g. `https://model-maas-apicast-production.apps.example.com:443`.
    /// A path prefix (`…/v1` style or a proxy path) is kept and the endpoint paths
    /// are appended to it.
    public var baseURL: String
    /// The application's key; nil sends no credentials.
    public var apiKey: String?
    public var authentication: Authentication
    /// PEM file of extra trusted CA certificates (a cluster's router CA).
    public var caFile: String?
    /// Skips certificate verification. For test clusters only.
    public var insecureTLS: Bool
    /// Limit on establishing a connection.
    public var connectTimeout: Duration
    /// Limit on silence while waiting for bytes: before the first byte of a response
    /// and between two chunks of a stream. There is no limit on a whole stream; the
    /// default matches the MaaS gateways' 180 s upstream read timeout.
    public var readTimeout: Duration
    /// Connections kept open to the gateway at once; requests beyond it wait for a
    /// free one. nil keeps the HTTP client's default (8). A load test sets it to its
    /// concurrency so that waiting for a connection never counts as server latency.
    public var maxConnections: Int?
    /// Where each request is logged at `.info` (`RequestTrace`); nil logs nothing.
    public var logger: Logger?

    public init(
        baseURL: String,
        apiKey: String? = nil,
        authentication: Authentication = .bearer,
        caFile: String? = nil,
        insecureTLS: Bool = false,
        connectTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(180),
        maxConnections: Int? = nil,
        logger: Logger? = nil
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.authentication = authentication
        self.caFile = caFile
        self.insecureTLS = insecureTLS
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxConnections = maxConnections
        self.logger = logger
    }
}
