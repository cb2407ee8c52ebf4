/// How a verb names an object: by system name (or org name / username for accounts)
/// or by numeric id.
public enum ObjectRef: Sendable, Hashable, CustomStringConvertible {
    case id(Int)
    case name(String)

    /// All digits is an id; anything else a name.
    public init(_ text: String) {
        if let id = Int(text), id >= 0, !text.isEmpty { self = .id(id) } else { self = .name(text) }
    }

    public var description: String {
        switch self {
        case .id(let id): return "#\(id)"
        case .name(let name): return name
        }
    }
}

/// Name → id resolutions, filled from list calls and kept for the life of one client
/// (one command), so a verb that names the same product three times lists it once.
public actor NameCache {
    private var ids: [String: [String: Int]] = [:]
    private var loaded: Set<String> = []
    /// Objects this client created, per scope: a listing that started before the create
    /// (concurrent imports) must not hide them.
    private var created: [String: [String: Int]] = [:]

    public init() {}

    /// The cached id of `name` in `scope` (e.g. "backend", "plan:42"), if any.
    public func id(_ name: String, in scope: String) -> Int? {
        ids[scope]?[name]
    }

    /// Remembers every name → id of one listing, replacing the scope's old entries.
    public func store(_ entries: [(name: String, id: Int)], in scope: String) {
        var table: [String: Int] = [:]
        for entry in entries { table[entry.name] = entry.id }
        for (name, id) in created[scope] ?? [:] where table[name] == nil { table[name] = id }
        ids[scope] = table
        loaded.insert(scope)
    }

    /// One object just created; the scope is not thereby complete.
    public func remember(_ name: String, id: Int, in scope: String) {
        ids[scope, default: [:]][name] = id
        created[scope, default: [:]][name] = id
    }

    public func forget(scope: String) {
        ids[scope] = nil
        created[scope] = nil
        loaded.remove(scope)
    }

    /// Whether the scope holds a whole listing.
    public func isLoaded(_ scope: String) -> Bool {
        loaded.contains(scope)
    }
}

extension AdminClient {
    /// Resolves a reference through `names`, listing with `load` at most once per scope.
    func resolve(
        _ ref: ObjectRef, kind: String, scope: String,
        load: () async throws -> [(name: String, id: Int)]
    ) async throws(AdminError) -> Int {
        switch ref {
        case .id(let id):
            return id
        case .name(let name):
            if let id = await names.id(name, in: scope) { return id }
            if !(await names.isLoaded(scope)) {
                do {
                    await names.store(try await load(), in: scope)
                } catch {
                    throw AdminError(error)
                }
                if let id = await names.id(name, in: scope) { return id }
            }
            throw .unknownName(kind: kind, name: name)
        }
    }
}
