import Foundation
import Profiles

/// One script as `maas test` ran it: its expectations, how it ended, its captured output.
struct ScriptTestResult: Sendable {
    enum Result: Sendable, Equatable {
        case pass, fail
        /// The script stopped (a failing command, an unreadable file, `exit N`): the first error.
        case error(String)
    }

    var script: String
    var tally: ExpectationTally
    var result: Result
    var duration: Duration
    var output: String
    var errors: String

    /// The RESULT column: `pass`, `fail` or `error: …`.
    var resultText: String {
        switch result {
        case .pass: "pass"
        case .fail: "fail"
        case let .error(message): "error: \(message)"
        }
    }
}

/// Runs one script in an interpreter of its own (non-interactive, the caller's environment,
/// profile store and session options) with its output captured, so scripts run side by side
/// never share variables, a last answer or a line of output.
struct ScriptTestRun: Sendable {
    /// Each stream of a script keeps at most this much for the report.
    static let captureLimit = 256 * 1024

    let environment: [String: String]
    let profileStore: ProfileStore
    let settings: Settings
    let input: TerminalInput

    func run(_ path: String) async -> ScriptTestResult {
        let start = ContinuousClock.now
        let out = BoundedCapturingSink(limit: Self.captureLimit)
        let err = BoundedCapturingSink(limit: Self.captureLimit)
        let interpreter = Interpreter(
            environment: environment, output: Output(out: out, err: err, isTerminal: false, color: false),
            profileStore: profileStore, sessionOptions: settings, input: input, interactive: false)
        let status: Int32
        let readError: String?
        do {
            let script = try ScriptSource.file(path)
            status = await interpreter.run(script: script)
            readError = nil
        } catch {
            status = 1
            readError = "\(path): \(error)"
        }
        let tally = interpreter.expectationTally
        let result: ScriptTestResult.Result
        if let problem = readError ?? tally.firstError {
            result = .error(problem)
        } else if tally.failed > 0 {
            result = .fail
        } else if status != 0 {
            result = .error("\(path): exit status \(status)")
        } else {
            result = .pass
        }
        return ScriptTestResult(
            script: path, tally: tally, result: result, duration: ContinuousClock.now - start, output: out.text, errors: err.text)
    }
}
