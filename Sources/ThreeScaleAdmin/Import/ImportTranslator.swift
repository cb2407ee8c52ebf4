import Foundation
import Untrusted

/// A checked OpenAPI document → the resources `apply -f` takes (Backend, Product with
/// methods, rules, the lab's credentials and policies, a plan; ActiveDoc; ProxyConfigPromote
/// with `--promote`), so that planning, dry runs and pruning are the reconciler's.
public struct ImportTranslation: Sendable, Equatable {
    public var resources: ResourceSet
    /// The product's system name.
    public var product: String
    /// The ActiveDoc's system name.
    public var activeDoc: String
    /// The document as checked (JSON), before the gateway is made its server.
    var document: JSONValue

    /// The ActiveDoc's body for the planner: the document served by `gateway`.
    func documents(gateway: DocumentServers.Gateway) -> [String: String] {
        [activeDoc: DocumentServers.servedBy(gateway, document).jsonText]
    }

    /// The resources without the ActiveDoc: what is applied first when the product's
    /// gateway URL, which the doc names, is not known yet.
    var withoutActiveDoc: ResourceSet {
        ResourceSet(resources.resources.filter { if case .activeDoc = $0 { return false } else { return true } }, file: resources.file)
    }
}

/// Why a document cannot be imported: one line, naming the document.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

enum ImportTranslator {
    /// - Parameters:
    ///   - name: the product's name; `systemName` its system name (settled for the batch).
    ///   - source: the file or URL, for messages and the ActiveDoc's reference.
    static func translate(
        _ document: JSONValue, source: String, name: String, systemName: String, settings: ImportSettings
    ) throws(ImportProblem) -> ImportTranslation {
        let operations: [OpenAPIOperation]
        do {
            operations = try OpenAPIOperations.list(document, source: source)
        } catch {
            throw ImportProblem(error.description)
        }
        let resourceName = Exporter.resourceName(systemName)
        var resources: [Resource] = []
        let backendSystemName: String
        switch settings.backend {
        case .existing(let backend):
            backendSystemName = backend
        case .url(let url):
            backendSystemName = systemName
            resources.append(.backend(backend(name: name, systemName: systemName, url: url)))
        case .fromDocument:
            guard let url = DocumentServers.backendURL(document) else {
                throw ImportProblem("\(source)#/servers: no absolute server URL for the backend; give --backend-url URL or --backend NAME")
            }
            backendSystemName = systemName
            resources.append(.backend(backend(name: name, systemName: systemName, url: url)))
        }
        var spec = ProductSpec(name: name, systemName: systemName)
        spec.description = document["info"]?["description"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
        spec.metrics = ["hits": .hits]
        spec.deployment = ProductPreset.labDeployment
        spec.backendUsages = [backendSystemName: BackendUsageSpec(path: "/")]
        var methodNames: Set<String> = ["hits"]
        var friendlyNames: Set<String> = [MetricSpec.hits.friendlyName]
        var methods: [String: MethodSpec] = [:]
        var rules: [MappingRuleSpec] = []
        for operation in operations {
            let method = ImportNaming.unique(ImportNaming.methodSystemName(operation), taken: &methodNames)
            let friendly = ImportNaming.unique(ImportNaming.friendlyName(operation), taken: &friendlyNames, separator: " #")
            methods[method] = MethodSpec(friendlyName: friendly, description: "\(operation.httpMethod) \(operation.path)")
            rules.append(MappingRuleSpec(httpMethod: operation.httpMethod, pattern: operation.pattern, metricMethodRef: method))
        }
        spec.methods = methods
        spec.mappingRules = rules
        spec.policies = ProductPreset.labPolicies()
        spec.applicationPlans = [settings.planKey: ApplicationPlanSpec(
            name: settings.planName ?? ImportSettings.defaultPlanName, appsRequireApproval: false, published: true)]
        resources.append(.product(ProductResource(metadata: ObjectMeta(name: resourceName), spec: spec)))

        // An ActiveDoc's system name is letters and digits only (the CRD's pattern).
        let docSystemName = String(systemName.filter { $0 != "_" && $0 != "-" && $0 != "/" })
        var doc = ActiveDocSpec(name: name, systemName: docSystemName, activeDocOpenAPIRef: ActiveDocOpenAPIRefSpec(url: source))
        doc.productSystemName = systemName
        doc.published = settings.publishDoc
        resources.append(.activeDoc(ActiveDocResource(metadata: ObjectMeta(name: resourceName), spec: doc)))
        if settings.promote {
            resources.append(.proxyConfigPromote(ProxyConfigPromoteResource(
                metadata: ObjectMeta(name: resourceName + "-promote"), spec: ProxyConfigPromoteSpec(productCRName: resourceName, production: true))))
        }
        let set = ResourceSet(resources, file: source)
        // The CRD rules, as for a file: a name this translation makes must never reach 3scale invalid.
        let issues = Validator.validate(set.documents, file: source)
        guard issues.isEmpty else { throw ImportProblem(ResourceErrors(issues).description) }
        return ImportTranslation(resources: set, product: systemName, activeDoc: docSystemName, document: document)
    }

    private static func backend(name: String, systemName: String, url: String) -> BackendResource {
        BackendResource(metadata: ObjectMeta(name: Exporter.resourceName(systemName)), spec: BackendSpec(name: name, systemName: systemName, privateBaseURL: url))
    }
}
