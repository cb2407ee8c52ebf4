import ModelGateway
import Testing
@testable import Shell

/// `expect`'s reading of each kind and its verdict on a recorded answer, without a server.
@Suite struct ExpectationTests {
    static func answer(
        _ text: String, tokens: Int = 12, ttft: Duration? = .milliseconds(120), status: Int? = 200, error: String? = nil
    ) -> PromptRecord {
        PromptRecord(
            verb: .complete, profile: "p", gateway: "http://127.0.0.1:1", model: "m", prompt: "q", options: SamplingOptions(),
            answer: text, completionTokens: tokens, timeToFirstToken: ttft, status: status, error: error)
    }

    func verdict(_ words: String, _ record: PromptRecord?) throws -> Shell.Expectation.Verdict {
        try Shell.Expectation(words.split(separator: " ").map(String.init)).verdict(on: record)
    }

    @Test func eachKindReadsItsOperand() throws {
        #expect(try Shell.Expectation(["contains", "San", "Francisco"]).check == .contains("San Francisco"))
        #expect(try Shell.Expectation(["not-contains", "sorry"]).check == .notContains("sorry"))
        #expect(try Shell.Expectation(["matches", "^[A-Z]"]).check == .matches("^[A-Z]"))
        #expect(try Shell.Expectation(["json"]).check == .json)
        #expect(try Shell.Expectation(["tokens", "<=", "40"]).check == .tokens(.lessOrEqual, 40))
        #expect(try Shell.Expectation(["tokens", ">=40"]).check == .tokens(.greaterOrEqual, 40))
        #expect(try Shell.Expectation(["tokens", "==", "5"]).check == .tokens(.equal, 5))
        #expect(try Shell.Expectation(["ttft", "<", "500ms"]).check == .ttft(.less, milliseconds: 500))
        #expect(try Shell.Expectation(["ttft", ">", "1.5s"]).check == .ttft(.greater, milliseconds: 1500))
        #expect(try Shell.Expectation(["status", "429"]).check == .status(429))
        #expect(try Shell.Expectation(["tokens", "<", "3"]).description == "expect tokens < 3")
    }

    @Test func aBadExpectationIsAUsageErrorNamingWhatIsAccepted() {
        for words in [[], ["contain", "x"], ["contains"], ["matches", "(unclosed"], ["json", "extra"], ["tokens", "40"],
                      ["tokens", "<=", "many"], ["tokens", "<=", "-1"], ["ttft", "<", "500"], ["ttft", "<", "fast"],
                      ["status", "ok"], ["status", "42"], ["matches", String(repeating: "a", count: 1_001)]] {
            let error = #expect(throws: ShellError.self, "\(words)") { try Shell.Expectation(words) }
            #expect(error?.kind == .usage)
        }
        let unknown = #expect(throws: ShellError.self) { try Shell.Expectation(["contain", "x"]) }
        #expect(unknown?.message.contains("unknown expectation 'contain'") == true)
        #expect(unknown?.message.contains("not-contains TEXT") == true)
        #expect(unknown?.message.contains("ttft OP DURATION") == true)
        let noOperator = #expect(throws: ShellError.self) { try Shell.Expectation(["tokens", "40"]) }
        #expect(noOperator?.message.contains("needs a comparison") == true)
    }

    @Test func textKindsCheckTheAnswer() throws {
        let record = Self.answer("The city is a lovely place.\nSecond line.")
        #expect(try verdict("contains lovely", record) == .passed)
        #expect(try verdict("contains Lovely", record) == .failed("answer: The city is a lovely place."))
        #expect(try verdict("not-contains sorry", record) == .passed)
        #expect(try verdict("not-contains lovely", record) != .passed)
        #expect(try verdict("matches ^The [a-z]+ is", record) == .passed)
        #expect(try verdict("matches ^Second", record) != .passed)
        #expect(try verdict("json", record) == .failed("answer: The city is a lovely place."))
        #expect(try verdict("json", Self.answer("  {\"city\": \"Paris\", \"n\": [1, 2]}\n")) == .passed)
        #expect(try verdict("json", Self.answer(String(repeating: "[", count: 600) + String(repeating: "]", count: 600))) != .passed)
    }

    @Test func figureKindsCompareAndShowTheMeasuredValue() throws {
        let record = Self.answer("Some words.", tokens: 12, ttft: .milliseconds(120))
        #expect(try verdict("tokens <= 12", record) == .passed)
        #expect(try verdict("tokens < 12", record) == .failed("12 tokens, answer: Some words."))
        #expect(try verdict("tokens != 11", record) == .passed)
        #expect(try verdict("ttft < 500ms", record) == .passed)
        #expect(try verdict("ttft < 0.1s", record) == .failed("ttft 120ms, answer: Some words."))
        #expect(try verdict("status 200", record) == .passed)
        #expect(try verdict("status 429", record) == .failed("status 200, answer: Some words."))
        let unstreamed = Self.answer("x", ttft: nil)
        #expect(try verdict("ttft < 500ms", unstreamed) == .failed("no time to first token: the answer was not streamed (add --stream)"))
    }

    @Test func aFailedRequestShowsItsErrorAndNoAnswerSaysSo() throws {
        let refused = Self.answer("", tokens: 0, ttft: nil, status: 404, error: "404 Not Found: The model `x` does not exist.")
        #expect(try verdict("status 404", refused) == .passed)
        #expect(try verdict("contains x", refused) == .failed("error: 404 Not Found: The model `x` does not exist."))
        #expect(try verdict("status 200", refused) == .failed("status 404, error: 404 Not Found: The model `x` does not exist."))
        #expect(try verdict("contains x", nil) == .failed("no answer yet: run complete, chat or compare first"))
        let beforeSending = try Shell.Expectation(["status", "404"]).verdict(on: nil, commandError: "profile 'p' has no gateway URL")
        #expect(beforeSending == .failed("error: profile 'p' has no gateway URL"))
    }

    @Test func theFirstLineIsCutAndAHugeAnswerIsReadOnlyInPart() throws {
        let long = String(repeating: "word ", count: 40)
        let cut = Shell.Expectation.firstLine(long)
        #expect(cut.count == 80 && cut.hasSuffix("…"))
        #expect(Shell.Expectation.firstLine("\n\n  second\nthird") == "second")
        #expect(Shell.Expectation.firstLine("") == "(empty)")
        let huge = String(repeating: "a", count: Shell.Expectation.maxScannedLength) + "needle"
        #expect(try verdict("contains needle", Self.answer(huge)) != .passed)
        #expect(try verdict("matches needle$", Self.answer(huge)) != .passed)
    }
}
