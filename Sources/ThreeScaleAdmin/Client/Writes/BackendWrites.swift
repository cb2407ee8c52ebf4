// The bodies of backend writes. Each type knows porta's parameter names; callers
// never do. A nil property is not sent, so an update changes only what it sets.

/// A backend to create: the model server behind one or more products.
public struct NewBackend: Sendable, Equatable {
    public var name: String
    /// nil lets 3scale derive it from the name.
    public var systemName: String?
    /// The model server's private base URL.
    public var privateEndpoint: String
    public var description: String?

    public init(name: String, systemName: String? = nil, privateEndpoint: String, description: String? = nil) {
        self.name = name
        self.systemName = systemName
        self.privateEndpoint = privateEndpoint
        self.description = description
    }

    var form: FormBody {
        var form: FormBody = ["name": name]
        form.append("system_name", systemName)
        form.append("private_endpoint", privateEndpoint)
        form.append("description", description)
        return form
    }
}

/// What to change in a backend; its system name never changes.
public struct BackendChanges: Sendable, Equatable {
    public var name: String?
    public var privateEndpoint: String?
    public var description: String?

    public init(name: String? = nil, privateEndpoint: String? = nil, description: String? = nil) {
        self.name = name
        self.privateEndpoint = privateEndpoint
        self.description = description
    }

    public var isEmpty: Bool { form.isEmpty }

    var form: FormBody {
        var form = FormBody()
        form.append("name", name)
        form.append("private_endpoint", privateEndpoint)
        form.append("description", description)
        return form
    }
}
