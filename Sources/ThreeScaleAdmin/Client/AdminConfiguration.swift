import Logging

/// Where the admin portal is and how to authenticate. Built by the shell from a profile.
public struct AdminConfiguration: Sendable {
    /// The tenant's admin portal, e.g. `https://3scale-admin.apps.example.com`.
    public var adminURL: String
    /// A personal access token with the Account Management API scope.
    public var accessToken: String
    /// PEM file of extra trusted CA certificates (a cluster's router CA).
    public var caFile: String?
    /// Skips certificate verification. For test clusters only.
    public var insecureTLS: Bool
    public var connectTimeout: Duration
    public var readTimeout: Duration
    /// Tries per idempotent call (GET/PUT/DELETE) on connection errors, 429 and 5xx.
    public var maxAttempts: Int
    /// First backoff delay; doubled on each retry.
    public var retryDelay: Duration
    /// Where each request is logged at `.info` (`RequestTrace`); nil logs nothing.
    public var logger: Logger?

    public init(
        adminURL: String,
        accessToken: String,
        caFile: String? = nil,
        insecureTLS: Bool = false,
        connectTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(60),
        maxAttempts: Int = 3,
        retryDelay: Duration = .milliseconds(250),
        logger: Logger? = nil
    ) {
        self.adminURL = adminURL
        self.accessToken = accessToken
        self.caFile = caFile
        self.insecureTLS = insecureTLS
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.logger = logger
    }
}
