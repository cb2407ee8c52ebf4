/// Typed access to the members of a JSON request body. Each accessor throws a
/// pydantic-style validation error naming the field, as vLLM does for wrong types.
struct RequestFields {
    let members: JSON

    init(_ body: JSON) throws(APIError) {
        guard case .object = body else {
            throw APIError.validation(
                type: "model_attributes_type",
                location: "body",
                message: "Input should be a valid dictionary or object to extract fields from",
                input: body.validationInput
            )
        }
        self.members = body
    }

    /// A member that is absent or `null` counts as not given, like pydantic's Optional.
    private func value(_ key: String) -> JSON? {
        guard let value = members[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func string(_ key: String) throws(APIError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let string) = value else {
            throw mismatch(key, value, type: "string_type", message: "Input should be a valid string")
        }
        return string
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        guard let string = try string(key) else { throw missing(key) }
        return string
    }

    func int(_ key: String) throws(APIError) -> Int? {
        guard let value = value(key) else { return nil }
        switch value {
        case .int(let int): return int
        case .double(let double) where double == double.rounded() && abs(double) < 1e15: return Int(double)
        default: throw mismatch(key, value, type: "int_type", message: "Input should be a valid integer")
        }
    }

    func double(_ key: String) throws(APIError) -> Double? {
        guard let value = value(key) else { return nil }
        switch value {
        case .int(let int): return Double(int)
        case .double(let double): return double
        default: throw mismatch(key, value, type: "float_type", message: "Input should be a valid number")
        }
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let bool) = value else {
            throw mismatch(key, value, type: "bool_type", message: "Input should be a valid boolean")
        }
        return bool
    }

    func object(_ key: String) throws(APIError) -> RequestFields? {
        guard let value = value(key) else { return nil }
        guard case .object = value else {
            throw mismatch(key, value, type: "dict_type", message: "Input should be a valid dictionary")
        }
        return try RequestFields(value)
    }

    func array(_ key: String) throws(APIError) -> [JSON]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else {
            throw mismatch(key, value, type: "list_type", message: "Input should be a valid list")
        }
        return elements
    }

    /// `str | list[str] | None`, the type of `stop`.
    func strings(_ key: String) throws(APIError) -> [String] {
        guard let value = value(key) else { return [] }
        switch value {
        case .string(let string): return [string]
        case .array(let elements):
            var strings: [String] = []
            for element in elements {
                guard case .string(let string) = element else {
                    throw mismatch(key, value, type: "string_type", message: "Input should be a valid string")
                }
                strings.append(string)
            }
            return strings
        default:
            throw mismatch(key, value, type: "string_type", message: "Input should be a valid string")
        }
    }

    func missing(_ key: String) -> APIError {
        APIError.validation(
            type: "missing",
            location: "body.\(key)",
            message: "Field required",
            input: members.validationInput
        )
    }

    func mismatch(_ key: String, _ value: JSON, type: String, message: String) -> APIError {
        APIError.validation(type: type, location: "body.\(key)", message: message, input: value.validationInput)
    }
}
