#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The CRD rules (required fields, enums, patterns, the exactly-one-of patches) plus
/// the operator's own spec checks, so mistakes are caught before any API call.
/// References to objects that may live on the server are checked by the planner.
public enum Validator {
    public static func validate(_ documents: [ResourceDocument], file: String) -> [ResourceIssue] {
        var issues: [ResourceIssue] = []
        let set = ResourceSet(documents: documents, file: file)
        var seen: [String: Int] = [:]
        for document in documents {
            var check = Checker(document: document, file: file)
            let key = "\(document.resource.kind)/\(document.resource.name)"
            if let first = seen[key] {
                check.fail("metadata.name", "\(document.resource.kind) \(document.resource.name) is already defined in document \(first)")
            } else {
                seen[key] = document.document
            }
            check.nonEmpty("metadata.name", document.resource.name)
            switch document.resource {
            case .backend(let r): check.backend(r.spec)
            case .product(let r): check.product(r.spec, in: set)
            case .activeDoc(let r): check.activeDoc(r.spec)
            case .proxyConfigPromote(let r): check.nonEmpty("spec.productCRName", r.spec.productCRName)
            case .application(let r): check.application(r.spec)
            case .developerAccount(let r): check.nonEmpty("spec.orgName", r.spec.orgName)
            case .developerUser(let r): check.developerUser(r.spec)
            case .secret: break
            }
            issues += check.issues
        }
        issues += duplicateSystemNames(documents, file: file)
        return issues
    }

    /// Two Products (or two Backends) with one systemName would fight over one object.
    private static func duplicateSystemNames(_ documents: [ResourceDocument], file: String) -> [ResourceIssue] {
        var issues: [ResourceIssue] = []
        var products: [String: Int] = [:]
        var backends: [String: Int] = [:]
        for document in documents {
            switch document.resource {
            case .product(let r):
                let name = r.spec.effectiveSystemName
                if let first = products[name] {
                    issues.append(document.issue(file: file, field: "spec.systemName", "product system name \(name) is also used in document \(first)"))
                }
                products[name] = products[name] ?? document.document
            case .backend(let r):
                let name = r.spec.effectiveSystemName
                if let first = backends[name] {
                    issues.append(document.issue(file: file, field: "spec.systemName", "backend system name \(name) is also used in document \(first)"))
                }
                backends[name] = backends[name] ?? document.document
            default:
                break
            }
        }
        return issues
    }
}

/// Collects the issues of one document.
private struct Checker {
    let document: ResourceDocument
    let file: String
    var issues: [ResourceIssue] = []

    init(document: ResourceDocument, file: String) {
        self.document = document
        self.file = file
    }

    mutating func fail(_ field: String, _ message: String) {
        issues.append(document.issue(file: file, field: field, message))
    }

    mutating func nonEmpty(_ field: String, _ value: String?) {
        if (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty { fail(field, "must not be empty") }
    }

    mutating func oneOf(_ field: String, _ value: String?, _ allowed: [String]) {
        guard let value else { return }
        if !allowed.contains(value) {
            fail(field, "must be one of \(allowed.joined(separator: ", ")); got \(value)")
        }
    }

    mutating func url(_ field: String, _ value: String?, schemes: [String]) {
        guard let value else { return }
        let ok = schemes.contains { value.hasPrefix("\($0)://") && value.count > $0.count + 3 }
        if !ok {
            let list = schemes.map { "\($0)://" }.joined(separator: " or ")
            fail(field, "must be a URL starting with \(list); got '\(value)'")
        }
    }

    /// porta's rule for product and backend system names: `\A\w[\w\-/_]+\z`.
    mutating func systemName(_ field: String, _ value: String) {
        let scalars = Array(value.unicodeScalars)
        let word: (Unicode.Scalar) -> Bool = { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        let valid = scalars.count >= 2 && word(scalars[0]) && scalars.dropFirst().allSatisfy { word($0) || $0 == "-" || $0 == "/" }
        if !valid {
            fail(field, "'\(value)' is not a valid system name: at least 2 characters, starting with a letter, digit or _, then letters, digits, _, - or /")
        }
    }

    /// `^\d+(\.\d{2})?$`
    mutating func decimal(_ field: String, _ value: String?) {
        guard let value else { return }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        let valid = (parts.count == 1 && digits(parts[0])) || (parts.count == 2 && digits(parts[0]) && parts[1].count == 2 && digits(parts[1]))
        if !valid { fail(field, "must be an amount like 10 or 10.50; got '\(value)'") }
    }

    // MARK: Kinds

    mutating func backend(_ spec: BackendSpec) {
        nonEmpty("spec.name", spec.name)
        if let name = spec.systemName { systemName("spec.systemName", name) }
        url("spec.privateBaseURL", spec.privateBaseURL, schemes: ["http", "https", "ws", "wss"])
        metricsAndMethods(metrics: spec.effectiveMetrics, methods: spec.methods ?? [:])
        mappingRules(spec.mappingRules ?? [], names: Set(spec.effectiveMetrics.keys).union((spec.methods ?? [:]).keys))
    }

    mutating func product(_ spec: ProductSpec, in set: ResourceSet) {
        nonEmpty("spec.name", spec.name)
        if let name = spec.systemName { systemName("spec.systemName", name) }
        if let deployment = spec.deployment { self.deployment(deployment) }
        let local = Set(spec.effectiveMetrics.keys).union((spec.methods ?? [:]).keys)
        metricsAndMethods(metrics: spec.effectiveMetrics, methods: spec.methods ?? [:])
        mappingRules(spec.mappingRules ?? [], names: local)
        for (key, usage) in (spec.backendUsages ?? [:]).sorted(by: { $0.key < $1.key }) {
            let field = "spec.backendUsages.\(key).path"
            if !usage.path.isEmpty && !usage.path.hasPrefix("/") { fail(field, "must start with /; got '\(usage.path)'") }
        }
        for (key, plan) in (spec.applicationPlans ?? [:]).sorted(by: { $0.key < $1.key }) {
            applicationPlan(plan, field: "spec.applicationPlans.\(key)", local: local, spec: spec, set: set)
        }
        for (index, policy) in (spec.policies ?? []).enumerated() {
            nonEmpty("spec.policies[\(index)].name", policy.name)
            nonEmpty("spec.policies[\(index)].version", policy.version)
            if let configuration = policy.configuration, configuration.objectValue == nil {
                fail("spec.policies[\(index)].configuration", "must be a mapping")
            }
            if policy.configurationRef != nil, policy.configuration ?? .object([:]) == .object([:]) {
                fail("spec.policies[\(index)].configurationRef", "Secret references are not read by maas; put the configuration inline")
            }
        }
    }

    mutating func deployment(_ deployment: DeploymentSpec) {
        switch (deployment.apicastHosted, deployment.apicastSelfManaged) {
        case (nil, nil):
            fail("spec.deployment", "needs exactly one of apicastHosted or apicastSelfManaged")
        case (.some, .some):
            fail("spec.deployment", "has both apicastHosted and apicastSelfManaged; keep exactly one")
        case (let hosted?, nil):
            if let auth = hosted.authentication { authentication(auth, field: "spec.deployment.apicastHosted.authentication") }
        case (nil, let managed?):
            let field = "spec.deployment.apicastSelfManaged"
            url("\(field).stagingPublicBaseURL", managed.stagingPublicBaseURL, schemes: ["http", "https"])
            url("\(field).productionPublicBaseURL", managed.productionPublicBaseURL, schemes: ["http", "https"])
            if let auth = managed.authentication { authentication(auth, field: "\(field).authentication") }
        }
    }

    mutating func authentication(_ auth: AuthenticationSpec, field: String) {
        let set = [auth.userkey != nil, auth.appKeyAppID != nil, auth.oidc != nil].filter { $0 }.count
        if set != 1 {
            fail(field, set == 0 ? "needs exactly one of userkey, appKeyAppID or oidc" : "has more than one of userkey, appKeyAppID, oidc; keep exactly one")
            return
        }
        let credentials = ["headers", "query", "authorization"]
        if let userkey = auth.userkey {
            oneOf("\(field).userkey.credentials", userkey.credentials, credentials)
            if let key = userkey.authUserKey { proxyName("\(field).userkey.authUserKey", key) }
        }
        if let app = auth.appKeyAppID {
            oneOf("\(field).appKeyAppID.credentials", app.credentials, credentials)
            if let id = app.appID { proxyName("\(field).appKeyAppID.appID", id) }
            if let key = app.appKey { proxyName("\(field).appKeyAppID.appKey", key) }
        }
        if let oidc = auth.oidc {
            if oidc.issuerType == nil { fail("\(field).oidc.issuerType", "required field is missing (keycloak or rest)") }
            oneOf("\(field).oidc.issuerType", oidc.issuerType, ["keycloak", "rest"])
            oneOf("\(field).oidc.jwtClaimWithClientIDType", oidc.jwtClaimWithClientIDType, ["plain", "liquid"])
            oneOf("\(field).oidc.credentials", oidc.credentials, credentials)
            if (oidc.issuerEndpoint ?? "").isEmpty {
                fail("\(field).oidc.issuerEndpoint", "is required (issuerEndpointRef Secrets are not read by maas)")
            }
        }
    }

    /// porta's rule for credential names: `\A[\w\d_-]+\Z`.
    mutating func proxyName(_ field: String, _ value: String) {
        let valid = !value.isEmpty && value.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
        if !valid { fail(field, "may hold only letters, digits, _ and -; got '\(value)'") }
    }

    mutating func metricsAndMethods(metrics: [String: MetricSpec], methods: [String: MethodSpec]) {
        for (name, metric) in metrics.sorted(by: { $0.key < $1.key }) {
            nonEmpty("spec.metrics.\(name).friendlyName", metric.friendlyName)
            nonEmpty("spec.metrics.\(name).unit", metric.unit)
            if methods[name] != nil { fail("spec.methods.\(name)", "\(name) is both a metric and a method; system names must be unique") }
        }
        for (name, method) in methods.sorted(by: { $0.key < $1.key }) {
            nonEmpty("spec.methods.\(name).friendlyName", method.friendlyName)
        }
    }

    mutating func mappingRules(_ rules: [MappingRuleSpec], names: Set<String>) {
        for (index, rule) in rules.enumerated() {
            let field = "spec.mappingRules[\(index)]"
            oneOf("\(field).httpMethod", rule.httpMethod, MappingRuleSpec.httpMethods)
            if !rule.pattern.hasPrefix("/") {
                fail("\(field).pattern", "must be a path starting with /; got '\(rule.pattern)'")
            } else if rule.pattern.contains(where: \.isWhitespace) {
                fail("\(field).pattern", "must not contain spaces")
            }
            if rule.increment < 1 { fail("\(field).increment", "must be at least 1 (3scale rejects 0 and negative deltas)") }
            if !names.contains(rule.metricMethodRef) {
                fail("\(field).metricMethodRef", "\(rule.metricMethodRef) is neither a metric nor a method of this object (known: \(names.sorted().joined(separator: ", ")))")
            }
        }
    }

    mutating func applicationPlan(_ plan: ApplicationPlanSpec, field: String, local: Set<String>, spec: ProductSpec, set: ResourceSet) {
        decimal("\(field).setupFee", plan.setupFee)
        decimal("\(field).costMonth", plan.costMonth)
        if let trial = plan.trialPeriod, trial < 0 { fail("\(field).trialPeriod", "must be 0 or more") }
        var limitKeys: Set<String> = []
        for (index, limit) in (plan.limits ?? []).enumerated() {
            let limitField = "\(field).limits[\(index)]"
            oneOf("\(limitField).period", limit.period, LimitSpec.periods)
            metricRef(limit.metricMethodRef, field: "\(limitField).metricMethodRef", local: local, spec: spec, set: set)
            let key = limit.period + "/" + limit.metricMethodRef.label
            if !limitKeys.insert(key).inserted {
                fail(limitField, "a second \(limit.period) limit on \(limit.metricMethodRef.label); a plan has one limit per period and metric")
            }
        }
        let rules = plan.pricingRules ?? []
        for (index, rule) in rules.enumerated() {
            let ruleField = "\(field).pricingRules[\(index)]"
            decimal("\(ruleField).pricePerUnit", rule.pricePerUnit)
            metricRef(rule.metricMethodRef, field: "\(ruleField).metricMethodRef", local: local, spec: spec, set: set)
            if rule.from > rule.to { fail(ruleField, "from (\(rule.from)) must not be greater than to (\(rule.to))") }
            for (otherIndex, other) in rules.enumerated().prefix(index) where other.metricMethodRef == rule.metricMethodRef {
                if other.from < rule.to && other.to > rule.from {
                    fail(ruleField, "overlaps pricingRules[\(otherIndex)] on \(rule.metricMethodRef.label)")
                }
            }
        }
    }

    mutating func metricRef(_ ref: MetricMethodRefSpec, field: String, local: Set<String>, spec: ProductSpec, set: ResourceSet) {
        guard let backend = ref.backend else {
            if !local.contains(ref.systemName) {
                fail("\(field).systemName", "\(ref.systemName) is neither a metric nor a method of this product")
            }
            return
        }
        guard spec.backendUsages?[backend] != nil else {
            fail("\(field).backend", "backend \(backend) is not in spec.backendUsages")
            return
        }
        if let resource = set.backend(systemName: backend) {
            let names = Set(resource.spec.effectiveMetrics.keys).union((resource.spec.methods ?? [:]).keys)
            if !names.contains(ref.systemName) {
                fail("\(field).systemName", "\(ref.systemName) is neither a metric nor a method of backend \(backend)")
            }
        }
    }

    mutating func activeDoc(_ spec: ActiveDocSpec) {
        nonEmpty("spec.name", spec.name)
        if let name = spec.systemName, name.isEmpty || !name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
            fail("spec.systemName", "must match ^[a-z0-9]+$ (lower-case letters and digits); got '\(name)'")
        }
        let ref = spec.activeDocOpenAPIRef
        switch (ref.url, ref.secretRef) {
        case (nil, nil): fail("spec.activeDocOpenAPIRef", "needs exactly one of url or secretRef")
        case (.some, .some): fail("spec.activeDocOpenAPIRef", "has both url and secretRef; keep exactly one")
        case (let url?, nil):
            // maas also reads a local file (a path or file:// URL) where the operator would fetch.
            if url.contains("://"), !url.hasPrefix("file://") {
                self.url("spec.activeDocOpenAPIRef.url", url, schemes: ["http", "https"])
            } else {
                nonEmpty("spec.activeDocOpenAPIRef.url", url)
            }
        case (nil, let secret?): nonEmpty("spec.activeDocOpenAPIRef.secretRef.name", secret.name)
        }
    }

    mutating func application(_ spec: ApplicationSpec) {
        nonEmpty("spec.accountCR.name", spec.accountCR.name)
        nonEmpty("spec.productCR.name", spec.productCR.name)
        nonEmpty("spec.applicationPlanName", spec.applicationPlanName)
        nonEmpty("spec.name", spec.name)
    }

    mutating func developerUser(_ spec: DeveloperUserSpec) {
        nonEmpty("spec.username", spec.username)
        nonEmpty("spec.developerAccountRef.name", spec.developerAccountRef.name)
        nonEmpty("spec.passwordCredentialsRef.name", spec.passwordCredentialsRef.name)
        oneOf("spec.role", spec.role, ["admin", "member"])
        let parts = spec.email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || spec.email.contains(where: \.isWhitespace) {
            fail("spec.email", "'\(spec.email)' is not an email address")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
