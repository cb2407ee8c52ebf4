import Untrusted

extension OpenAPIDocumentCheck {
    /// The document as OpenAPIKit is asked to read it: what the labs' published documents
    /// do, which 3scale's portal shows but OpenAPIKit refuses, is smoothed over here (the
    /// uploaded text is never changed).
    /// - An `info` without `version` (required by the specification; none of the labs' documents has one).
    /// - An integer schema bounded beyond Int64, written as a float (`maximum: 9.223372036854776e+18`
    ///   for an int64 seed): valid JSON Schema, but OpenAPIKit wants an Int; it is clamped.
    /// - In an OpenAPI 3.0 document, 3.1's `type: "null"` (FastAPI writes it for optional fields,
    ///   in most of the labs' documents): read as 3.0's `nullable: true`.
    static func tolerated(_ document: JSONValue, openAPI30: Bool) -> JSONValue {
        guard case .object(var top) = smoothingSchemas(document, openAPI30: openAPI30) else { return document }
        if case .object(var info)? = top["info"], info["version"] == nil {
            info["version"] = .string("")
            top["info"] = .object(info)
        }
        return .object(top)
    }

    private static func smoothingSchemas(_ value: JSONValue, openAPI30: Bool) -> JSONValue {
        switch value {
        case .object(var object):
            for (key, child) in object { object[key] = smoothingSchemas(child, openAPI30: openAPI30) }
            if openAPI30, object["type"] == .string("null") {
                object["type"] = nil
                object["nullable"] = .bool(true)
            }
            if isIntegerSchema(object) {
                for bound in ["maximum", "minimum"] {
                    if case .double(let number)? = object[bound], Int(exactly: number) == nil, abs(number) >= 0x1p63 {
                        object[bound] = .int(number > 0 ? .max : .min)
                    }
                }
            }
            return .object(object)
        case .array(let items):
            return .array(items.map { smoothingSchemas($0, openAPI30: openAPI30) })
        default:
            return value
        }
    }

    /// `type: integer`, or (3.1) a list of types holding it.
    private static func isIntegerSchema(_ object: [String: JSONValue]) -> Bool {
        switch object["type"] {
        case .string("integer")?: return true
        case .array(let types)?: return types.contains(.string("integer"))
        default: return false
        }
    }
}
