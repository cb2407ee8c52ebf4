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
}
