import ModelGateway

/// Runs a `compare`'s rounds one after another (every target at once within a round),
/// shows them live on a terminal, records every target's answer, and prints the outcome.
struct CompareSession {
    let targets: [CompareTarget]
    let request: CompareRequest
    let context: CommandContext

    /// Every target's results, one a run; fewer runs when Ctrl-C stopped them (the cut run included).
    func run(times: Int) async -> [[StreamPrinter.Result]] {
        var results = Array(repeating: [StreamPrinter.Result](), count: targets.count)
        for run in 1...times {
            let round = await runRound(heading: times > 1 ? "run \(run) of \(times)" : nil)
            for (index, result) in round.enumerated() {
                results[index].append(result)
                var record = request.record(for: targets[index])
                record.take(result)
                context.record(record)
            }
            if Task.isCancelled || round.contains(where: \.interrupted) { break }
        }
        return results
    }

    private func runRound(heading: String?) async -> [StreamPrinter.Result] {
        let board = CompareBoard(titles: targets.map(\.label))
        let round = CompareRound(targets: targets, request: request)
        let output = context.output
        guard output.isTerminal, (context.options.output ?? .table) == .table else { return await round.run(board: board) }
        let width = terminalWidth(environment: context.environment)
        let height = terminalHeight(environment: context.environment)
        let live = Task { await board.showLive(on: output, width: width, height: height, heading: heading) }
        let results = await round.run(board: board)
        live.cancel()
        await live.value
        board.erase(on: output)
        return results
    }

    static func show(targets: [CompareTarget], results: [[StreamPrinter.Result]], context: CommandContext) throws {
        let view = CompareView(targets: targets, results: results)
        let output = context.output
        switch context.options.output ?? .table {
        case .table:
            let width = output.isTerminal ? terminalWidth(environment: context.environment) : nil
            output.write(SideBySide(columns: view.columns).render(width: width))
            if !context.options.quiet {
                output.write("\n")
                let runs = results.first?.count ?? 1
                if runs > 1 { output.print(output.style("p50 of \(runs) runs", .dim)) }
                output.write(view.table().render())
            }
        case .json, .yaml:
            try context.renderer.emit(view.records, table: view.table())
        }
    }
}
