import Foundation
import Testing

@testable import ThreeScaleAdmin

@Suite("Resource files")
struct ResourceCodecTests {
    @Test("the seed's four resources decode and validate as written (URL filled in)")
    func seedDecodes() throws {
        let set = try Fixtures.seed()
        #expect(set.resources.map(\.kind) == ["Backend", "Product", "ActiveDoc", "ProxyConfigPromote"])
        let backend = try #require(set.backends.first)
        #expect(backend.spec.effectiveSystemName == "llama70b")
        let product = try #require(set.products.first)
        #expect(product.spec.methods?.count == 8)
        #expect(product.spec.mappingRules?.map(\.pattern) == ProductPreset.vllmEndpoints.map(\.pattern))
        #expect(product.spec.policies?.map(\.name) == ["cors", "remove-bearer", "apicast", "upstream_connection"])
        #expect(product.spec.deployment?.authentication?.userkey?.authUserKey == "Authorization")
        #expect(product.spec.applicationPlans?["standard"]?.published == true)
        let doc = try #require(set.activeDocs.first)
        #expect(doc.metadata.labels?["app.kubernetes.io/instance"] == "3scale")
        #expect(doc.spec.skipSwaggerValidations == true)
        #expect(set.promotes.first?.spec.production == true)
    }

    @Test("the seed as printed keeps its URL placeholder, which validation points at")
    func seedPlaceholder() throws {
        let error = #expect(throws: ResourceErrors.self) {
            try ResourceCodec.load(path: Fixtures.path("seed-as-written.yaml"))
        }
        let issue = try #require(error?.issues.first)
        #expect(error?.issues.count == 1)
        #expect(issue.document == 1)
        #expect(issue.kind == "Backend" && issue.name == "llama70b")
        #expect(issue.field == "spec.privateBaseURL")
        #expect(issue.line == 9)
        #expect(issue.description.contains("seed-as-written.yaml: document 1 (Backend llama70b): spec.privateBaseURL (line 9)"))
        #expect(issue.message.contains("your url goes here"))
    }

    /// Replaces one line of the seed and returns the single issue it causes.
    func issue(replacing old: String, with new: String) throws -> ResourceIssue? {
        let text = try Fixtures.text("seed.yaml")
        #expect(text.contains(old))
        do {
            _ = try ResourceCodec.load(yaml: text.replacingOccurrences(of: old, with: new), file: "broken.yaml")
            Issue.record("no error for \(new)")
            return nil
        } catch {
            #expect(error.issues.count == 1, "\(error)")
            return error.issues.first
        }
    }

    @Test("a broken Backend names document 1 and the field")
    func brokenBackend() throws {
        let issue = try #require(try issue(replacing: "  name: LLama70B\n  privateBaseURL", with: "  privateBaseURL"))
        #expect(issue.document == 1)
        #expect(issue.field == "spec.name")
        #expect(issue.message == "required field is missing")
        #expect(issue.line == 7)
    }

    @Test("a broken Product names document 2, the rule and its line")
    func brokenProduct() throws {
        let issue = try #require(try issue(replacing: "    - httpMethod: POST\n      increment: 1\n      metricMethodRef: tokenize",
            with: "    - httpMethod: FETCH\n      increment: 1\n      metricMethodRef: tokenize"))
        #expect(issue.document == 2)
        #expect(issue.kind == "Product")
        #expect(issue.field == "spec.mappingRules[1].httpMethod")
        #expect(issue.line == 39)
        #expect(issue.message.contains("must be one of GET, HEAD, POST"))
    }

    @Test("a Product with both deployments breaks the exactly-one-of rule")
    func productOneOf() throws {
        let issue = try #require(try issue(replacing: "  deployment:\n    apicastHosted:",
            with: "  deployment:\n    apicastSelfManaged: {}\n    apicastHosted:"))
        #expect(issue.field == "spec.deployment")
        #expect(issue.message.contains("exactly one"))
    }

    @Test("a mapping rule pointing at an unknown method is caught")
    func unknownMetricRef() throws {
        let issue = try #require(try issue(replacing: "metricMethodRef: embeddings", with: "metricMethodRef: embedding"))
        #expect(issue.field == "spec.mappingRules[7].metricMethodRef")
        #expect(issue.message.contains("embedding is neither a metric nor a method"))
    }

    @Test("a broken ActiveDoc names document 3")
    func brokenActiveDoc() throws {
        let issue = try #require(try issue(replacing: "  systemName: llama70b\n---\nkind: ProxyConfigPromote",
            with: "  systemName: Llama_70B\n---\nkind: ProxyConfigPromote"))
        #expect(issue.document == 3)
        #expect(issue.field == "spec.systemName")
        #expect(issue.message.contains("^[a-z0-9]+$"))
    }

    @Test("a broken ProxyConfigPromote names document 4")
    func brokenPromote() throws {
        let issue = try #require(try issue(replacing: "  productCRName: llama70b", with: "  productCR: llama70b"))
        #expect(issue.document == 4)
        #expect(issue.field == "spec.productCRName")
        #expect(issue.message == "required field is missing")
    }

    @Test("mistyped values and unknown fields are reported with their path")
    func typesAndTypos() throws {
        let typed = try #require(try issue(replacing: "      increment: 1\n      metricMethodRef: health", with: "      increment: one\n      metricMethodRef: health"))
        #expect(typed.field == "spec.mappingRules[0].increment")
        #expect(typed.message == "must be an integer")
        let typo = try #require(try issue(replacing: "  privateBaseURL:", with: "  privateBaseURL: 'http://x'\n  privateBaseUrl:"))
        #expect(typo.field == "spec.privateBaseUrl")
        #expect(typo.message.contains("unknown field"))
    }

    @Test("unknown kinds and apiVersions are rejected with the document number")
    func unknownKind() throws {
        let yaml = """
            apiVersion: capabilities.3scale.net/v1beta1
            kind: Tenant
            metadata: {name: t}
            ---
            apiVersion: capabilities.3scale.net/v1alpha1
            kind: Backend
            metadata: {name: b}
            spec: {name: B, privateBaseURL: 'http://b'}
            """
        let error = #expect(throws: ResourceErrors.self) { try ResourceCodec.load(yaml: yaml, file: "x.yaml") }
        #expect(error?.issues.map(\.document) == [1, 2])
        #expect(error?.issues[0].message.contains("unknown kind Tenant") == true)
        #expect(error?.issues[1].field == "apiVersion")
    }

    @Test("a kind: List is read item by item")
    func list() throws {
        let yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: capabilities.3scale.net/v1beta1
              kind: Backend
              metadata: {name: b}
              spec: {name: B, privateBaseURL: 'http://b'}
            - apiVersion: capabilities.3scale.net/v1beta1
              kind: ProxyConfigPromote
              metadata: {name: p}
              spec: {productCRName: 7}
            """
        let error = #expect(throws: ResourceErrors.self) { try ResourceCodec.load(yaml: yaml, file: "list.yaml") }
        #expect(error?.issues.first?.item == 2)
        #expect(error?.issues.first?.field == "spec.productCRName")
        #expect(error?.issues.first?.message == "must be a string")
        let fixed = try ResourceCodec.load(yaml: yaml.replacingOccurrences(of: "productCRName: 7", with: "productCRName: b"), file: "list.yaml")
        #expect(fixed.resources.map(\.kind) == ["Backend", "ProxyConfigPromote"])
    }

    @Test("invalid YAML is one issue with its line")
    func invalidYAML() {
        let error = #expect(throws: ResourceErrors.self) { try ResourceCodec.decode(yaml: "kind: [Backend\nspec: x", file: "bad.yaml") }
        #expect(error?.issues.first?.message.hasPrefix("not valid YAML") == true)
        #expect(error?.issues.first?.line != nil)
    }

    @Test("encoded resources decode back to the same values")
    func roundTrip() throws {
        let set = try Fixtures.seed()
        let yaml = try ResourceCodec.encode(set.resources)
        let again = try ResourceCodec.load(yaml: yaml, file: "again.yaml")
        #expect(again.resources == set.resources)
        #expect(yaml.hasPrefix("---\napiVersion: capabilities.3scale.net/v1beta1\nkind: Backend\n"))
    }

    /// The single issue `yaml` gives, checked to be the only one.
    func onlyIssue(_ yaml: String) -> ResourceIssue? {
        let error = #expect(throws: ResourceErrors.self) { try ResourceCodec.load(yaml: yaml, file: "hostile.yaml") }
        #expect(error?.issues.count == 1, "\(String(describing: error))")
        return error?.issues.first
    }

    @Test("a billion-laughs file is refused at its first alias, before anything is expanded")
    func aliasBomb() throws {
        var bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n"
        for (name, previous) in zip("bcdefg", "abcdef") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(bomb.utf8.count < 520)
        let issue = try #require(onlyIssue(bomb))
        #expect(issue.line == 2)
        #expect(issue.description == "hostile.yaml: document 1 (line 2): aliases are not supported (*a: write the value out in full)")
        // An alias as a mapping key would be hashed whole while composing; a merge key is an alias too.
        #expect(onlyIssue("a: &a [x, x]\n? *a\n: y\n")?.message.hasPrefix("aliases are not supported") == true)
        #expect(onlyIssue("base: &base {x: 1}\nother:\n  <<: *base\n")?.line == 3)
    }

    static let deepTexts = [
        String(repeating: "[", count: 100_000),
        String(repeating: "{a: ", count: 100_000),
        String(repeating: "- ", count: 100_000) + "x",
        (0..<200).map { String(repeating: " ", count: 2 * $0) + "-\n" }.joined(),
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
        (0..<200).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(),
    ]

    @Test("nesting deeper than the limit is a clear error, not a crash", arguments: deepTexts.indices)
    func deepNesting(text: Int) throws {
        let issue = try #require(onlyIssue(Self.deepTexts[text]))
        #expect(issue.message == "nested too deeply (more than \(YAMLLimits.maxDepth) levels)")
        #expect(issue.line != nil)
    }

    @Test("size, documents and values are bounded")
    func bounds() throws {
        let big = "# " + String(repeating: "x", count: YAMLLimits.maxSize) + "\n"
        #expect(onlyIssue(big)?.message == "the file is larger than 16 MiB")
        let documents = String(repeating: "---\nkind: Backend\n", count: YAMLLimits.maxDocuments + 1)
        #expect(onlyIssue(documents)?.message == "more than \(YAMLLimits.maxDocuments) YAML documents")
        let values = "[" + String(repeating: "x,", count: YAMLLimits.maxNodes) + "]"
        #expect(onlyIssue(values)?.message == "more than \(YAMLLimits.maxNodes) YAML values")
    }

    @Test("a file that is not a regular file is refused without reading it")
    func notARegularFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("maas-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ResourceErrors.self) { try ResourceCodec.load(path: path) }
        #expect(error?.issues.first?.message == "not a regular file")
    }
}
