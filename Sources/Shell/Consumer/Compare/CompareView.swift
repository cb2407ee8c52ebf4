import ModelGateway

/// What `compare` prints when a round is over: the answers (columns, or stacked) and the
/// figures table; or, with `-o json|yaml`, each target's answer and figures.
struct CompareView {
    let targets: [CompareTarget]
    /// Every target's results, one per run.
    let results: [[StreamPrinter.Result]]

    struct Record: Encodable {
        var target: String
        var profile: String
        var gateway: String
        var model: String
        var answer: String
        var answers: [String]?
        var tokens: Int
        var ttft_ms: Double?
        var tokens_per_second: Double?
        var total_ms: Double
        var status: Int?
        var error: String?
        var partial: Bool
        var runs: Int
        var identical: Bool?
    }

    var figures: [CompareFigures] { results.map(CompareFigures.init) }

    /// The columns: the last run's answers, a failure's message under what arrived.
    var columns: [SideBySide.Column] {
        zip(targets, results).map { target, runs in
            let last = runs.last ?? StreamPrinter.Result()
            var text = last.text
            if let failure = last.failure {
                text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "error: " + failure.message
            } else if last.interrupted {
                text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "[interrupted]"
            }
            return SideBySide.Column(title: target.label, text: text)
        }
    }

    func table() -> Table {
        let runs = results.first?.count ?? 1
        var columns = ["TARGET", "TOKENS", "TTFT", "TOK/S", "TOTAL", "STATUS"]
        if runs > 1 { columns.append("IDENTICAL") }
        let rows = zip(targets, figures).map { target, figures -> [String] in
            var row = [
                target.label, String(figures.tokens),
                figures.timeToFirstToken.map(AnswerStats.format) ?? "-",
                figures.tokensPerSecond.map { String(format: "%.1f", $0) } ?? "-",
                AnswerStats.format(figures.total), figures.statusCell,
            ]
            if runs > 1 { row.append(figures.identical ? "yes" : "no") }
            return row
        }
        return Table(columns: columns, rows: rows)
    }

    var records: [Record] {
        zip(targets, results).map { target, runs in
            let figures = CompareFigures(results: runs)
            return Record(
                target: target.label, profile: target.access.profile.name,
                gateway: target.access.gateway, model: target.model,
                answer: runs.last?.text ?? "", answers: runs.count > 1 ? runs.map(\.text) : nil,
                tokens: figures.tokens, ttft_ms: figures.timeToFirstToken.map { Self.milliseconds($0) },
                tokens_per_second: figures.tokensPerSecond.map { ($0 * 10).rounded() / 10 },
                total_ms: Self.milliseconds(figures.total), status: figures.status, error: figures.error,
                partial: figures.partial, runs: figures.runs, identical: runs.count > 1 ? figures.identical : nil)
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        (duration.seconds * 10_000).rounded() / 10
    }
}
