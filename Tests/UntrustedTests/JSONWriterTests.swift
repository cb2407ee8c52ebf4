import Foundation
import PropertyBased
import Testing
import Untrusted

@Suite struct JSONWriterTests {
    struct Sample: Decodable, Equatable {
        var text: String
        var list: [String]
        var number: Double
        var count: Int
        var flag: Bool
    }

    /// Control characters, quotes and backslashes among plain ASCII; then scalars of two to
    /// four UTF-8 bytes (the generator takes no range across the surrogates).
    static let ascii = Gen.character(in: "\u{0}"..."\u{7F}").string(of: 0...40)
    static let wide = Gen.character(in: "\u{80}"..."\u{D7FF}").string(of: 0...10)
    static let astral = Gen.character(in: "\u{1F300}"..."\u{1FAFF}").string(of: 0...4)

    @Test func whatItWritesDecodesToWhatWasGiven() async {
        await propertyCheck(count: 1000, input: Self.ascii, Self.wide, Self.astral, Gen.double(in: -1e300...1e300), Gen.int()) {
            plain, wide, astral, number, count in
            let text = plain + wide + astral + plain
            var json = JSONWriter()
            json.object { body in
                body.field("text", text)
                body.field("list", [wide, "", plain])
                body.field("number", number)
                body.field("count", count)
                body.field("flag", count.isMultiple(of: 2))
            }
            let decoded = try? JSONDecoder().decode(Sample.self, from: Data(json.bytes))
            #expect(decoded == Sample(text: text, list: [wide, "", plain], number: number, count: count,
                                      flag: count.isMultiple(of: 2)), "\(String(decoding: json.bytes, as: UTF8.self))")
        }
    }

    @Test func writesCompactTextInCallOrderAndLeavesOutNils() {
        var json = JSONWriter()
        json.object { body in
            body.field("b", "quote \" backslash \\ newline \n tab \t bell \u{7} é")
            body.field("absent", nil as String?)
            body.field("whole", 1.0)
            body.field("part", 0.7)
            body.key("nested")
            body.array { list in
                list.object { $0.field("x", 1 as Int?) }
                list.array { _ in }
                list.double(.nan)
            }
        }
        #expect(String(decoding: json.bytes, as: UTF8.self)
            == #"{"b":"quote \" backslash \\ newline \n tab \t bell \u0007 é","whole":1,"part":0.7,"nested":[{"x":1},[],null]}"#)
    }
}
