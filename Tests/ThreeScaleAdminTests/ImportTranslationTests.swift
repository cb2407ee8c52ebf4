import Foundation
import Testing
import Untrusted

@testable import ThreeScaleAdmin

/// `product import`'s translation: a checked document → the resources `apply -f` takes.
@Suite("Import translation")
struct ImportTranslationTests {
    static func document(_ name: String) throws -> JSONValue {
        let text = try Fixtures.text(name)
        let checked = try OpenAPIDocumentCheck.check(text, source: name)
        return try #require(JSONValue.parse(checked.json))
    }

    static func translate(
        _ name: String, settings: ImportSettings = ImportSettings(backend: .url("http://model:8000")), systemName: String = "api"
    ) throws -> ImportTranslation {
        try ImportTranslator.translate(try document(name), source: name, name: "API", systemName: systemName, settings: settings)
    }

    /// The API doc's body as the planner gets it.
    static func body(_ translation: ImportTranslation, gateway: DocumentServers.Gateway) throws -> JSONValue {
        let text = try #require(translation.documents(gateway: gateway)[translation.activeDoc])
        return try #require(JSONValue.parse(text))
    }

    static func product(_ translation: ImportTranslation) throws -> ProductSpec {
        try #require(translation.resources.products.first).spec
    }

    @Test("every operation of a lab document becomes a method and an exact rule, with the lab's key, policies and plan")
    func labDocument() throws {
        let translation = try Self.translate("maas/etx-serving-at-scale/llama70b-chat.json", systemName: "llama_3_70b")
        let spec = try Self.product(translation)
        #expect(spec.mappingRules?.count == 8 && spec.methods?.count == 8)
        let chat = try #require(spec.mappingRules?.first { $0.pattern == "/v1/chat/completions$" })
        #expect(chat.httpMethod == "POST" && chat.metricMethodRef == "create_chat_completion_v1_chat_completions_post")
        #expect(spec.methods?["create_chat_completion_v1_chat_completions_post"]?.friendlyName == "Create Chat Completion")
        #expect(spec.mappingRules?.map(\.pattern).allSatisfy { $0.hasSuffix("$") } == true)
        // Sorted by path, so the same document always gives the same order.
        #expect(spec.mappingRules?.map(\.pattern) == spec.mappingRules?.map(\.pattern).sorted())
        #expect(spec.deployment == ProductPreset.labDeployment)
        #expect(spec.policies == ProductPreset.labPolicies())
        #expect(spec.applicationPlans?["standard"]?.name == "Standard Plan" && spec.applicationPlans?["standard"]?.published == true)
        #expect(spec.backendUsages?["llama_3_70b"]?.path == "/")
        #expect(translation.resources.backends.first?.spec.privateBaseURL == "http://model:8000")
        #expect(translation.resources.activeDocs.first?.spec.systemName == "llama370b")
        #expect(translation.resources.activeDocs.first?.spec.productSystemName == "llama_3_70b")
        #expect(translation.resources.promotes.isEmpty)
    }

    @Test("Swagger 2.0: schemes, host and basePath are the backend; templates stay wildcards; names without operationId")
    func swagger() throws {
        let translation = try Self.translate("import/swagger2-models.json", settings: ImportSettings(promote: true))
        #expect(translation.resources.backends.first?.spec.privateBaseURL == "http://models.internal:8000/api")
        let spec = try Self.product(translation)
        let rules = try #require(spec.mappingRules).map { "\($0.httpMethod) \($0.pattern) \($0.metricMethodRef)" }
        #expect(rules == [
            "POST /v1/completions$ create_completion", "GET /v1/models$ list_models",
            "GET /v1/models/{model} get_v1_models_model", "DELETE /v1/models/{model} delete_v1_models_model",
        ])
        #expect(spec.methods?["get_v1_models_model"]?.friendlyName == "GET /v1/models/{model}")
        #expect(spec.methods?["delete_v1_models_model"]?.friendlyName == "Delete a model")
        #expect(spec.methods?["list_models"]?.friendlyName == "listModels")
        #expect(translation.resources.promotes.first?.spec.production == true)

        let gateway = DocumentServers.Gateway(production: "http://127.0.0.1:9001", staging: "http://127.0.0.1:9000")
        let body = try Self.body(translation, gateway: gateway)
        #expect(body["host"] == "127.0.0.1:9001" && body["schemes"] == ["http"] && body["basePath"] == "/")
    }

    @Test("YAML OpenAPI 3.1: the server's variables take their defaults; the API doc is served by the gateway")
    func yaml() throws {
        let translation = try Self.translate("import/openapi31-embeddings.yaml", settings: ImportSettings())
        #expect(translation.resources.backends.first?.spec.privateBaseURL == "http://tei.internal:8080")
        let spec = try Self.product(translation)
        #expect(spec.mappingRules?.map(\.pattern) == ["/health$", "/v1/embeddings$", "/v1/embeddings/{id}/usage"])
        #expect(spec.methods?["get_v1_embeddings_id_usage"]?.friendlyName == "Usage of one embedding")

        let gateway = DocumentServers.Gateway(production: "http://127.0.0.1:9001", staging: "http://127.0.0.1:9000")
        let body = try Self.body(translation, gateway: gateway)
        #expect(body["servers"]?.arrayValue?.compactMap { $0["url"]?.stringValue } == ["http://127.0.0.1:9001", "http://127.0.0.1:9000"])
        #expect(body["paths"] == (try Self.document("import/openapi31-embeddings.yaml"))["paths"])
    }

    @Test("an existing backend is used, not made; a named plan gets its own key")
    func existingBackendAndPlan() throws {
        let translation = try Self.translate(
            "import/swagger2-models.json", settings: ImportSettings(backend: .existing("shared"), planName: "Gold Tier", publishDoc: true))
        #expect(translation.resources.backends.isEmpty)
        let spec = try Self.product(translation)
        #expect(spec.backendUsages?.keys.sorted() == ["shared"])
        #expect(spec.applicationPlans?["gold_tier"]?.name == "Gold Tier")
        #expect(translation.resources.activeDocs.first?.spec.published == true)
    }

    @Test("a document with no server needs --backend-url or --backend")
    func noServer() throws {
        let problem = try #require(throws: ImportProblem.self) {
            try Self.translate("maas/models-aas/docling.json", settings: ImportSettings())
        }
        #expect(problem.message.contains("#/servers") && problem.message.contains("--backend-url"))
    }

    @Test("a path 3scale cannot map is refused with its JSON pointer and why")
    func refusedPath() throws {
        let document: JSONValue = [
            "openapi": "3.0.3", "info": ["title": "T"],
            "paths": ["/a/{x}/b/{x}": ["get": ["responses": [:]]]],
        ]
        let problem = try #require(throws: ImportProblem.self) {
            try ImportTranslator.translate(document, source: "t.json", name: "T", systemName: "t_api", settings: ImportSettings(backend: .url("http://m")))
        }
        #expect(problem.message.hasPrefix("t.json#/paths/~1a~1{x}~1b~1{x}: "))
        #expect(problem.message.contains("{x} appears twice"))
    }

    @Test("a document that does not validate is refused with the file, the pointer and the reason")
    func refusedDocument() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.json").path
        try #"{"openapi":"3.0.3","info":{"title":42},"paths":{}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        // Nothing is sent for a local file: the client is only needed for URLs.
        let client = try AdminClient(configuration: AdminConfiguration(adminURL: "http://127.0.0.1:9", accessToken: "unused"))
        let result = await ProductImporter.load(.file(path: path), client: client)
        try await client.shutdown()
        guard case .failure(let problem) = result else { Issue.record("accepted"); return }
        #expect(problem.message == "\(path)#/info/title: must be a string")
    }

    @Test("names: identical documents import once; colliding titles take their folder, whatever the order")
    func batchNames() throws {
        let files = [
            "maas/lb1816-summit-llm-aas/mistral-7b-instruct-v0.3.json", "maas/models-aas/mistral-7b-instruct-v0.3.json",
            "maas/lb1816-summit-llm-aas/nomic-embed-text-v1.5.json", "maas/models-aas/nomic-embed-text-v1.5.json",
            "maas/models-aas/docling.json",
        ]
        let candidates = try files.map { file in
            let text = try Fixtures.text(file)
            return ImportBatch.Candidate(
                source: file, folder: ImportBatch.folder(of: file), text: text,
                name: JSONValue.parse(text)?["info"]?["title"]?.stringValue ?? "")
        }
        let assigned = ImportBatch.assign(candidates)
        #expect(assigned[0] == .product(
            name: "Mistral-7B-Instruct-v0.3 (lb1816-summit-llm-aas)", systemName: "mistral_7b_instruct_v0_3_lb1816_summit_llm_aas",
            note: "its name collides with maas/models-aas/mistral-7b-instruct-v0.3.json: suffixed with its folder lb1816-summit-llm-aas"))
        guard case .product(_, let second, _) = assigned[1] else { Issue.record("\(assigned[1])"); return }
        #expect(second == "mistral_7b_instruct_v0_3_models_aas")
        #expect(assigned[2] == .product(name: "Nomic-embed-text-v1.5", systemName: "nomic_embed_text_v1_5", note: nil))
        #expect(assigned[3] == .sameDocument(as: 2))
        #expect(assigned[4] == .product(name: "Docling", systemName: "docling", note: nil))

        let reversed = ImportBatch.assign(candidates.reversed())
        #expect(Array(reversed.reversed())[0] == assigned[0] && Array(reversed.reversed())[1] == assigned[1])
    }

    @Test("system names are valid for 3scale whatever the title or operationId")
    func systemNames() {
        #expect(ImportNaming.systemName("TinyLlama-1.1B-Chat-v1.0 ") == "tinyllama_1_1b_chat_v1_0")
        #expect(ImportNaming.systemName("Ω") == "api")
        #expect(ImportNaming.systemName("A") == "a_api")
        #expect(ImportNaming.systemName(String(repeating: "x", count: 400)).count == 255)
        #expect(ImportNaming.methodSystemName(OpenAPIOperation(httpMethod: "POST", path: "/v1/x", operationID: "createChatCompletion2V1"))
            == "create_chat_completion2_v1")
        var taken: Set<String> = ["hits"]
        #expect(ImportNaming.unique("hits", taken: &taken) == "hits_2")
        #expect(ImportNaming.unique(String(repeating: "y", count: 255), taken: &taken).count == 255)
        #expect(ImportNaming.unique(String(repeating: "y", count: 255), taken: &taken).hasSuffix("_2"))
    }

    @Test("a removed operation's method is deleted after the deploy that drops its rule, not before")
    func methodDeletesAfterDeploy() throws {
        var server = InMemory3scale()
        let gateway = DocumentServers.Gateway()
        let full = try Self.translate("import/swagger2-models.json", settings: ImportSettings(backend: .url("http://m"), promote: true))
        server.apply(try Planner.plan(full.resources, state: server.state, documents: full.documents(gateway: gateway)))

        guard case .object(var document) = full.document, case .object(var paths)? = document["paths"] else {
            Issue.record("not an object"); return
        }
        paths["/v1/completions"] = nil
        document["paths"] = .object(paths)
        for promote in [true, false] {
            let changed = try ImportTranslator.translate(
                .object(document), source: "changed.json", name: "API", systemName: "api",
                settings: ImportSettings(backend: .url("http://m"), promote: promote))
            let plan = try Planner.plan(changed.resources, state: server.state, documents: changed.documents(gateway: gateway))
            let lines = plan.lines.filter { !$0.hasPrefix("update API doc") }
            // Without a promotion, production keeps counting the method: 3scale refuses its delete until then.
            #expect(lines == (promote ? [
                "delete mapping rule POST /v1/completions$ of product api",
                "deploy product api to staging",
                "promote the latest staging config of product api to production",
                "delete method create_completion of product api",
            ] : [
                "delete mapping rule POST /v1/completions$ of product api",
                "delete method create_completion of product api",
            ]), "\(plan.lines)")
        }
    }
}
