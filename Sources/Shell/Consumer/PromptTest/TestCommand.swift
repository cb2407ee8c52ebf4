import ArgumentParser
import Foundation

/// `maas test FILE.maas…`: runs prompt-test scripts side by side (bounded), each in its own
/// interpreter with its output captured, then reports their failures and a summary table.
struct TestCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run .maas scripts with expectations and report: a table, JSON, or JUnit XML.")

    @Argument(help: ArgumentHelp("The scripts (patterns such as 'tests/*.maas' are expanded).", valueName: "file"),
              completion: .file(extensions: ["maas"]))
    var files: [String]

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to FILE.", valueName: "file"), completion: .file())
    var junit: String?

    @Option(help: "How many scripts run at once (1 to 32).")
    var jobs = 4

    @OptionGroup var global: GlobalOptions
    var globals: Settings? { global.settings }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one script to run") }
        guard (1...32).contains(jobs) else { throw ValidationError("--jobs must be 1 to 32") }
    }

    func run(in context: CommandContext) async throws {
        // A file named twice (given, and matched by a pattern too) runs once.
        var seen = Set<String>()
        let paths = try context.paths(files).filter { seen.insert($0).inserted }
        var settings = context.options
        // `-o json` is for this report; the scripts keep their own formats.
        settings.output = nil
        let runner = ScriptTestRun(
            environment: context.environment, profileStore: context.profileStore, settings: settings, input: context.interpreter.input)
        let start = ContinuousClock.now
        let results = await Self.runAll(paths, jobs: jobs, runner: runner)
        let elapsed = ContinuousClock.now - start
        if Task.isCancelled { throw CancellationError() }
        if let junit {
            let file = context.path(junit)
            do {
                try Data(JUnitReport.xml(results).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw ShellError("cannot write the JUnit report to \(file): \(error.localizedDescription)")
            }
        }
        try TestReport(results: results, elapsed: elapsed).emit(to: context)
        if !results.allSatisfy({ $0.result == .pass }) { throw ShellError("") }
    }

    /// At most `jobs` scripts at a time; results in the order the scripts were given.
    static func runAll(_ paths: [String], jobs: Int, runner: ScriptTestRun) async -> [ScriptTestResult] {
        await withTaskGroup(of: (Int, ScriptTestResult).self) { group in
            var next = 0
            func startNext() {
                guard next < paths.count else { return }
                let index = next
                group.addTask { (index, await runner.run(paths[index])) }
                next += 1
            }
            for _ in 0..<min(jobs, paths.count) { startNext() }
            var results = [ScriptTestResult?](repeating: nil, count: paths.count)
            for await (index, result) in group {
                results[index] = result
                startNext()
            }
            return results.compactMap { $0 }
        }
    }
}
