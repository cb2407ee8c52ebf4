import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Shell

/// `maas test --junit`: well-formed XML whatever the answers held, with the counts CI reads.
@Suite struct JUnitReportTests {
    static func result(_ script: String, _ expectations: [ExpectationResult], error: String? = nil) -> ScriptTestResult {
        var tally = ExpectationTally()
        for expectation in expectations { tally.add(expectation) }
        let result: ScriptTestResult.Result = error.map { .error($0) } ?? (tally.failed > 0 ? .fail : .pass)
        return ScriptTestResult(script: script, tally: tally, result: result, duration: .milliseconds(1500), output: "out <&>\u{1B}[31m", errors: "")
    }

    @Test func countsCasesFailuresAndErrorsAndEscapesHostileText() throws {
        let hostile = "answer: <b>\"5 & 6\"</b> \u{0}\u{7}\u{1B}]0;title\u{7}\u{9B}done"
        let results = [
            Self.result("a.maas", [
                ExpectationResult(file: "a.maas", line: 3, expectation: "expect contains <x>"),
                ExpectationResult(file: "a.maas", line: 4, expectation: "expect json", failure: hostile),
            ]),
            Self.result("b.maas", [ExpectationResult(file: "b.maas", line: 1, expectation: "expect status 404")],
                        error: "b.maas:2: refused\nsecond line"),
        ]
        let xml = JUnitReport.xml(results)
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!xml.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        let document = try XMLDocument(data: Data(xml.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["a.maas", "b.maas"])
        let cases = suites[0].elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ["a.maas:3 expect contains <x>", "a.maas:4 expect json"])
        let failure = try #require(cases[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "answer: <b>\"5 & 6\"</b> ]0;titledone")
        #expect(suites[0].elements(forName: "system-out").first?.stringValue == "out <&>[31m")
        let error = try #require(suites[1].elements(forName: "testcase").last?.elements(forName: "error").first)
        #expect(error.attribute(forName: "message")?.stringValue == "b.maas:2: refused\nsecond line")
    }

    @Test func aScriptsCapturedOutputIsCutAtItsLimitOnACharacter() {
        let sink = BoundedCapturingSink(limit: 10)
        sink.write("12345678")
        sink.write("é€x")
        sink.write("more")
        #expect(sink.text == "12345678é\n[output cut at 10 bytes]\n")
    }
}
