import PropertyBased
import Testing
@testable import Shell

@Suite struct TokenizerTests {
    func words(_ line: String, _ variables: [String: String] = [:]) throws -> [[String]] {
        guard case let .complete(commands) = try Tokenizer.tokenize(line) else {
            Issue.record("incomplete: \(line)")
            return []
        }
        return try commands.map { try $0.expand { variables[$0] } }
    }

    @Test func splitsOnBlanksAndSemicolons() throws {
        #expect(try words("profile  list ; whoami") == [["profile", "list"], ["whoami"]])
        #expect(try words("a;b;;c") == [["a"], ["b"], ["c"]])
        #expect(try words("   ") == [])
    }

    @Test func quotesAndEscapesFollowPOSIX() throws {
        #expect(try words(#"echo 'a  b' "c d" e\ f"#) == [["echo", "a  b", "c d", "e f"]])
        #expect(try words(#"echo 'it''s' "say \"hi\"" "a\b""#) == [["echo", "its", "say \"hi\"", "a\\b"]])
        #expect(try words(#"echo "" ''"#) == [["echo", "", ""]])
        #expect(try words(#"echo 'a;b' "c;d" e\;f"#) == [["echo", "a;b", "c;d", "e;f"]])
        #expect(try words("echo a#b # trailing comment") == [["echo", "a#b"]])
        #expect(try words("# only a comment") == [])
    }

    @Test func expandsVariablesOutsideSingleQuotes() throws {
        let vars = ["MODEL": "tiny", "N": "15"]
        #expect(try words(#"complete --model $MODEL "${N}x" '$N' \$N"#, vars) == [["complete", "--model", "tiny", "15x", "$N", "$N"]])
        #expect(try words("echo $ and $1", vars) == [["echo", "$", "and", "$1"]])
    }

    @Test func anUndefinedVariableIsAnErrorNamingIt() throws {
        #expect(throws: TokenizeError.undefinedVariable("NOPE")) { try words("echo $NOPE") }
        #expect(throws: TokenizeError.unterminatedBrace(column: 6)) { try words("echo ${OPEN") }
        #expect(throws: TokenizeError.unterminatedBrace(column: 7)) { try words("echo \"${OPEN") }
    }

    @Test func reportsIncompleteInput() throws {
        #expect(try Tokenizer.tokenize("echo a \\") == .incomplete(.continuation))
        #expect(try Tokenizer.tokenize("echo 'open") == .incomplete(.openQuote("'")))
        #expect(try Tokenizer.tokenize("echo \"open") == .incomplete(.openQuote("\"")))
        #expect(try words("echo a \\\nb") == [["echo", "a", "b"]])
        #expect(try words("echo 'two\nlines'") == [["echo", "two\nlines"]])
    }

    @Test func scriptLinesJoinContinuationsAndKeepStartLines() {
        var lines = ScriptLines("echo a \\\n  b\n\necho 'x\ny'\nlast \\")
        var seen: [(String, Int)] = []
        while let line = lines.next() { seen.append((line.text, line.line)) }
        #expect(seen.map(\.1) == [1, 3, 4, 6])
        #expect(seen[0].0 == "echo a \\\n  b")
        #expect(seen[3].0 == "last ")
    }

    @Test func joiningReadsEachCharacterOnce() {
        var joiner = LineJoiner()
        var text = ""
        #expect(joiner.append("echo \"open") == .needsMore(.openQuote("\"")))
        text += "echo \"open"
        for n in 0..<5_000 {
            let line = "line \(n) with $VAR and 'quotes'"
            #expect(joiner.append(line[...]) == .needsMore(.openQuote("\"")))
            text += "\n" + line
        }
        #expect(joiner.append("close\" done") == .complete)
        text += "\nclose\" done"
        #expect(joiner.text == text)
        #expect(joiner.scanned == text.unicodeScalars.count)
    }

    @Test func aLogicalLineIsBoundedAndTheNextOneStillStartsRight() {
        let long = String(repeating: "x", count: 1000)
        var script = "echo 'start\n"
        for _ in 0..<1200 { script += long + "\n" }
        script += "end'\necho after\n"
        var lines = ScriptLines(script)
        let first = lines.next()
        #expect(first?.problem == .lineTooLong(limit: LineJoiner.maxLength))
        let second = lines.next()
        #expect(second?.text == "echo after" && second?.line == 1203)
    }

    @Test func aLineHoldsABoundedNumberOfWords() {
        let line = String(repeating: "w ", count: Tokenizer.maxWords + 1)
        #expect(throws: TokenizeError.tooManyWords(limit: Tokenizer.maxWords)) { try Tokenizer.tokenize(line) }
        #expect(throws: Never.self) { try Tokenizer.tokenize(String(repeating: "w ", count: Tokenizer.maxWords)) }
    }

    @Test func aWholeScriptParsesToLocatedCommandsOrALocatedError() throws {
        let lines = try ScriptParser.parse("# comment\necho a \\\n  b; echo 'c\nd'\n\nexit\n", file: "s.maas")
        #expect(lines.map(\.number) == [2, 6])
        #expect(try lines[0].commands.map { try $0.expand { _ in nil } } == [["echo", "a", "b"], ["echo", "c\nd"]])
        #expect(throws: ScriptParser.Failure(file: "s.maas", line: 2, message: "missing '}' after '${' at column 6")) {
            try ScriptParser.parse("echo ok\necho ${OPEN\n", file: "s.maas")
        }
        // An open `${` inside quotes ends the line there; it does not swallow the next lines.
        #expect(throws: ScriptParser.Failure(file: "s.maas", line: 1, message: "missing '}' after '${' at column 7")) {
            try ScriptParser.parse("echo \"${OPEN\necho \"}\"\n", file: "s.maas")
        }
        #expect(throws: ScriptParser.Failure(file: "s.maas", line: 1, message: "unterminated quote (opened on line 2): add the closing \"")) {
            try ScriptParser.parse("echo \\\n\"x\ny", file: "s.maas")
        }
    }

    /// Text cut anywhere, fed piece by piece, reads as the whole text does.
    @Test func theScannerResumesAnywhere() async {
        let alphabet = Array("ab _1'\"\\${};#\n\t") as [Character]
        let input = zip(Gen<Character?>.element(of: alphabet).map { $0! }.string(of: 0...40), Gen.int(in: 0...40).array(of: 0...4))
        await propertyCheck(count: 500, input: input) { text, cuts in
            let whole = Result { () throws(TokenizeError) in try Tokenizer.tokenize(text) }
            var scanner = Tokenizer.Scanner()
            let scalars = Array(text.unicodeScalars)
            var start = 0
            let pieced = Result { () throws(TokenizeError) in
                for cut in (cuts.map { min($0, scalars.count) } + [scalars.count]).sorted() where cut >= start {
                    var piece = String.UnicodeScalarView()
                    piece.append(contentsOf: scalars[start..<cut])
                    try scanner.feed(String(piece))
                    start = cut
                }
                return try scanner.finish()
            }
            #expect(whole == pieced, "\(text.debugDescription)")
        }
    }
}
