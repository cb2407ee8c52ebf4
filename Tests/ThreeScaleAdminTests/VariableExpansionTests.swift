import Testing

@testable import ThreeScaleAdmin

/// `${NAME}` in `apply -f` files is filled in after the YAML is parsed, in values only.
@Suite("Variables in resource files")
struct VariableExpansionTests {
    static func backend(_ lines: String) -> String {
        """
        # Backend for ${UNSET_IN_COMMENT}: comments are never read
        apiVersion: capabilities.3scale.net/v1beta1
        kind: Backend
        metadata:
          name: model
        spec:
          name: Model
        \(lines)
        """
    }

    static func load(_ yaml: String, _ variables: [String: String]) throws(ResourceErrors) -> BackendSpec? {
        let set = try ResourceCodec.load(yaml: yaml, file: "lab.yaml", variables: VariableExpansion { variables[$0] })
        return set.backends.first?.spec
    }

    @Test func aValueIsFilledInAndACommentIsNotRead() throws {
        let spec = try Self.load(Self.backend("  privateBaseURL: ${MODEL_URL}/v1"), ["MODEL_URL": "http://127.0.0.1:8000"])
        #expect(spec?.privateBaseURL == "http://127.0.0.1:8000/v1")
    }

    @Test(arguments: ["a\nb: c", "{x: 1}", "[1, 2]", "x\n---\nkind: Product", "'quoted' # not a comment"])
    func aValueCannotAddYAMLStructure(_ value: String) throws {
        let spec = try Self.load(Self.backend("  privateBaseURL: http://model\n  description: ${TEXT}"), ["TEXT": value])
        #expect(spec?.description == value)
    }

    @Test func aQuotedPlaceholderStaysAStringAndAPlainOneReadsAsWritten() throws {
        let yaml = Self.backend("""
              privateBaseURL: http://model
              description: '${N}'
              mappingRules:
                - httpMethod: GET
                  pattern: /v1/models
                  metricMethodRef: hits
                  increment: ${N}
            """)
        let spec = try Self.load(yaml, ["N": "3"])
        #expect(spec?.description == "3")
        #expect(spec?.mappingRules?.first?.increment == 3)
    }

    @Test func anUndefinedVariableIsAnErrorNamingItsLine() {
        let error = #expect(throws: ResourceErrors.self) {
            try Self.load(Self.backend("  privateBaseURL: ${MODEL_URL}"), [:])
        }
        let issue = error?.issues.first
        #expect(error?.issues.count == 1)
        #expect(issue?.line == 8)
        #expect(issue?.field == "spec.privateBaseURL")
        #expect(issue?.message == "undefined variable ${MODEL_URL} (define it with `set MODEL_URL VALUE` or export it)")
    }

    @Test func anUnclosedPlaceholderIsAnError() {
        let error = #expect(throws: ResourceErrors.self) {
            try Self.load(Self.backend("  privateBaseURL: http://${HOST"), ["HOST": "h"])
        }
        #expect(error?.issues.first?.message == "missing '}' after '${'")
    }

    /// A key names a field: filling one in would let a variable choose what is set.
    @Test func keysAreNotFilledIn() {
        let error = #expect(throws: ResourceErrors.self) {
            try Self.load(Self.backend("  privateBaseURL: http://model\n  ${FIELD}: x"), ["FIELD": "description"])
        }
        #expect(error?.issues.first?.message == "${…} is filled in only in values, not in keys")
        #expect(error?.issues.first?.field == "spec.${FIELD}")
    }

    @Test func aValueHoldingAPlaceholderIsNotFilledInAgain() throws {
        let spec = try Self.load(Self.backend("  privateBaseURL: http://model\n  description: ${A}"), ["A": "${B}", "B": "no"])
        #expect(spec?.description == "${B}")
    }

    @Test func withoutVariablesThePlaceholderIsKeptAsWritten() throws {
        let set = try ResourceCodec.load(yaml: Self.backend("  privateBaseURL: http://model\n  description: ${A}"), file: "lab.yaml")
        #expect(set.backends.first?.spec.description == "${A}")
    }
}
