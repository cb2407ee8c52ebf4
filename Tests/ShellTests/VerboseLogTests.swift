import Logging
import Testing
@testable import Shell

/// `-v`: swift-log events as one sanitised line each on standard error.
@Suite struct VerboseLogTests {
    func logger(color: Bool) -> (Logger, CapturingSink, CapturingSink) {
        let out = CapturingSink(), err = CapturingSink()
        let output = Output(out: out, err: err, isTerminal: color, color: color)
        return (Logger(label: "test") { _ in StderrLogHandler(output: output) }, out, err)
    }

    @Test func oneSanitisedLinePerEventOnStandardError() {
        let (logger, out, err) = logger(color: false)
        logger.info("GET http://h/\u{1B}]0;owned\u{7}x 200", metadata: ["b": "2", "a": "1"])
        logger.debug("below the level")
        #expect(out.text.isEmpty)
        #expect(err.text == "info: GET http://h/x 200 a=1 b=2\n")
    }

    @Test func theLevelIsColouredOnlyWhenTheOutputIs() {
        let (coloured, _, err) = logger(color: true)
        coloured.warning("slow")
        #expect(err.text == "\u{1B}[33mwarning:\u{1B}[0m slow\n")
    }

    @Test func onlyVerboseCommandsGetALogger() throws {
        let h = try InterpreterTests.Harness()
        let plain = CommandContext(interpreter: h.interpreter, options: Settings(), scriptDirectory: nil, lineSource: nil)
        #expect(plain.logger == nil)
        let verbose = CommandContext(interpreter: h.interpreter, options: Settings(verbose: true), scriptDirectory: nil, lineSource: nil)
        let logger = try #require(verbose.logger)
        logger.info("POST http://h/v1/completions 200")
        #expect(h.err.text == "info: POST http://h/v1/completions 200\n")
    }
}
