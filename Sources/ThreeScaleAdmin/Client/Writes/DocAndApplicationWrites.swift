// The bodies of API-doc and application writes. A nil property is not sent.

/// An API doc (ActiveDoc) to create: an OpenAPI document shown on the developer portal.
public struct NewActiveDoc: Sendable, Equatable {
    public var name: String
    /// The document itself, as JSON text.
    public var body: String
    public var systemName: String?
    public var description: String?
    public var published: Bool?
    /// Lets 3scale skip its own OpenAPI validation.
    public var skipSwaggerValidations: Bool?
    /// The product it documents.
    public var productID: Int?

    public init(
        name: String, body: String, systemName: String? = nil, description: String? = nil, published: Bool? = nil,
        skipSwaggerValidations: Bool? = nil, productID: Int? = nil
    ) {
        self.name = name
        self.body = body
        self.systemName = systemName
        self.description = description
        self.published = published
        self.skipSwaggerValidations = skipSwaggerValidations
        self.productID = productID
    }

    var form: FormBody {
        var form: FormBody = ["name": name, "body": body]
        form.append("system_name", systemName)
        form.append("description", description)
        form.append("published", published)
        form.append("skip_swagger_validations", skipSwaggerValidations)
        form.append("service_id", productID)
        return form
    }
}

public struct ActiveDocChanges: Sendable, Equatable {
    public var name: String?
    public var body: String?
    public var description: String?
    public var published: Bool?
    public var skipSwaggerValidations: Bool?
    public var productID: Int?

    public init(
        name: String? = nil, body: String? = nil, description: String? = nil, published: Bool? = nil,
        skipSwaggerValidations: Bool? = nil, productID: Int? = nil
    ) {
        self.name = name
        self.body = body
        self.description = description
        self.published = published
        self.skipSwaggerValidations = skipSwaggerValidations
        self.productID = productID
    }

    var form: FormBody {
        var form = FormBody()
        form.append("name", name)
        form.append("body", body)
        form.append("description", description)
        form.append("published", published)
        form.append("skip_swagger_validations", skipSwaggerValidations)
        form.append("service_id", productID)
        return form
    }
}

/// An application to create on an application plan; it holds the developer's key.
public struct NewApplication: Sendable, Equatable {
    public var planID: Int
    public var name: String
    /// The name when nil (porta requires one).
    public var description: String?
    /// nil lets 3scale generate the key.
    public var userKey: String?

    public init(planID: Int, name: String, description: String? = nil, userKey: String? = nil) {
        self.planID = planID
        self.name = name
        self.description = description
        self.userKey = userKey
    }

    var form: FormBody {
        var form: FormBody = ["plan_id": String(planID), "name": name, "description": description ?? name]
        form.append("user_key", userKey)
        return form
    }
}

public struct ApplicationChanges: Sendable, Equatable {
    public var name: String?
    public var description: String?
    /// A new key: the old one stops working at once (user-key products).
    public var userKey: String?

    public init(name: String? = nil, description: String? = nil, userKey: String? = nil) {
        self.name = name
        self.description = description
        self.userKey = userKey
    }

    var form: FormBody {
        var form = FormBody()
        form.append("name", name)
        form.append("description", description)
        form.append("user_key", userKey)
        return form
    }
}
