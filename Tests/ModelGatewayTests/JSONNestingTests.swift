import PropertyBased
import Testing
import Untrusted

@Suite struct JSONNestingTests {
    func nests(_ text: String, deeperThan limit: Int) -> Bool {
        do {
            try JSONNesting.check(Array(text.utf8), limit: limit)
            return false
        } catch {
            #expect(error.description == "the server sent JSON nested deeper than \(limit) levels")
            return true
        }
    }

    @Test func bracketsInStringsDoNotCount() {
        #expect(!nests(#"{"a":"[[[[{{{{","b":["\"[[[["]}"#, deeperThan: 2))
        #expect(nests(#"{"a":[[1]]}"#, deeperThan: 2))
        #expect(!nests(#"{"a":[[1]]}"#, deeperThan: 3))
        #expect(!nests(String(repeating: "]", count: 10_000) + "[[1]]", deeperThan: 2), "stray closers never lower the count below zero")
        #expect(nests(String(repeating: "[", count: 30_000), deeperThan: 512))
    }

    /// Any nesting of arrays and objects, with strings full of brackets, quotes and
    /// escapes in between, counts as deep as it is built.
    @Test func countsTheDepthItWasBuiltWith() async {
        let noise = Gen<Character?>.element(of: Array(#"[]{}\"ab"#)).map { $0! }.string(of: 0...6)
        let layer = zip(Gen.bool, noise)
        await propertyCheck(count: 300, input: layer.array(of: 0...40), Gen.int(in: 0...40)) { layers, limit in
            var text = ""
            for (isObject, string) in layers {
                let escaped = string.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                text += isObject ? #"{"\#(escaped)":"# : #"["\#(escaped)","#
            }
            text += "0"
            for (isObject, _) in layers.reversed() { text += isObject ? "}" : "]" }
            #expect(nests(text, deeperThan: limit) == (layers.count > limit))
        }
    }
}
