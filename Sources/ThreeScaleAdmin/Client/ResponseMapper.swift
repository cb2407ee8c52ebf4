#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// Turns a non-2xx answer of the admin API into an `AdminError`, from the status and
/// the error bodies porta sends (`{"error": …}`, `{"errors": {field: [msg]}}`,
/// `{"status": "Not found"}`, plain text for 400, empty bodies).
enum ResponseMapper {
    static func error(status: Int, body: [UInt8], operation: String, what: String, url: String) -> AdminError {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let json = JSONValue.parse(text)
        switch status {
        case 400:
            let prefix = "Required parameter missing: "
            if text.hasPrefix(prefix) {
                return .missingParameter(operation: operation, parameter: String(text.dropFirst(prefix.count)))
            }
            if let message = json?["error"]?.stringValue {
                return .unexpectedStatus(operation: operation, status: status, body: message)
            }
            return .unexpectedStatus(operation: operation, status: status, body: firstLine(text))
        case 403:
            if let message = json?["error"]?.stringValue {
                if message == "Access denied" { return .accessDenied(url: url) }
                return .insufficientPermissions(operation: operation, message: message)
            }
            let reasons = fieldErrors(json).map(\.message)
            if !reasons.isEmpty { return .forbidden(operation: operation, reasons: reasons) }
            if let status = json?["status"]?.stringValue { return .forbidden(operation: operation, reasons: [status]) }
            return .forbidden(operation: operation, reasons: isHTML(text) ? [] : (text.isEmpty ? [] : [firstLine(text)]))
        case 404:
            return .notFound(what: what)
        case 409:
            return .conflict(operation: operation)
        case 422:
            let errors = fieldErrors(json)
            if !errors.isEmpty { return .validationFailed(operation: operation, errors: errors) }
            if let message = json?["error"]?.stringValue {
                return .validationFailed(operation: operation, errors: [.init(field: "base", message: message)])
            }
            if let transition = json?["error"]?.objectValue {
                // A refused state-machine event: {"error": {"from", "event", "error", …}}, the
                // error a full message ("State cannot transition via \"mark as deleted\"").
                var message = transition["error"]?.stringValue ?? "the state change is not allowed"
                // Only a product's deletion is guarded so (porta `service.rb`, `default_or_last?`).
                if transition["event"]?.stringValue == "mark_as_deleted" {
                    message += " (3scale keeps a tenant's last product: create another one first)"
                }
                return .validationFailed(operation: operation, errors: [.init(field: "base", message: message)])
            }
            if let message = json?.stringValue {
                return .validationFailed(operation: operation, errors: [.init(field: "base", message: message)])
            }
            return .unexpectedStatus(operation: operation, status: status, body: firstLine(text))
        default:
            if isHTML(text) {
                return .unexpectedStatus(operation: operation, status: status, body: "an HTML page")
            }
            if let message = json?["error"]?.stringValue {
                return .unexpectedStatus(operation: operation, status: status, body: message)
            }
            return .unexpectedStatus(operation: operation, status: status, body: firstLine(text))
        }
    }

    /// `{"errors": {"system_name": ["has already been taken"]}}` in field order.
    static func fieldErrors(_ json: JSONValue?) -> [AdminError.FieldError] {
        guard let errors = json?["errors"]?.objectValue else { return [] }
        var result: [AdminError.FieldError] = []
        for field in errors.keys.sorted() {
            switch errors[field] {
            case .array(let messages)?:
                for message in messages {
                    result.append(.init(field: field, message: message.stringValue ?? message.jsonText))
                }
            case .string(let message)?:
                result.append(.init(field: field, message: message))
            case let other?:
                result.append(.init(field: field, message: other.jsonText))
            case nil:
                break
            }
        }
        return result
    }

    static func isHTML(_ text: String) -> Bool {
        let head = text.prefix(200).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.contains("<html")
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// Why a 2xx body could not be used.
    static func bodyProblem(_ body: [UInt8]) -> String {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "an empty body" }
        if isHTML(text) { return "an HTML page instead of JSON" }
        return "an unexpected body (\(firstLine(text)))"
    }
}
