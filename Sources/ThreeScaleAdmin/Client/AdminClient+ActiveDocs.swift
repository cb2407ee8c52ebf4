/// ActiveDocs (`/admin/api/active_docs`): OpenAPI documents shown in the developer portal.
extension AdminClient {
    public func activeDocs() async throws(AdminError) -> [APIDoc] {
        let docs: [APIDoc] = try await list(
            Call(method: .GET, path: "/admin/api/active_docs.json", operation: "Listing API docs", what: "The API doc list"),
            key: "api_doc", plural: "api_docs", paginated: false)
        await names.store(docs.map { ($0.systemName, $0.id) }, in: "doc")
        return docs
    }

    public func activeDocID(_ ref: ObjectRef) async throws(AdminError) -> Int {
        try await resolve(ref, kind: "doc", scope: "doc") { () async throws in
            try await self.activeDocs().map { ($0.systemName, $0.id) }
        }
    }

    public func activeDoc(_ ref: ObjectRef) async throws(AdminError) -> APIDoc {
        let id = try await activeDocID(ref)
        return try await object(
            Call(method: .GET, path: "/admin/api/active_docs/\(id).json", operation: "Reading API doc \(ref)",
                what: "API doc \(ref)"), key: "api_doc")
    }

    public func createActiveDoc(_ doc: NewActiveDoc) async throws(AdminError) -> APIDoc {
        try await createActiveDoc(form: doc.form)
    }

    /// The form-based write under `createActiveDoc`, for the reconciler's planned fields.
    func createActiveDoc(form fields: FormBody) async throws(AdminError) -> APIDoc {
        let systemName = fields.value("system_name")
        let lookup: (() async throws -> APIDoc?)? = systemName.map { name in
            { () async throws -> APIDoc? in try await self.activeDocs().first { $0.systemName == name } }
        }
        let created: APIDoc = try await create({ () async throws -> APIDoc in
            try await self.object(
                Call(method: .POST, path: "/admin/api/active_docs.json", form: fields,
                    operation: "Creating API doc \(systemName ?? "")", what: "The product of the API doc"), key: "api_doc")
        }, lookup: lookup)
        await names.remember(created.systemName, id: created.id, in: "doc")
        return created
    }

    public func updateActiveDoc(id: Int, _ changes: ActiveDocChanges) async throws(AdminError) -> APIDoc {
        try await updateActiveDoc(id: id, form: changes.form)
    }

    func updateActiveDoc(id: Int, form fields: FormBody) async throws(AdminError) -> APIDoc {
        try await object(
            Call(method: .PUT, path: "/admin/api/active_docs/\(id).json", form: fields,
                operation: "Updating API doc #\(id)", what: "API doc #\(id)"), key: "api_doc")
    }

    public func deleteActiveDoc(id: Int) async throws(AdminError) {
        _ = try await send(
            Call(method: .DELETE, path: "/admin/api/active_docs/\(id).json", operation: "Deleting API doc #\(id)",
                what: "API doc #\(id)"))
        await names.forget(scope: "doc")
    }
}
