#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Untrusted

/// One custom resource of any kind maas understands.
public enum Resource: Sendable, Equatable {
    case backend(BackendResource)
    case product(ProductResource)
    case activeDoc(ActiveDocResource)
    case proxyConfigPromote(ProxyConfigPromoteResource)
    case application(ApplicationResource)
    case developerAccount(DeveloperAccountResource)
    case developerUser(DeveloperUserResource)
    case secret(SecretResource)

    /// The kinds accepted, with their apiVersion.
    public static let kinds: [String: String] = [
        "Backend": CapabilitiesAPI.version, "Product": CapabilitiesAPI.version, "ActiveDoc": CapabilitiesAPI.version,
        "ProxyConfigPromote": CapabilitiesAPI.version, "Application": CapabilitiesAPI.version,
        "DeveloperAccount": CapabilitiesAPI.version, "DeveloperUser": CapabilitiesAPI.version, "Secret": "v1",
    ]

    public var kind: String {
        switch self {
        case .backend(let r): return r.kind
        case .product(let r): return r.kind
        case .activeDoc(let r): return r.kind
        case .proxyConfigPromote(let r): return r.kind
        case .application(let r): return r.kind
        case .developerAccount(let r): return r.kind
        case .developerUser(let r): return r.kind
        case .secret(let r): return r.kind
        }
    }

    public var metadata: ObjectMeta {
        switch self {
        case .backend(let r): return r.metadata
        case .product(let r): return r.metadata
        case .activeDoc(let r): return r.metadata
        case .proxyConfigPromote(let r): return r.metadata
        case .application(let r): return r.metadata
        case .developerAccount(let r): return r.metadata
        case .developerUser(let r): return r.metadata
        case .secret(let r): return r.metadata
        }
    }

    public var name: String { metadata.name }

    /// The resource as a JSON tree (the shape `oc apply` takes).
    func tree() throws -> JSONValue {
        let encoder = JSONEncoder()
        let data: Data
        switch self {
        case .backend(let r): data = try encoder.encode(r)
        case .product(let r): data = try encoder.encode(r)
        case .activeDoc(let r): data = try encoder.encode(r)
        case .proxyConfigPromote(let r): data = try encoder.encode(r)
        case .application(let r): data = try encoder.encode(r)
        case .developerAccount(let r): data = try encoder.encode(r)
        case .developerUser(let r): data = try encoder.encode(r)
        case .secret(let r): data = try encoder.encode(r)
        }
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func decode(kind: String, from data: Data) throws -> Resource {
        let decoder = JSONDecoder()
        switch kind {
        case "Backend": return .backend(try decoder.decode(BackendResource.self, from: data))
        case "Product": return .product(try decoder.decode(ProductResource.self, from: data))
        case "ActiveDoc": return .activeDoc(try decoder.decode(ActiveDocResource.self, from: data))
        case "ProxyConfigPromote": return .proxyConfigPromote(try decoder.decode(ProxyConfigPromoteResource.self, from: data))
        case "Application": return .application(try decoder.decode(ApplicationResource.self, from: data))
        case "DeveloperAccount": return .developerAccount(try decoder.decode(DeveloperAccountResource.self, from: data))
        case "DeveloperUser": return .developerUser(try decoder.decode(DeveloperUserResource.self, from: data))
        default: return .secret(try decoder.decode(SecretResource.self, from: data))
        }
    }
}
