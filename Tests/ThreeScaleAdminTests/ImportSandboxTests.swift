import Foundation
import Sandbox
import Testing
import Untrusted

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import ThreeScaleAdmin

/// `product import` against a sandbox: the labs' documents become products that answer
/// through their gateways, and importing again plans only what changed.
@Suite("Import against a sandbox", .serialized)
struct ImportSandboxTests {
    static let labDocuments = [
        "etx-serving-at-scale/llama70b-chat.json",
        "lb1816-summit-llm-aas/granite-3dot2-8b-instruct.json", "lb1816-summit-llm-aas/granite-8b-code-instruct.json",
        "lb1816-summit-llm-aas/mistral-7b-instruct-v0.3.json", "lb1816-summit-llm-aas/nomic-embed-text-v1.5.json",
        "lb1816-summit-llm-aas/tinyllama-1dash1b-chat-v1dot0.json",
        "models-aas/docling.json", "models-aas/granite-3-8b-instruct.json", "models-aas/granite-8b-code-instruct.json",
        "models-aas/mistral-7b-instruct-v0.3.json", "models-aas/nomic-embed-text-v1.5.json",
    ].map { ImportSource.file(path: Fixtures.path("maas/\($0)")) }

    /// POSTs (or GETs) through a gateway with the key as the lab sends it; the status.
    static func call(_ url: String, path: String, key: String, body: String?) async throws -> Int {
        var request = URLRequest(url: try #require(URL(string: url + path)))
        request.httpMethod = body == nil ? "GET" : "POST"
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (_, response) = try await URLSession.shared.data(for: request)
        return try #require(response as? HTTPURLResponse).statusCode
    }

    @Test("the eleven lab documents import in one call, answer with a new application's key, and import again as nothing")
    func labDocumentsImport() async throws {
        try await SandboxAdmin.with { client, endpoints in
            let settings = ImportSettings(backend: .url(endpoints.modelURL), promote: true)
            let importer = ProductImporter(client: client)
            let outcomes = await importer.run(Self.labDocuments, settings: settings, dryRun: false)
            #expect(outcomes.filter(\.failed).isEmpty, "\(outcomes.filter(\.failed))")
            #expect(outcomes.filter { if case .sameDocument = $0.status { true } else { false } }.count == 1)
            let products = outcomes.compactMap(\.product)
            #expect(products.count == 10 && Set(products).count == 10)
            #expect(outcomes.filter { !$0.actions.isEmpty }.count == 10)

            for product in products {
                let issued = try await client.issueApplication(
                    account: .id(endpoints.developerAccountID), product: .name(product), plan: nil, name: "import check")
                let key = try #require(issued.application.userKey)
                let gateway = try #require(issued.gateway.production)
                let status: Int
                if product == "docling" {
                    status = try await Self.call(gateway, path: "/health", key: key, body: nil)
                } else if product.hasPrefix("nomic") {
                    status = try await Self.call(gateway, path: "/v1/embeddings", key: key,
                        body: #"{"model":"\#(endpoints.modelName)","input":"hello"}"#)
                } else {
                    status = try await Self.call(gateway, path: "/v1/completions", key: key,
                        body: #"{"model":"\#(endpoints.modelName)","prompt":"Hello","max_tokens":4}"#)
                }
                #expect(status == 200, "\(product)")
            }

            let again = await importer.run(Self.labDocuments, settings: settings, dryRun: true)
            #expect(again.filter(\.failed).isEmpty)
            for outcome in again where !outcome.actions.isEmpty { Issue.record("\(outcome.source): \(outcome.actions.map(\.summary))") }
            #expect(again.map(\.product) == outcomes.map(\.product))

            // export (product with its backend, and its API doc) → apply -f plans nothing.
            let fetcher = StateFetcher(client: client)
            for product in products {
                let state = try await fetcher.fetch(products: [product], backends: [], activeDocs: true)
                let id = try #require(state.product(product)?.service.id)
                let doc = try #require(state.activeDocs.first { $0.serviceID == id })
                let set = ResourceSet(
                    try Exporter.resources(kind: .product, name: product, from: state, withBackends: true)
                        + Exporter.resources(kind: .activedoc, name: doc.systemName, from: state), file: "export.yaml")
                // The exported Secret's body as `apply -f` loads it (its check is OpenAPIDocumentCheck's tests').
                let secret = try #require(set.secrets.first?.metadata.name)
                let documents = [doc.systemName: try #require(set.soleSecretValue(name: secret))]
                let plan = try Planner.plan(set, state: try await fetcher.fetch(for: set), documents: documents)
                #expect(plan.isEmpty, "\(product): \(plan.lines)")
            }
        }
    }

    @Test("a changed document plans exactly the difference; a refused one fails alone, with its pointer")
    func changedDocument() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = Fixtures.path("maas/etx-serving-at-scale/llama70b-chat.json")
        guard case .object(var document)? = JSONValue.parse(try Fixtures.text("maas/etx-serving-at-scale/llama70b-chat.json")),
              case .object(var paths)? = document["paths"]
        else { Issue.record("the fixture is not a JSON object"); return }
        paths["/v1/embeddings"] = nil
        document["paths"] = .object(paths)
        let changed = folder.appendingPathComponent("llama70b-chat.json").path
        try JSONValue.object(document).jsonText.write(toFile: changed, atomically: true, encoding: .utf8)
        let refused = folder.appendingPathComponent("refused.json").path
        try #"{"openapi":"3.0.3","info":{"title":"Refused"},"paths":{"/a":{"get":"no"}}}"#.write(toFile: refused, atomically: true, encoding: .utf8)

        try await SandboxAdmin.with { client, endpoints in
            let settings = ImportSettings(backend: .url(endpoints.modelURL), promote: true)
            let importer = ProductImporter(client: client)
            let first = await importer.run([.file(path: original)], settings: settings, dryRun: false)
            #expect(first.first?.product == "llama_3_70b" && first.first?.failed == false)

            let planned = await importer.run([.file(path: changed), .file(path: refused)], settings: settings, dryRun: true)
            // The API doc's body is the document: its change is part of the difference.
            #expect(planned[0].actions.map { $0.summary.hasPrefix("update API doc") ? "update API doc" : $0.summary } == [
                "delete mapping rule POST /v1/embeddings$ of product llama_3_70b",
                "update API doc",
                "deploy product llama_3_70b to staging",
                "promote the latest staging config of product llama_3_70b to production",
                // Last: 3scale refuses it while the deployed configs count it.
                "delete method create_embedding_v1_embeddings_post of product llama_3_70b",
            ])
            #expect(planned[0].actions.first { $0.summary.hasPrefix("update API doc") }?.summary.hasPrefix("update API doc llama370b: body:") == true)
            guard case .failed(let message) = planned[1].status else { Issue.record("\(planned[1])"); return }
            #expect(message.hasPrefix("\(refused)#/paths/~1a: "), "\(message)")

            let applied = await importer.run([.file(path: changed)], settings: settings, dryRun: false)
            #expect(applied[0].actions.count == 5 && !applied[0].failed, "\(applied[0].status)")
            let again = await importer.run([.file(path: changed)], settings: settings, dryRun: true)
            #expect(again[0].actions.isEmpty && !again[0].failed, "\(again[0].status)")
        }
    }

    @Test("a listing that started before a create does not hide the created object")
    func nameCacheKeepsCreated() async {
        let cache = NameCache()
        await cache.remember("new", id: 7, in: "product")
        await cache.store([("old", 1)], in: "product")
        #expect(await cache.id("new", in: "product") == 7)
        #expect(await cache.id("old", in: "product") == 1)
        await cache.forget(scope: "product")
        await cache.store([("old", 1)], in: "product")
        #expect(await cache.id("new", in: "product") == nil)
    }
}
