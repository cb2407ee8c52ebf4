/// What `maas test` prints: each script's failures, a table of scripts, a total line;
/// or, with `-o json|yaml`, the same results as data.
struct TestReport {
    let results: [ScriptTestResult]
    /// The whole run, scripts side by side.
    let elapsed: Duration

    struct ExpectationView: Encodable {
        var line: Int?
        var expectation: String
        var passed: Bool
        var failure: String?
    }

    struct ScriptView: Encodable {
        var script: String
        var passed: Int
        var failed: Int
        var result: String
        var error: String?
        var seconds: Double
        var expectations: [ExpectationView]
    }

    struct View: Encodable {
        var passed: Int
        var failed: Int
        var errors: Int
        var scripts: [ScriptView]
    }

    var passed: Int { results.reduce(0) { $0 + $1.tally.passed } }
    var failed: Int { results.reduce(0) { $0 + $1.tally.failed } }
    var errors: Int { results.count { if case .error = $0.result { true } else { false } } }

    /// `N passed, N failed`, as a script's own tally says it, then the scripts.
    var total: String {
        let scripts = "\(results.count) script\(results.count == 1 ? "" : "s")"
        let errorNote = errors > 0 ? ", \(errors) stopped by an error" : ""
        return "\(passed) passed, \(failed) failed (\(scripts)\(errorNote), \(AnswerStats.format(elapsed)))"
    }

    func emit(to context: CommandContext) throws {
        let output = context.output
        guard (context.options.output ?? .table) == .table else {
            try context.renderer.emit(view, table: Table(columns: [], rows: []))
            return
        }
        for result in results where result.result != .pass {
            for expectation in result.tally.results where !expectation.passed { output.print(expectation.message) }
            if case let .error(message) = result.result { output.print(message) }
        }
        let rows = results.map { result in
            [result.script, "\(result.tally.passed)", "\(result.tally.failed)", Expectation.firstLine(result.resultText, limit: 72), AnswerStats.format(result.duration)]
        }
        output.write(Table(columns: ["SCRIPT", "PASSED", "FAILED", "RESULT", "TIME"], rows: rows).render())
        let ok = failed == 0 && errors == 0
        output.print(output.style(total, ok ? .green : .red))
    }

    var view: View {
        View(passed: passed, failed: failed, errors: errors, scripts: results.map { result in
            var error: String?
            if case let .error(message) = result.result { error = message }
            return ScriptView(
                script: result.script, passed: result.tally.passed, failed: result.tally.failed, result: result.resultText,
                error: error, seconds: result.duration.seconds,
                expectations: result.tally.results.map {
                    ExpectationView(line: $0.line, expectation: $0.expectation, passed: $0.passed, failure: $0.failure)
                })
        })
    }
}
