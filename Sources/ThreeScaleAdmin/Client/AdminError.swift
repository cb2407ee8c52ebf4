/// Everything the admin client throws. Each case reads as one actionable sentence.
public enum AdminError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One field of a 422 answer: `system_name` → `has already been taken`.
    public struct FieldError: Sendable, Equatable, Codable {
        public var field: String
        public var message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    case invalidURL(String, reason: String)
    case invalidCAFile(path: String, reason: String)
    /// 403 `{"error":"Access denied"}`: no token, a wrong one, or one without the
    /// account_management scope.
    case accessDenied(url: String)
    /// 403 `{"error":"Your access token does not have the correct permissions"}`:
    /// typically a read-only token used for a write.
    case insufficientPermissions(operation: String, message: String)
    /// 403 for any other reason: a refused delete (`errors.base`), a member user
    /// lacking a permission, a suspended provider account (empty body).
    case forbidden(operation: String, reasons: [String])
    /// 404: names the object that was asked for.
    case notFound(what: String)
    /// 422: each field and its message.
    case validationFailed(operation: String, errors: [FieldError])
    /// 400 `Required parameter missing: NAME`.
    case missingParameter(operation: String, parameter: String)
    /// 409: a duplicate row (for example a second signup of the same user).
    case conflict(operation: String)
    /// Any other status, with the first line of the body.
    case unexpectedStatus(operation: String, status: Int, body: String)
    /// A 3xx answer, not followed: the request carries the access token, which must not
    /// travel to wherever the server points. `location` is absolute and without user-info.
    case redirected(operation: String, status: Int, reason: String, location: String?)
    /// A 2xx whose body is not the JSON expected (an HTML page, an empty body, …).
    case unexpectedBody(operation: String, reason: String)
    /// A 2xx answer refused before decoding, e.g. JSON nested deeper than the client reads.
    case refusedAnswer(operation: String, reason: String)
    case connectionFailed(url: String, reason: String)
    case hostNotFound(host: String, url: String)
    case tlsFailure(url: String, reason: String)
    case timedOut(url: String)
    case cancelled
    /// A name that no listed object has.
    case unknownName(kind: String, name: String)
    /// A name or id that nothing of `owner` answers to; `choices` are the names it has.
    case noMatch(kind: String, name: String, owner: String, choices: [String])
    /// A name that several objects share; `ids` tell them apart.
    case ambiguous(kind: String, name: String, ids: [Int])
    /// None was named, and `owner` has no single obvious one among `choices`.
    case noDefault(kind: String, owner: String, choices: [String])
    case notSubscribed(account: String, product: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "The admin URL \(url) is not usable: \(reason)."
        case .invalidCAFile(let path, let reason):
            return "The CA file \(path) is not usable: \(reason)."
        case .accessDenied(let url):
            return "Access denied by \(url): the access token is wrong or lacks the Account Management API scope. "
                + "Create a token with that scope (read & write) in the admin portal and run `admin login` again."
        case .insufficientPermissions(let operation, let message):
            return "\(operation) was refused: \(message). The token is probably read-only; use a read & write token."
        case .forbidden(let operation, let reasons):
            if reasons.isEmpty {
                return "\(operation) was refused (403): the user or provider account is not allowed to do this."
            }
            return "\(operation) was refused: \(reasons.joined(separator: "; "))."
        case .notFound(let what):
            return "\(what) was not found (404). Check the name or id with the matching `list` verb."
        case .validationFailed(let operation, let errors):
            let fields = errors.map { $0.field == "base" ? $0.message : "\($0.field) \($0.message)" }
            return "\(operation) was rejected: \(fields.joined(separator: "; "))."
        case .missingParameter(let operation, let parameter):
            return "\(operation) was rejected: required parameter \(parameter) is missing."
        case .conflict(let operation):
            return "\(operation) was rejected: the object already exists (409)."
        case .unexpectedStatus(let operation, let status, let body):
            return "\(operation) failed with HTTP \(status)\(body.isEmpty ? "" : ": \(body)")."
        case .redirected(let operation, let status, let reason, let location):
            let target = location.map { "to \($0)" } ?? "without a Location"
            return "\(operation) was redirected: the admin portal answered \(status) \(reason) \(target); maas does not "
                + "follow redirects with credentials. If you trust that server, use it as the admin URL (admin login --url URL)."
        case .unexpectedBody(let operation, let reason):
            return "\(operation) returned \(reason); is the admin URL the 3scale admin portal (https://TENANT-admin.DOMAIN)?"
        case .refusedAnswer(let operation, let reason):
            return "\(operation) failed: \(reason)."
        case .connectionFailed(let url, let reason):
            return "Cannot connect to \(url): \(reason). Check the admin URL and that the portal is up."
        case .hostNotFound(let host, let url):
            return "The host \(host) of \(url) is unknown (DNS). Check the admin URL."
        case .tlsFailure(let url, let reason):
            return "TLS failed with \(url): \(reason). Pass the cluster's CA file, or --insecure for a test cluster."
        case .timedOut(let url):
            return "\(url) did not answer in time."
        case .cancelled:
            return "Cancelled."
        case .unknownName(let kind, let name):
            return "There is no \(kind) named \(name). List them with `\(kind) list`."
        case .noMatch(let kind, let name, let owner, let choices):
            return "\(owner.capitalizedFirst) has no \(kind) \(name); \(Self.listing(choices))."
        case .ambiguous(let kind, let name, let ids):
            return "More than one \(kind) is named \(name) (ids \(ids.map(String.init).joined(separator: ", "))); use an id."
        case .noDefault(let kind, let owner, let choices):
            return "\(owner.capitalizedFirst) has no single \(kind) to choose by default; \(Self.listing(choices)). Name one."
        case .notSubscribed(let account, let product):
            return "Account \(account) is not subscribed to product \(product)."
        }
    }

    /// "it has: a, b, c" with at most 20 names, or "it has none".
    private static func listing(_ choices: [String]) -> String {
        guard !choices.isEmpty else { return "it has none" }
        let shown = choices.prefix(20).joined(separator: ", ")
        return "it has: " + shown + (choices.count > 20 ? ", … (\(choices.count) in all)" : "")
    }

    /// Closures cannot declare typed throws everywhere yet (the compiler crashes on
    /// some), so errors crossing them are narrowed back here.
    init(_ error: any Error) {
        if let error = error as? AdminError {
            self = error
        } else if error is CancellationError {
            self = .cancelled
        } else {
            self = .connectionFailed(url: "the admin portal", reason: "\(error)")
        }
    }

    /// Whether a retry of an idempotent call may succeed.
    var isTransient: Bool {
        switch self {
        case .connectionFailed, .timedOut: return true
        case .unexpectedStatus(_, let status, _): return status == 429 || status >= 500
        default: return false
        }
    }
}
