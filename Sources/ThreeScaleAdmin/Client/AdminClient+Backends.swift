/// Backends (`/admin/api/backend_apis`) and the metrics, methods and mapping rules
/// of backends and products.
extension AdminClient {
    public func listBackends() async throws(AdminError) -> [BackendAPI] {
        let backends: [BackendAPI] = try await list(
            Call(method: .GET, path: "/admin/api/backend_apis.json", operation: "Listing backends", what: "The backend list"),
            key: "backend_api", plural: "backend_apis", paginated: true)
        await names.store(backends.map { ($0.systemName, $0.id) }, in: "backend")
        return backends
    }

    public func backendID(_ ref: ObjectRef) async throws(AdminError) -> Int {
        try await resolve(ref, kind: "backend", scope: "backend") { () async throws in
            try await self.listBackends().map { ($0.systemName, $0.id) }
        }
    }

    public func backend(_ ref: ObjectRef) async throws(AdminError) -> BackendAPI {
        let id = try await backendID(ref)
        return try await object(
            Call(method: .GET, path: "/admin/api/backend_apis/\(id).json", operation: "Reading backend \(ref)",
                what: "Backend \(ref)"), key: "backend_api")
    }

    public func createBackend(_ backend: NewBackend) async throws(AdminError) -> BackendAPI {
        try await createBackend(form: backend.form)
    }

    /// The form-based write under `createBackend`, for the reconciler's planned fields.
    func createBackend(form fields: FormBody) async throws(AdminError) -> BackendAPI {
        let systemName = fields.value("system_name")
        let lookup: (() async throws -> BackendAPI?)? = systemName.map { name in
            { () async throws -> BackendAPI? in try await self.listBackends().first { $0.systemName == name } }
        }
        let created: BackendAPI = try await create({ () async throws -> BackendAPI in
            try await self.object(
                Call(method: .POST, path: "/admin/api/backend_apis.json", form: fields,
                    operation: "Creating backend \(systemName ?? "")", what: "The backend list"), key: "backend_api")
        }, lookup: lookup)
        await names.remember(created.systemName, id: created.id, in: "backend")
        return created
    }

    public func updateBackend(id: Int, _ changes: BackendChanges) async throws(AdminError) -> BackendAPI {
        try await updateBackend(id: id, form: changes.form)
    }

    func updateBackend(id: Int, form fields: FormBody) async throws(AdminError) -> BackendAPI {
        try await object(
            Call(method: .PUT, path: "/admin/api/backend_apis/\(id).json", form: fields,
                operation: "Updating backend #\(id)", what: "Backend #\(id)"), key: "backend_api")
    }

    public func deleteBackend(id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/backend_apis/\(id).json", operation: "Deleting backend #\(id)",
                what: "Backend #\(id)"))
        await names.forget(scope: "backend")
    }

    // MARK: Metrics and methods

    /// Metrics **and** methods (methods have `parent_id`), system names as porta stores them.
    public func metrics(of owner: MetricOwner) async throws(AdminError) -> [Metric] {
        try await list(
            Call(method: .GET, path: owner.base + "/metrics.json", operation: "Listing metrics of \(owner.label)",
                what: owner.label.capitalizedFirst),
            key: "metric", plural: "metrics", paginated: owner.isPaginated)
    }

    /// The id of `hits`, the parent of every method.
    public func hitsID(of owner: MetricOwner) async throws(AdminError) -> Int {
        let all = try await metrics(of: owner)
        guard let hits = all.first(where: { owner.sanitize($0.systemName) == "hits" }) else {
            throw .unknownName(kind: "metric of \(owner.label)", name: "hits")
        }
        return hits.id
    }

    public func methods(of owner: MetricOwner, hitsID: Int) async throws(AdminError) -> [Metric] {
        try await list(
            Call(method: .GET, path: owner.base + "/metrics/\(hitsID)/methods.json",
                operation: "Listing methods of \(owner.label)", what: "The hits metric of \(owner.label)"),
            key: "method", plural: "methods", paginated: owner.isPaginated)
    }

    public func createMetric(of owner: MetricOwner, _ metric: NewMetric) async throws(AdminError) -> Metric {
        try await createMetric(of: owner, form: metric.form)
    }

    func createMetric(of owner: MetricOwner, form fields: FormBody) async throws(AdminError) -> Metric {
        try await object(
            Call(method: .POST, path: owner.base + "/metrics.json", form: fields,
                operation: "Creating metric \(fields.value("system_name") ?? "") in \(owner.label)",
                what: owner.label.capitalizedFirst), key: "metric")
    }

    public func updateMetric(of owner: MetricOwner, id: Int, _ changes: MetricChanges) async throws(AdminError) -> Metric {
        try await updateMetric(of: owner, id: id, form: changes.form)
    }

    func updateMetric(of owner: MetricOwner, id: Int, form fields: FormBody) async throws(AdminError) -> Metric {
        try await object(
            Call(method: .PUT, path: owner.base + "/metrics/\(id).json", form: fields,
                operation: "Updating metric #\(id) of \(owner.label)", what: "Metric #\(id) of \(owner.label)"),
            key: "metric")
    }

    public func deleteMetric(of owner: MetricOwner, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: owner.base + "/metrics/\(id).json",
                operation: "Deleting metric #\(id) of \(owner.label)", what: "Metric #\(id) of \(owner.label)"))
    }

    public func createMethod(of owner: MetricOwner, hitsID: Int, _ method: NewMethod) async throws(AdminError) -> Metric {
        try await createMethod(of: owner, hitsID: hitsID, form: method.form)
    }

    func createMethod(of owner: MetricOwner, hitsID: Int, form fields: FormBody) async throws(AdminError) -> Metric {
        try await object(
            Call(method: .POST, path: owner.base + "/metrics/\(hitsID)/methods.json", form: fields,
                operation: "Creating method \(fields.value("system_name") ?? "") in \(owner.label)",
                what: "The hits metric of \(owner.label)"), key: "method")
    }

    public func updateMethod(of owner: MetricOwner, hitsID: Int, id: Int, _ changes: MethodChanges)
        async throws(AdminError) -> Metric
    {
        try await updateMethod(of: owner, hitsID: hitsID, id: id, form: changes.form)
    }

    func updateMethod(of owner: MetricOwner, hitsID: Int, id: Int, form fields: FormBody) async throws(AdminError)
        -> Metric
    {
        try await object(
            Call(method: .PUT, path: owner.base + "/metrics/\(hitsID)/methods/\(id).json", form: fields,
                operation: "Updating method #\(id) of \(owner.label)", what: "Method #\(id) of \(owner.label)"),
            key: "method")
    }

    public func deleteMethod(of owner: MetricOwner, hitsID: Int, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: owner.base + "/metrics/\(hitsID)/methods/\(id).json",
                operation: "Deleting method #\(id) of \(owner.label)", what: "Method #\(id) of \(owner.label)"))
    }

    // MARK: Mapping rules

    public func mappingRules(of owner: MetricOwner) async throws(AdminError) -> [MappingRule] {
        try await list(
            Call(method: .GET, path: owner.mappingRulesPath + ".json", operation: "Listing mapping rules of \(owner.label)",
                what: owner.label.capitalizedFirst),
            key: "mapping_rule", plural: "mapping_rules", paginated: owner.isPaginated)
    }

    public func createMappingRule(of owner: MetricOwner, _ rule: NewMappingRule) async throws(AdminError) -> MappingRule {
        let method = rule.httpMethod
        let pattern = rule.pattern
        return try await create({ () async throws -> MappingRule in
            try await self.object(
                Call(method: .POST, path: owner.mappingRulesPath + ".json", form: rule.form,
                    operation: "Creating mapping rule \(method) \(pattern) in \(owner.label)",
                    what: "The metric of mapping rule \(method) \(pattern) in \(owner.label)"), key: "mapping_rule")
        }, lookup: { () async throws -> MappingRule? in
            try await self.mappingRules(of: owner).first { $0.httpMethod == method && $0.pattern == pattern }
        })
    }

    public func updateMappingRule(of owner: MetricOwner, id: Int, _ changes: MappingRuleChanges) async throws(AdminError)
        -> MappingRule
    {
        try await object(
            Call(method: .PUT, path: owner.mappingRulesPath + "/\(id).json", form: changes.form,
                operation: "Updating mapping rule #\(id) of \(owner.label)",
                what: "Mapping rule #\(id) of \(owner.label)"), key: "mapping_rule")
    }

    public func deleteMappingRule(of owner: MetricOwner, id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: owner.mappingRulesPath + "/\(id).json",
                operation: "Deleting mapping rule #\(id) of \(owner.label)",
                what: "Mapping rule #\(id) of \(owner.label)"))
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
