#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The validated resources of one file (or built in code, like the vllm preset),
/// with the lookups the reconciler needs.
public struct ResourceSet: Sendable, Equatable {
    public var documents: [ResourceDocument]
    public var file: String

    public init(documents: [ResourceDocument], file: String) {
        self.documents = documents
        self.file = file
    }

    /// Resources made in code (presets); documents are numbered in order.
    public init(_ resources: [Resource], file: String = "(preset)") {
        self.documents = resources.enumerated().map { ResourceDocument(resource: $1, document: $0 + 1) }
        self.file = file
    }

    public var resources: [Resource] { documents.map(\.resource) }

    public var backends: [BackendResource] {
        resources.compactMap { if case .backend(let r) = $0 { return r } else { return nil } }
    }

    public var products: [ProductResource] {
        resources.compactMap { if case .product(let r) = $0 { return r } else { return nil } }
    }

    public var activeDocs: [ActiveDocResource] {
        resources.compactMap { if case .activeDoc(let r) = $0 { return r } else { return nil } }
    }

    public var promotes: [ProxyConfigPromoteResource] {
        resources.compactMap { if case .proxyConfigPromote(let r) = $0 { return r } else { return nil } }
    }

    public var applications: [ApplicationResource] {
        resources.compactMap { if case .application(let r) = $0 { return r } else { return nil } }
    }

    public var developerAccounts: [DeveloperAccountResource] {
        resources.compactMap { if case .developerAccount(let r) = $0 { return r } else { return nil } }
    }

    public var developerUsers: [DeveloperUserResource] {
        resources.compactMap { if case .developerUser(let r) = $0 { return r } else { return nil } }
    }

    public var secrets: [SecretResource] {
        resources.compactMap { if case .secret(let r) = $0 { return r } else { return nil } }
    }

    /// The Product resource with this `metadata.name`.
    public func product(named name: String) -> ProductResource? {
        products.first { $0.metadata.name == name }
    }

    public func backend(systemName: String) -> BackendResource? {
        backends.first { $0.spec.effectiveSystemName == systemName }
    }

    public func developerAccount(named name: String) -> DeveloperAccountResource? {
        developerAccounts.first { $0.metadata.name == name }
    }

    /// A value of a Secret in the file: `stringData` first, then base64 `data`.
    public func secretValue(name: String, key: String) -> String? {
        guard let secret = secrets.first(where: { $0.metadata.name == name }) else { return nil }
        if let value = secret.stringData?[key] { return value }
        return secret.data?[key].flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The single value of a Secret (an ActiveDoc's secretRef must hold exactly one key).
    public func soleSecretValue(name: String) -> String? {
        guard let secret = secrets.first(where: { $0.metadata.name == name }) else { return nil }
        let keys = Set((secret.stringData ?? [:]).keys).union((secret.data ?? [:]).keys)
        guard keys.count == 1, let key = keys.first else { return nil }
        return secretValue(name: name, key: key)
    }

    func document(of resource: Resource) -> ResourceDocument? {
        documents.first { $0.resource == resource }
    }
}
