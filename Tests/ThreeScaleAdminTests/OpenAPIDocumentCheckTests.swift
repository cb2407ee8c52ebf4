import Foundation
import Testing
import Untrusted

@testable import ThreeScaleAdmin

/// The one OpenAPI check that `doc create` and `apply -f` share: what it accepts, and
/// where and why it refuses (the source, a JSON pointer, a reason).
@Suite struct OpenAPIDocumentCheckTests {
    /// A document and what the check must say: nil to accept it, else the refusal's text.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var text: String
        var refusal: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "valid OpenAPI 3.0 (JSON)", file: "v30.json", text: """
            {"openapi":"3.0.3","info":{"title":"Chat","version":"1"},
             "paths":{"/v1/models":{"get":{"responses":{"200":{"description":"the models"}}}}}}
            """, refusal: nil),
        Case(name: "valid OpenAPI 3.1 (YAML)", file: "v31.yaml", text: """
            openapi: 3.1.0
            info:
              title: Chat
              version: '1'
            paths:
              /v1/models:
                get:
                  responses:
                    '200':
                      description: the models
            """, refusal: nil),
        Case(name: "Swagger 2.0", file: "v2.yaml", text: """
            swagger: "2.0"
            info: {title: Old, version: "1"}
            paths:
              /v1/models: {get: {responses: {"200": {description: ok}}}}
            """, refusal: nil),
        Case(name: "not OpenAPI at all", file: "product.yaml", text: "kind: Product\nspec: {name: x}\n",
             refusal: "product.yaml: not an OpenAPI document: it has neither `openapi: 3.x` nor `swagger: \"2.0\"` at the top"),
        Case(name: "missing info.title", file: "untitled.json", text: #"{"openapi":"3.0.3","info":{"version":"1"},"paths":{}}"#,
             refusal: "untitled.json#/info/title: "),
        Case(name: "paths not an object", file: "listed.json", text: #"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":[]}"#,
             refusal: "listed.json#/paths: "),
        Case(name: "invalid YAML", file: "broken.yaml", text: "openapi: 3.0.3\ninfo: {title: [unclosed\npaths: {}\n",
             refusal: "broken.yaml: line "),
        Case(name: "Swagger 2.0 without a title", file: "v2.json", text: #"{"swagger":"2.0","info":{"version":"1"},"paths":{}}"#,
             refusal: "v2.json#/info/title: required field is missing"),
        Case(name: "Swagger 2.0 with paths as a list", file: "v2.json", text: #"{"swagger":"2.0","info":{"title":"t"},"paths":[]}"#,
             refusal: "v2.json#/paths: must be an object"),
        Case(name: "an OpenAPI version maas does not read", file: "v4.json", text: #"{"openapi":"4.0.0","info":{"title":"t"},"paths":{}}"#,
             refusal: "v4.json#/openapi: OpenAPI 4.0.0 is not supported"),
        Case(name: "a YAML number where a string belongs", file: "number.yaml",
             text: "openapi: 3.0.3\ninfo: {title: t, version: 1.0}\npaths: {}\n", refusal: "number.yaml#/info/version: "),
        Case(name: "an operation with a bad response", file: "op.json", text: """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/v1/models":{"get":{"responses":{"200":"ok"}}}}}
            """, refusal: "op.json#/paths/~1v1~1models/get/responses/200: "),
    ]

    @Test(arguments: cases)
    func theCheckAcceptsOrRefusesWithSourcePointerAndReason(_ example: Case) {
        do {
            let checked = try OpenAPIDocumentCheck.check(example.text, source: example.file)
            #expect(example.refusal == nil, "accepted: \(checked.version)")
            #expect(JSONValue.parse(checked.json) != nil)
        } catch {
            guard let expected = example.refusal else {
                Issue.record("refused: \(error)")
                return
            }
            #expect(error.description.hasPrefix(expected), "\(error)")
            #expect(!error.reason.isEmpty)
        }
    }

    /// `apply -f` reads the document through an ActiveDoc; it must reach the same verdict, word for word.
    @Test(arguments: cases)
    func applyGivesTheSameVerdict(_ example: Case) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + example.file
        try example.text.write(toFile: path, atomically: true, encoding: .utf8)
        let set = try ResourceCodec.load(yaml: """
            apiVersion: capabilities.3scale.net/v1beta1
            kind: ActiveDoc
            metadata: {name: doc}
            spec:
              name: doc
              activeDocOpenAPIRef: {url: \(path)}
            """, file: folder + "/docs.yaml")
        let client = try AdminClient(configuration: AdminConfiguration(adminURL: "https://unused.example", accessToken: "t"))
        defer { Task { try? await client.shutdown() } }
        let direct = Result { () throws(OpenAPIDocumentCheck.Refusal) in try OpenAPIDocumentCheck.check(example.text, source: path) }
        do {
            let bodies = try await DocumentLoader.load(set, client: client)
            #expect(bodies["doc"] == (try? direct.get())?.json)
        } catch {
            guard case .failure(let refusal) = direct else {
                Issue.record("apply refused what doc create accepts: \(error)")
                return
            }
            #expect(error.issues.map(\.message) == [refusal.description])
        }
    }

    @Test func theLabsDocumentsAreAccepted() throws {
        let documents = Fixtures.testsDirectory.appendingPathComponent("Fixtures/openapi")
        var names = try FileManager.default.contentsOfDirectory(atPath: documents.path).filter { $0.hasSuffix(".json") }.sorted()
        names = names.map { documents.appendingPathComponent($0).path }
        names.append(Fixtures.testsDirectory.deletingLastPathComponent().appendingPathComponent("SandboxTests/Fixtures/llama70b-chat.json").path)
        #expect(names.count == 6)
        for path in names {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                let checked = try OpenAPIDocumentCheck.check(text, source: path)
                #expect(checked.version == "OpenAPI 3.0.3")
                #expect(checked.json == text, "a JSON document is uploaded as written")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func aYAMLDocumentWithAliasesIsRefusedBeforeItIsExpanded() {
        #expect(throws: OpenAPIDocumentCheck.Refusal(source: "api.yaml", line: 4, reason: "aliases are not supported (*a: write the value out in full)")) {
            try OpenAPIDocumentCheck.check("openapi: 3.0.0\ninfo: {title: t}\na: &a [x, x]\nb: [*a, *a]\npaths: {}\n", source: "api.yaml")
        }
    }

    @Test func aYAMLDocumentIsUploadedAsJSON() throws {
        let checked = try OpenAPIDocumentCheck.check(Self.cases[1].text, source: "v31.yaml")
        #expect(JSONValue.parse(checked.json)?["openapi"] == .string("3.1.0"))
        #expect(checked.title == "Chat")
        #expect(checked.version == "OpenAPI 3.1.0")
    }

    /// OpenAPIKit's time grows steeply with depth; JSON gets the depth limit YAML has.
    @Test func jsonNestedDeeperThanYAMLMayBeIsRefusedBeforeDecoding() {
        let nested = String(repeating: #"{"items":"#, count: 70) + "{}" + String(repeating: "}", count: 70)
        let text = #"{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"a":\#(nested)}}}"#
        let error = #expect(throws: OpenAPIDocumentCheck.Refusal.self) { try OpenAPIDocumentCheck.check(text, source: "deep.json") }
        #expect(error?.reason == "nested too deeply (more than 64 levels)")
        #expect(error?.pointer == "/components/schemas/a" + String(repeating: "/items", count: 61))
    }

    @Test func pointersEscapeSlashAndTilde() {
        #expect(OpenAPIDocumentCheck.pointer(["paths", "/v1/models", "a~b"]) == "/paths/~1v1~1models/a~0b")
    }

    @Test func documentsOverTheSizeLimitAreRefusedUnread() {
        let huge = String(repeating: " ", count: OpenAPIDocumentCheck.maxSize + 1)
        #expect(throws: OpenAPIDocumentCheck.Refusal(source: "huge.json", reason: "larger than 16 MiB")) {
            try OpenAPIDocumentCheck.check(huge, source: "huge.json")
        }
    }
}
