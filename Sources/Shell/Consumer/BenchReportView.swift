import Foundation
import LoadTest
import ModelGateway

/// Prints a `bench` report: a summary and a latency table, or the report as json/yaml.
struct BenchReportView {
    let report: LoadReport

    func emit(_ renderer: Renderer) throws {
        guard renderer.format == .table else {
            try renderer.emit(report, table: Table(columns: [], rows: []))
            return
        }
        let output = renderer.output
        try renderer.emitRecord(report, fields: summary)
        output.print("")
        output.write(latencyTable.render())
        if !report.failures.isEmpty {
            output.print("")
            output.write(failureTable.render())
        }
    }

    private var summary: [(String, String)] {
        var requests = "\(report.succeeded) ok · \(report.failed) failed"
        if report.cancelled > 0 { requests += " · \(report.cancelled) cut short" }
        if report.interrupted { requests += " · interrupted" }
        var throughput = String(format: "%.2f req/s · %.1f output tok/s", report.requestThroughput, report.outputThroughput)
        if let perRequest = report.requestOutputThroughput {
            throughput += String(format: " · per request p50 %.1f tok/s", perRequest.p50)
        }
        let path = report.endpoint == .chat ? "/v1/chat/completions" : "/v1/completions"
        return [
            ("model", report.model),
            ("load", "\(path) · concurrency \(report.concurrency) · max tokens \(report.maxTokens)"),
            ("requests", requests),
            ("duration", String(format: "%.2f s", report.durationSeconds)),
            ("tokens", "\(report.totalInputTokens) in · \(report.totalOutputTokens) out"),
            ("throughput", throughput),
        ]
    }

    private var latencyTable: Table {
        let metrics: [(String, Distribution.Summary?)] = [
            ("TTFT", report.ttftMs), ("TPOT", report.tpotMs), ("ITL", report.itlMs), ("E2EL", report.e2elMs),
        ]
        return Table(
            columns: ["METRIC (ms)", "MEAN", "P50", "P90", "P99", "MAX"],
            rows: metrics.map { name, summary in
                guard let summary else { return [name, "-", "-", "-", "-", "-"] }
                return [name] + [summary.mean, summary.p50, summary.p90, summary.p99, summary.max].map(Self.milliseconds)
            })
    }

    private var failureTable: Table {
        Table(
            columns: ["FAILED", "COUNT", "FIRST ERROR"],
            rows: report.failures.sorted { $0.value.count > $1.value.count }.map { kind, failures in
                [kind, String(failures.count), failures.example]
            })
    }

    /// Three significant figures are what a latency can tell; more is noise.
    static func milliseconds(_ value: Double) -> String {
        switch value {
        case ..<10: return String(format: "%.2f", value)
        case ..<100: return String(format: "%.1f", value)
        default: return String(format: "%.0f", value)
        }
    }
}
