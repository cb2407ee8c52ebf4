import Untrusted

/// One named set of connection settings. Every field is optional: a consumer
/// profile has a gateway and key, an admin profile an admin URL and token.
public struct Profile: Encodable, Equatable, Sendable {
    public var gateway: String?
    public var apiKey: String?
    public var model: String?
    public var adminURL: String?
    public var adminToken: String?
    public var caFile: String?
    public var insecure: Bool?
    public var authHeader: String?
    public var authQuery: String?
    /// Seconds to wait for a connection, and for the next bytes of a response.
    public var connectTimeout: Double?
    public var readTimeout: Double?
    /// Set on a profile whose addresses are those of a sandbox (`maas --sandbox`,
    /// `maas sandbox`), so `scripts/shell` starts the sandbox again for it.
    public var sandbox: Bool?
    /// False keeps this profile's prompts out of the prompt log.
    public var log: Bool?
    /// The prompt log's bound in MiB while this profile writes to it (default `defaultLogMaxMB`).
    public var logMaxMB: Int?

    public static let defaultLogMaxMB = 200

    public init(
        gateway: String? = nil, apiKey: String? = nil, model: String? = nil,
        adminURL: String? = nil, adminToken: String? = nil, caFile: String? = nil,
        insecure: Bool? = nil, authHeader: String? = nil, authQuery: String? = nil,
        connectTimeout: Double? = nil, readTimeout: Double? = nil, sandbox: Bool? = nil, log: Bool? = nil, logMaxMB: Int? = nil
    ) {
        self.log = log
        self.logMaxMB = logMaxMB
        self.sandbox = sandbox
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.gateway = gateway
        self.apiKey = apiKey
        self.model = model
        self.adminURL = adminURL
        self.adminToken = adminToken
        self.caFile = caFile
        self.insecure = insecure
        self.authHeader = authHeader
        self.authQuery = authQuery
    }

    enum CodingKeys: String, CodingKey {
        case gateway
        case apiKey = "api-key"
        case model
        case adminURL = "admin-url"
        case adminToken = "admin-token"
        case caFile = "ca-file"
        case insecure
        case authHeader = "auth-header"
        case authQuery = "auth-query"
        case connectTimeout = "connect-timeout"
        case readTimeout = "read-timeout"
        case sandbox
        case log
        case logMaxMB = "log-max-mb"
    }

    /// Whether the sandbox made it (see `sandbox`).
    public var isSandbox: Bool { sandbox == true }

    public var isEmpty: Bool { self == Profile() }

    public subscript(field: ProfileField) -> String? {
        get {
            switch field {
            case .gateway: gateway
            case .apiKey: apiKey
            case .model: model
            case .adminURL: adminURL
            case .adminToken: adminToken
            case .caFile: caFile
            case .insecure: insecure.map { $0 ? "true" : "false" }
            case .authHeader: authHeader
            case .authQuery: authQuery
            case .connectTimeout: connectTimeout.map { String($0) }
            case .readTimeout: readTimeout.map { String($0) }
            case .log: log.map { $0 ? "on" : "off" }
            case .logMaxMB: logMaxMB.map { String($0) }
            }
        }
    }

    /// Sets a field from its textual form, validating it; `nil` clears it.
    public mutating func set(_ field: ProfileField, to text: String?) throws(ProfileError) {
        let value = try text.map { text throws(ProfileError) in try field.validate(text) }
        switch field {
        case .gateway: gateway = value
        case .apiKey: apiKey = value
        case .model: model = value
        case .adminURL: adminURL = value
        case .adminToken: adminToken = value
        case .caFile: caFile = value
        case .insecure: insecure = value.map { $0 == "true" }
        case .authHeader: authHeader = value
        case .authQuery: authQuery = value
        case .connectTimeout: connectTimeout = value.flatMap(Double.init)
        case .readTimeout: readTimeout = value.flatMap(Double.init)
        case .log: log = value.map { $0 == "on" }
        case .logMaxMB: logMaxMB = value.flatMap { Int($0) }
        }
    }
}

/// The settings a profile can hold, by the names users type and the file uses.
public enum ProfileField: String, CaseIterable, Sendable {
    case gateway
    case apiKey = "api-key"
    case model
    case adminURL = "admin-url"
    case adminToken = "admin-token"
    case caFile = "ca-file"
    case insecure
    case authHeader = "auth-header"
    case authQuery = "auth-query"
    case connectTimeout = "connect-timeout"
    case readTimeout = "read-timeout"
    case log
    case logMaxMB = "log-max-mb"

    /// Accepts the file's names plus the short forms people type (`key`, `token`, `url`).
    public init?(userName: String) {
        switch userName.lowercased() {
        case "key": self = .apiKey
        case "token": self = .adminToken
        case "url", "gateway-url": self = .gateway
        default:
            guard let field = ProfileField(rawValue: userName.lowercased()) else { return nil }
            self = field
        }
    }

    public var isSecret: Bool { self == .apiKey || self == .adminToken }

    /// The values a switch takes, for completion; nil for free text.
    public var choices: [String]? {
        switch self {
        case .log: ["on", "off"]
        case .insecure: ["true", "false"]
        default: nil
        }
    }

    /// How a value of this field is shown: secrets masked and URLs without their
    /// user-info (it may hold a password), unless revealed.
    public func display(_ value: String, reveal: Bool) -> String {
        if reveal { return value }
        switch self {
        case .apiKey, .adminToken: return SecretMask.mask(value)
        case .gateway, .adminURL: return URLDisplay.redacted(value)
        default: return value
        }
    }

    /// Names accepted on the command line, for help and completion.
    public static let userNames: [String] = allCases.map(\.rawValue) + ["key", "token"]

    /// Returns the canonical stored text, or throws a message naming the field.
    func validate(_ text: String) throws(ProfileError) -> String {
        switch self {
        case .gateway, .adminURL:
            return try URLValidation.validate(text, field: rawValue)
        case .insecure:
            switch text.lowercased() {
            case "true", "yes", "on", "1": return "true"
            case "false", "no", "off", "0": return "false"
            default: throw .invalidValue(field: rawValue, value: text, reason: "expected true or false")
            }
        case .connectTimeout, .readTimeout:
            guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
                throw .invalidValue(field: rawValue, value: text, reason: "expected seconds, more than 0")
            }
            return String(seconds)
        case .log:
            switch text.lowercased() {
            case "on", "true", "yes", "1": return "on"
            case "off", "false", "no", "0": return "off"
            default: throw .invalidValue(field: rawValue, value: text, reason: "expected on or off")
            }
        case .logMaxMB:
            guard let megabytes = Int(text), (1...1_000_000).contains(megabytes) else {
                throw .invalidValue(field: rawValue, value: text, reason: "expected a whole number of MiB, 1 or more")
            }
            return String(megabytes)
        case .apiKey, .adminToken, .model, .caFile, .authHeader, .authQuery:
            if text.isEmpty { throw .invalidValue(field: rawValue, value: text, reason: "it is empty") }
            if text.contains(where: { $0.isNewline }) {
                throw .invalidValue(field: rawValue, value: isSecret ? SecretMask.mask(text) : text, reason: "it contains a line break")
            }
            return text
        }
    }
}
