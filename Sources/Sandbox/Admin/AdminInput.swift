import Foundation
import Untrusted

/// The parameters of one admin request: path captures, query string and body, with
/// Rails' parameter wrapping (flat body fields are nested under the controller's key).
struct AdminInput: Sendable {
    var path: [String: String]
    var query: [String: JSONValue]
    var body: [String: JSONValue]
    /// The route's parameter table acts as its permit-list: other fields are ignored, as
    /// porta ignores fields outside a controller's permit-list. This also keeps the table
    /// the spec test checks honest: a handler cannot read what the table does not name.
    var permitted: Set<String>

    /// Query and body merged, body winning (as Rails' `params`).
    var merged: [String: JSONValue] {
        query.merging(body) { _, fromBody in fromBody }
    }

    /// Flat parameters (applications, accounts, users, subscriptions' `plan_id`, …).
    var flat: Params { Params(merged.filter { permitted.contains($0.key) }) }

    /// `params.require(key)` / `params.fetch(key, {})` after `wrap_parameters`:
    /// `key[...]` nested fields, or else the flat body fields.
    func wrapped(_ key: String, required: Bool = true) throws(AdminAPIFailure) -> Params {
        if let nested = merged[key] {
            guard case .object(let object) = nested else { throw .wrongType(key) }
            if object.isEmpty, required { throw .parameterMissing(key) }
            return Params(object.filter { permitted.contains($0.key) })
        }
        let flatBody = body.filter { $0.key != "access_token" }
        if flatBody.isEmpty, required { throw .parameterMissing(key) }
        return Params(flatBody.filter { permitted.contains($0.key) })
    }

    /// A numeric id from the path; anything else cannot match a record.
    func id(_ name: String) throws(AdminAPIFailure) -> Int {
        guard let raw = path[name], let id = Int(raw) else { throw .notFound }
        return id
    }
}

/// Typed reads of one parameter hash. Form values arrive as strings, JSON values as
/// themselves; both are accepted.
struct Params: Sendable {
    var values: [String: JSONValue]

    init(_ values: [String: JSONValue]) { self.values = values }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// A scalar as text; `nil` when absent or JSON null; wrong shapes are a 422.
    func string(_ key: String) throws(AdminAPIFailure) -> String? {
        switch values[key] {
        case .none, .null: return nil
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return value.integerText ?? String(value)
        case .bool(let value): return String(value)
        case .array, .object: throw .invalid(key, "is invalid")
        }
    }

    /// Present and not blank.
    func text(_ key: String) throws(AdminAPIFailure) -> String? {
        guard let value = try string(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    func bool(_ key: String) throws(AdminAPIFailure) -> Bool? {
        switch values[key] {
        case .none, .null: return nil
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .double(let value): return value != 0
        case .string(let value):
            switch value.lowercased() {
            case "true", "1", "t", "yes", "on": return true
            case "false", "0", "f", "no", "off", "": return false
            default: throw .invalid(key, "is invalid")
            }
        default: throw .invalid(key, "is invalid")
        }
    }

    /// A finite number; `nan` and `inf` are not numbers to Rails (and JSON cannot carry them).
    func double(_ key: String) throws(AdminAPIFailure) -> Double? {
        guard let raw = try string(key) else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let value = Double(trimmed), value.isFinite else { throw .invalid(key, "is not a number") }
        return value
    }

    /// An id that must refer to a record: anything but a number cannot be found.
    func reference(_ key: String) throws(AdminAPIFailure) -> Int? {
        guard let raw = try string(key) else { return nil }
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else { throw .notFound }
        return value
    }
}
