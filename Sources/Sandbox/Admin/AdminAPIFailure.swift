import Untrusted

/// Every way an admin request can fail, each rendered as 3scale renders it
/// (porta `error_handling.rb`, `application_controller.rb`, `provider_required.rb`).
/// The server's side of a failure; ThreeScaleAdmin's `AdminError` is the client's reading of it.
enum AdminAPIFailure: Error, Sendable {
    /// 403 `{"error":"Access denied"}`: no or unknown token (there is no 401).
    case accessDenied
    /// 403 for a read-only token on a write.
    case insufficientPermissions
    /// 403 with an empty body (e.g. no more products allowed).
    case forbiddenEmpty
    /// 404 `{"status":"Not found"}`.
    case notFound
    /// 400 plain text `Required parameter missing: X`.
    case parameterMissing(String)
    /// 422 JSON string `"Wrong type for parameter: X"`.
    case wrongType(String)
    /// 422 `{"errors":{field:[messages]}}`.
    case invalid([String: [String]])
    /// 403 `{"errors":{...}}`: a delete refused by validation.
    case deleteRefused([String: [String]])
    /// `{"error": message}` with the given status.
    case message(Int, String)
    /// 422 with an arbitrary JSON body (policy chain errors, state transitions).
    case unprocessable(JSONValue)
    /// 406 for a format other than JSON.
    case notAcceptable(String)
    /// 400 for a body that cannot be parsed.
    case malformedBody(String)
    /// 413 for a body over the size limit.
    case bodyTooLarge(Int)

    static func invalid(_ field: String, _ message: String) -> AdminAPIFailure {
        .invalid([field: [message]])
    }

    /// A state-machine event the object's state does not allow, as porta renders it
    /// (`StateMachine::InvalidTransitionRepresenter`): the state, the event, the model's full
    /// error message (the event's name humanised), and the object in its own envelope.
    static func refusedTransition(from state: String, event: String, object: JSONValue) -> AdminAPIFailure {
        let human = event.replacingOccurrences(of: "_", with: " ")
        return .unprocessable(["error": [
            "from": .string(state), "event": .string(event),
            "error": .string("State cannot transition via \"\(human)\""), "object": object,
        ]])
    }

    var response: AdminResponse {
        switch self {
        case .accessDenied: .json(403, ["error": "Access denied"])
        case .insufficientPermissions:
            .json(403, ["error": "Your access token does not have the correct permissions"])
        case .forbiddenEmpty: .empty(403)
        case .notFound: .json(404, ["status": "Not found"])
        case .parameterMissing(let name): .text(400, "Required parameter missing: \(name)")
        case .wrongType(let name): .json(422, .string("Wrong type for parameter: \(name)"))
        case .invalid(let errors): .json(422, ["errors": Self.render(errors)])
        case .deleteRefused(let errors): .json(403, ["errors": Self.render(errors)])
        case .message(let status, let message): .json(status, ["error": .string(message)])
        case .unprocessable(let body): .json(422, body)
        case .notAcceptable(let format):
            .text(406, "The server does not understand \"\(format)\" request.")
        case .malformedBody(let reason): .json(400, ["error": .string("Malformed request body: \(reason)")])
        case .bodyTooLarge(let limit):
            .json(413, ["error": .string("Request body larger than \(limit) bytes")])
        }
    }

    private static func render(_ errors: [String: [String]]) -> JSONValue {
        .object(errors.mapValues { .array($0.map(JSONValue.string)) })
    }
}

/// A response before it becomes a Hummingbird `Response`.
struct AdminResponse: Sendable {
    enum Body: Sendable {
        case json(JSONValue)
        case text(String)
        case empty
    }

    var status: Int
    var body: Body

    static func json(_ status: Int, _ value: JSONValue) -> AdminResponse {
        AdminResponse(status: status, body: .json(value))
    }
    static func ok(_ value: JSONValue) -> AdminResponse { .json(200, value) }
    static func created(_ value: JSONValue) -> AdminResponse { .json(201, value) }
    static func text(_ status: Int, _ text: String) -> AdminResponse {
        AdminResponse(status: status, body: .text(text))
    }
    static func empty(_ status: Int) -> AdminResponse { AdminResponse(status: status, body: .empty) }
    /// DELETE success: 200 with an empty body (`head :ok`).
    static let deleted = AdminResponse.empty(200)
}
