import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `examples/prompts.maas` and `maas test`, run by the binary against the sandbox's model.
@Suite(.serialized) struct PromptTestTests {
    /// The example as shipped, in the package beside this file's folder.
    static var example: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("examples/prompts.maas"), encoding: .utf8)
        }
    }

    static func expectations(in script: String) -> Int {
        script.split(separator: "\n").count { $0.hasPrefix("expect ") }
    }

    @Test func theExamplePassesAsAScriptAndUnderTest() async throws {
        let example = try Self.example
        let count = Self.expectations(in: example)
        #expect(count >= 7)
        for kind in ["contains", "not-contains", "matches", "json", "tokens", "ttft", "status"] {
            #expect(example.split(separator: "\n").contains { $0 == "expect \(kind)" || $0.hasPrefix("expect \(kind) ") },
                    "the example shows expect \(kind)")
        }
        try await ConsumerVerbTests.withModel { fixture, _ in
            try fixture.write("prompts.maas", example)
            let script = try await fixture.run(["prompts.maas"])
            #expect(script.status == 0)
            #expect(script.err.hasSuffix("\(count) passed, 0 failed\n"))
            #expect(!script.err.contains("error"))
            let test = try await fixture.run(["test", "prompts.maas"])
            #expect(test.status == 0)
            let row = test.out.split(separator: "\n").first { $0.hasPrefix("prompts.maas ") }
            #expect(row.map { Array($0.split(separator: " ").prefix(4)) } == ["prompts.maas", "\(count)", "0", "pass"])
            #expect(test.out.contains("\n\(count) passed, 0 failed (1 script, "))
        }
    }

    @Test func aChangedExpectationFailsWithItsPlaceAndJUnitCountsIt() async throws {
        let example = try Self.example
        let count = Self.expectations(in: example)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        let changed = try #require(lines.firstIndex(of: "expect contains city"))
        var broken = lines
        broken[changed] = "expect contains Berlin"
        try await ConsumerVerbTests.withModel { fixture, _ in
            try fixture.write("prompts.maas", example)
            try fixture.write("broken.maas", broken.joined(separator: "\n"))
            try fixture.write("stops.maas", "echo hi\nprofile use missing\nexpect contains x\n")
            let failure = "broken.maas:\(changed + 1): expectation failed: expect contains Berlin — answer: "
            let script = try await fixture.run(["broken.maas"])
            #expect(script.status == 1)
            #expect(script.err.contains(failure))
            #expect(script.err.hasSuffix("\(count - 1) passed, 1 failed\n"))

            let test = try await fixture.run(["test", "*.maas", "--jobs", "2", "--junit", "report.xml"])
            #expect(test.status == 1)
            #expect(test.out.hasPrefix(failure))
            #expect(test.out.contains("stops.maas:2: no profile named 'missing'"))
            #expect(test.out.contains("error: stops.maas:2: no profile named 'missing'"))
            #expect(test.out.contains("\(2 * count - 1) passed, 1 failed (3 scripts, 1 stopped by an error, "))

            let document = try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: fixture.work + "/report.xml")))
            let root = try #require(document.rootElement())
            #expect(root.attribute(forName: "tests")?.stringValue == "\(2 * count + 1)")
            #expect(root.attribute(forName: "failures")?.stringValue == "1")
            #expect(root.attribute(forName: "errors")?.stringValue == "1")
            let suites = root.elements(forName: "testsuite")
            #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["broken.maas", "prompts.maas", "stops.maas"])
            let failed = suites[0].elements(forName: "testcase").filter { !$0.elements(forName: "failure").isEmpty }
            #expect(failed.map { $0.attribute(forName: "name")?.stringValue } == ["broken.maas:\(changed + 1) expect contains Berlin"])

            let json = try await fixture.run(["test", "prompts.maas", "-o", "json"])
            #expect(json.status == 0)
            let view = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
            #expect(view?["passed"] as? Int == count)
            #expect(view?["failed"] as? Int == 0)
        }
    }
}
