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
}
