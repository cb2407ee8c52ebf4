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
        let verbose = CommandContext(interpreter: h.interpreter, options: Settings(verbose: 1), scriptDirectory: nil, lineSource: nil)
        let logger = try #require(verbose.logger)
        logger.info("POST http://h/v1/completions 200")
        #expect(h.err.text == "info: POST http://h/v1/completions 200\n")
    }

    @Test func twiceVerboseAlsoLogsTheWireAtDebug() throws {
        let h = try InterpreterTests.Harness()
        let once = CommandContext(interpreter: h.interpreter, options: Settings(verbose: 1), scriptDirectory: nil, lineSource: nil)
        #expect(try #require(once.logger).logLevel == .info)
        let twice = CommandContext(interpreter: h.interpreter, options: Settings(verbose: 2), scriptDirectory: nil, lineSource: nil)
        let logger = try #require(twice.logger)
        logger.debug("> authorization: Bearer ***")
        #expect(h.err.text == "debug: > authorization: Bearer ***\n")
    }

    @Test func theVerboseFlagCountsWhereverItIsGiven() throws {
        #expect(try MaasInvocation.parse(["-vv", "models"]).globals.common.verbose == 2)
        #expect(try MaasInvocation.parse(["-v", "--verbose", "models"]).globals.common.verbose == 2)
        #expect(try MaasInvocation.parse(["-qv", "models"]).globals.common.verbose == 1)
        let command = try #require(try SessionCommand.parseAsRoot(["models", "-vv"]) as? ModelsCommand)
        #expect(command.global.settings.verbose == 2)
        // Given for the run and for one command, the higher count wins.
        #expect(Settings(verbose: 1).overridden(by: Settings(verbose: 2)).verbose == 2)
        #expect(Settings(verbose: 2).overridden(by: Settings()).verbose == 2)
    }
}
