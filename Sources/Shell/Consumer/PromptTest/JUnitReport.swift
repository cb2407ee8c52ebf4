import Foundation

/// `maas test`'s results as JUnit XML, the format CI systems show: one <testsuite> a script,
/// one <testcase> an expectation (`FILE:LINE expect …`), a script's error as an <error>.
/// Model answers and server messages end up in it, so every text is escaped and stripped of
/// control characters (which XML 1.0 cannot carry and a CI page would show raw).
enum JUnitReport {
    static func xml(_ results: [ScriptTestResult]) -> String {
        let tests = results.reduce(0) { $0 + cases(of: $1) }
        let failures = results.reduce(0) { $0 + $1.tally.failed }
        let errors = results.count { if case .error = $0.result { true } else { false } }
        let time = results.reduce(Duration.zero) { $0 + $1.duration }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuites name="maas test" tests="\#(tests)" failures="\#(failures)" errors="\#(errors)" time="\#(seconds(time))">"# + "\n"
        for result in results { xml += suite(result) }
        xml += "</testsuites>\n"
        return xml
    }

    private static func cases(of result: ScriptTestResult) -> Int {
        result.tally.count + (error(of: result) == nil ? 0 : 1)
    }

    private static func error(of result: ScriptTestResult) -> String? {
        if case let .error(message) = result.result { message } else { nil }
    }

    private static func suite(_ result: ScriptTestResult) -> String {
        let name = attribute(result.script)
        let failed = result.tally.failed
        let errors = error(of: result) == nil ? 0 : 1
        var xml = #"  <testsuite name="\#(name)" tests="\#(cases(of: result))" failures="\#(failed)" errors="\#(errors)" time="\#(seconds(result.duration))">"# + "\n"
        for expectation in result.tally.results {
            let caseName = attribute("\(expectation.place) \(expectation.expectation)")
            xml += #"    <testcase name="\#(caseName)" classname="\#(name)""#
            if let failure = expectation.failure {
                xml += ">\n"
                xml += #"      <failure message="\#(attribute(failure))">\#(text(expectation.message))</failure>"# + "\n"
                xml += "    </testcase>\n"
            } else {
                xml += "/>\n"
            }
        }
        if let message = error(of: result) {
            xml += #"    <testcase name="\#(name)" classname="\#(name)">"# + "\n"
            xml += #"      <error message="\#(attribute(message))">\#(text(message))</error>"# + "\n"
            xml += "    </testcase>\n"
        }
        if !result.output.isEmpty { xml += "    <system-out>\(text(result.output))</system-out>\n" }
        if !result.errors.isEmpty { xml += "    <system-err>\(text(result.errors))</system-err>\n" }
        xml += "  </testsuite>\n"
        return xml
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", duration.seconds)
    }

    /// Element text: markup escaped, control characters other than newline and tab removed.
    static func text(_ value: String) -> String {
        escape(value, keepingLineBreaks: true)
    }

    /// An attribute value: as `text`, with newlines and tabs written as references (a parser
    /// would turn them into spaces) and quotes escaped.
    static func attribute(_ value: String) -> String {
        escape(value, keepingLineBreaks: false)
    }

    private static func escape(_ value: String, keepingLineBreaks: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += keepingLineBreaks ? "\n" : "&#10;"
            case "\t": result += keepingLineBreaks ? "\t" : "&#9;"
            default:
                // C0, DEL, C1, and the two non-characters XML forbids.
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
