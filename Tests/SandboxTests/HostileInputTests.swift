import Foundation
import PropertyBased
@testable import Sandbox
import SandboxModel
import Testing
import Untrusted

/// The pure readers every client byte goes through: integers, paging, form and JSON
/// bodies. Each is fed hostile values and must answer with a value in range or an error,
/// never a trap, an overflow or unbounded work.
@Suite("Hostile input: numbers, paging, form and JSON bodies")
struct HostileInputTests {
    // MARK: Integers

    /// Text a client might send where a number belongs.
    static func numberText(_ integer: Int64, _ shape: Int, _ noise: String) -> String {
        switch shape {
        case 0: return String(integer)
        case 1: return String(integer) + "999999999999"
        case 2: return "-" + String(integer.magnitude) + "0000000000000000"
        case 3: return " +\(integer) "
        case 4: return noise
        case 5: return String(integer) + noise
        default: return String(Double(integer) * 1e10)
        }
    }

    @Test func integerReadingNeverTrapsAndStaysInRange() async {
        let noise = Gen.character(in: " "..."z").string(of: 0...24)
        await propertyCheck(
            count: 2000, input: Gen.int64(), Gen.int(in: 0...6), noise, Gen.int64(), Gen.int64(),
            Gen.double(in: -1e300...1e300)
        ) { integer, shape, noise, boundA, boundB, number in
            let range = Int(min(boundA, boundB))...Int(max(boundA, boundB))
            for value: JSONValue in [.string(Self.numberText(integer, shape, noise)), .double(number),
                                     .double(Double(integer))] {
                switch IntegerReading.read(value, in: range) {
                case .value(let read): #expect(range.contains(read))
                case .below, .above, .notANumber, .absent, .wrongShape: break
                }
            }
            // Any Int64 written in digits reads back exactly, or names the bound it crossed.
            let exact = IntegerReading.read(.string(String(integer)), in: range)
            if range.contains(Int(integer)) {
                #expect(exact == .value(Int(integer)))
            } else {
                #expect(exact == (Int(integer) < range.lowerBound ? .below : .above))
            }
        }
    }

    @Test func integersBeyondIntAreOutOfRangeOnTheirSide() {
        let range = IntegerRule.position.range
        #expect(IntegerReading.read("-9223372036854775808", in: range) == .below)
        #expect(IntegerReading.read("9223372036854775807", in: range) == .above)
        #expect(IntegerReading.read("99999999999999999999999", in: range) == .above)
        #expect(IntegerReading.read("-99999999999999999999999", in: range) == .below)
        #expect(IntegerReading.read(.double(1e300), in: range) == .above)
        #expect(IntegerReading.read(.double(-.infinity), in: range) == .below)
        #expect(IntegerReading.read(.double(.nan), in: range) == .notANumber)
        #expect(IntegerReading.read(.double(2.5), in: range) == .notANumber)
        #expect(IntegerReading.read(.double(42), in: range) == .value(42))
        #expect(IntegerReading.read(" 7 ", in: range) == .value(7))
        #expect(IntegerReading.read("", in: range) == .absent)
        #expect(IntegerReading.read("1e3", in: range) == .notANumber)
        #expect(IntegerReading.read("٣", in: range) == .notANumber)
        #expect(IntegerReading.read(["a"], in: range) == .wrongShape)
    }

    @Test func outOfRangeIsA422NamingTheBound() throws {
        let params = Params(["position": "-9223372036854775808", "delta": "0", "page": "x"])
        #expect(throws: AdminAPIFailure.self) { try params.int("position", .position) }
        let response: AdminResponse
        do throws(AdminAPIFailure) {
            _ = try params.int("position", .position)
            Issue.record("no error")
            return
        } catch {
            response = error.response
        }
        #expect(response.status == 422)
        guard case .json(let body) = response.body else { Issue.record("not JSON"); return }
        #expect(body == ["errors": ["position": ["must be greater than or equal to -2147483648"]]])
        var errors: [String: [String]] = [:]
        let delta = try errors.collect { () throws(AdminAPIFailure) in try params.int("delta", .delta) }
        #expect(delta == nil)
        #expect(errors == ["delta": ["must be greater than 0"]])
    }

    @Test func saturatedAdditionMatchesWideArithmetic() async {
        await propertyCheck(count: 1000, input: Gen.int(), Gen.int()) { a, b in
            let wide = Int128(a) + Int128(b)
            let clamped = Int(max(Int128(Int.min), min(Int128(Int.max), wide)))
            #expect(a.addingSaturated(b) == clamped)
        }
    }

    @Test func doublesBecomeIntegersWithoutTrapping() async {
        let specials: [Double] = [.nan, .infinity, -.infinity, 1e15, -1e15, 9.2e18, -9.3e18, .greatestFiniteMagnitude,
                                  .leastNonzeroMagnitude, -0.0, 0.5]
        for value in specials {
            _ = value.exactInteger
            _ = JSONValue.double(value).integer(clampedTo: 0...1_000_000_000)
            _ = try? Params(["x": .double(value)]).string("x")
        }
        #expect(JSONValue.double(.nan).integer(clampedTo: 0...10) == nil)
        #expect(JSONValue.string("nan").integer(clampedTo: 0...10) == nil)
        #expect(JSONValue.string("inf").integer(clampedTo: 0...10) == 10)
        #expect(JSONValue.double(-1e300).integer(clampedTo: 0...10) == 0)
        await propertyCheck(count: 1000, input: Gen.double(in: -1e300...1e300)) { value in
            if let integer = value.exactInteger { #expect(Double(integer) == value) }
            let clamped = JSONValue.double(value).integer(clampedTo: -5...5)
            #expect(clamped.map { (-5...5).contains($0) } == true)
        }
    }

    @Test func corsMaxAgeFromAnyStoredValue() {
        for raw: JSONValue in ["nan", "inf", "-inf", .double(1e300), "12"] {
            let policy = CorsPolicy(configuration: ["max_age": raw])
            #expect((0...1_000_000_000).contains(policy.maxAge))
        }
        #expect(CorsPolicy(configuration: ["max_age": "nan"]).maxAge == 600)
    }

    // MARK: Paging

    static func window(_ query: Substring, count: Int = 3) -> Range<Int>? {
        try? Page.window(query: query, count: count).get()
    }

    @Test func theReproductionPageIsAnEmptyPage() {
        #expect(Self.window("page=9223372036854775807") == 3..<3)
        #expect(Self.window("page=9223372036854775807&per_page=500") == 3..<3)
        #expect(Self.window("page=2&per_page=2") == 2..<3)
        #expect(Self.window("page=0&per_page=1000") == 0..<3)
        #expect(Self.window("page=-9223372036854775808&per_page=-1") == 0..<3)
        #expect(Self.window("page=99999999999999999999&per_page=99999999999999999999") == 0..<3)
        guard case .failure(let error) = Page.window(query: "page=%zz", count: 3) else {
            Issue.record("a malformed query was accepted")
            return
        }
        #expect(error.response.status == 400)
    }

    @Test func anyPageWindowLiesInsideTheCollection() async {
        let noise = Gen.character(in: " "..."z").string(of: 0...12)
        await propertyCheck(
            count: 2000, input: Gen.int64(), Gen.int(in: 0...6), noise, Gen.int64(), Gen.int(in: 0...6),
            Gen.int(in: 0...5000)
        ) { page, pageShape, noise, perPage, perPageShape, count in
            func encoded(_ text: String) -> String {
                text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            }
            let query = "page=" + encoded(Self.numberText(page, pageShape, noise))
                + "&per_page=" + encoded(Self.numberText(perPage, perPageShape, noise))
            guard let window = Self.window(Substring(query), count: count) else {
                Issue.record("\(query) was refused")
                return
            }
            #expect(window.lowerBound >= 0 && window.upperBound <= count)
            #expect(window.count <= Page.defaultPerPage)
        }
    }

    // MARK: Mapping rules

    /// The backtracking matcher the gateway used before, as an oracle: exponential in
    /// adjacent placeholders, fine on the small inputs generated here.
    static func backtrack(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>, anchored: Bool) -> Bool {
        guard let first = pattern.first else { return !anchored || path.isEmpty }
        if first == UInt8(ascii: "{"), let close = pattern.firstIndex(of: UInt8(ascii: "}")) {
            var end = path.startIndex
            while end < path.endIndex, path[end] != UInt8(ascii: "/"), path[end] != UInt8(ascii: "?") { end += 1 }
            var length = end - path.startIndex
            while length >= 1 {
                if backtrack(pattern[(close + 1)...], path[(path.startIndex + length)...], anchored: anchored) { return true }
                length -= 1
            }
            return false
        }
        guard let head = path.first, head == first else { return false }
        return backtrack(pattern.dropFirst(), path.dropFirst(), anchored: anchored)
    }

    @Test func placeholderMatchingAgreesWithBacktracking() async {
        let pattern = Gen.character(in: "a"..."c").string(of: 0...3).array(of: 0...4)
        let path = Gen.character(in: "a"..."d").string(of: 0...6).array(of: 1...3)
        await propertyCheck(count: 1500, input: pattern, Gen.int(in: 0...15), path, Gen.bool) { literals, mask, segments, anchored in
            // Literal pieces with placeholders between some of them (bits of `mask`), as in `/a{x}b{y}c`.
            var text = "/"
            for (offset, literal) in literals.enumerated() {
                text += literal
                if mask & (1 << offset) != 0 { text += "{p\(offset)}" }
            }
            let pathText = "/" + segments.joined(separator: "/")
            let expected = Self.backtrack(Array(text.utf8)[...], Array(pathText.utf8)[...], anchored: anchored)
            #expect(MappingRuleMatcher.match(Array(text.utf8)[...], Array(pathText.utf8)[...], anchored: anchored) == expected,
                    "\(text) against \(pathText)")
        }
    }

    /// Backtracking would try every way to split 5,000 bytes among 30 placeholders.
    @Test func adjacentPlaceholdersDoNotBacktrack() {
        let pattern = "/" + (0..<30).map { "{p\($0)}" }.joined() + "x"
        let path = "/" + String(repeating: "a", count: 5000)
        let rule = GatewayConfig.Rule(httpMethod: "GET", pattern: pattern, metricID: 1, metricSystemName: "hits", delta: 1, last: false)
        #expect(MappingRuleMatcher.usage(rules: [rule], method: "GET", path: path, arguments: [:]).isEmpty)
        #expect(MappingRuleMatcher.usage(rules: [rule], method: "GET", path: path + "x", arguments: [:]) == [1: 1])
    }

    // MARK: Form bodies

    @Test func formDepthAndParameterCountAreBounded() throws {
        let deep = "a" + String(repeating: "[b]", count: FormDecoding.maximumDepth) + "=1"
        #expect(throws: FormDecoding.Malformed.self) { try FormDecoding.parse(Substring(deep)) }
        let ok = "a" + String(repeating: "[b]", count: FormDecoding.maximumDepth - 1) + "=1"
        _ = try FormDecoding.parse(Substring(ok))

        let limit = FormDecoding.maximumParameters
        let appends = (0..<limit).map { "a[]=\($0)" }.joined(separator: "&")
        let parsed = try FormDecoding.parse(Substring(appends))
        #expect(parsed["a"]?.arrayValue?.count == limit)
        #expect(parsed["a"]?.arrayValue?.last == .string(String(limit - 1)))
        #expect(throws: FormDecoding.Malformed(reason: "more than \(limit) parameters")) {
            try FormDecoding.parse(Substring(appends + "&b=1"))
        }
        // Empty pairs are not parameters, so they cannot be used to slip past the count.
        #expect(try FormDecoding.parse(Substring(String(repeating: "&", count: 100_000) + "x=1")) == ["x": "1"])
    }

    @Test func formNestingKeepsRailsMeaning() throws {
        let parsed = try FormDecoding.parse("a[b]=1&a[c][]=2&a[c][]=3&d=4&d=5&e[]=1&e=x")
        #expect(parsed == ["a": ["b": "1", "c": ["2", "3"]], "d": "5", "e": "x"])
        #expect(throws: FormDecoding.Malformed.self) { try FormDecoding.parse("a=1&a[b]=2") }
        #expect(throws: FormDecoding.Malformed.self) { try FormDecoding.parse("a[b=1") }
        #expect(throws: FormDecoding.Malformed.self) { try FormDecoding.parse("a[][b]=1") }
    }

    @Test func anyFormTextParsesOrIsMalformed() async {
        let text = Gen.character(in: " "..."~").string(of: 0...80)
        await propertyCheck(count: 2000, input: text) { text in
            do throws(FormDecoding.Malformed) {
                _ = try FormDecoding.parse(Substring(text))
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }

    // MARK: JSON bodies

    static func nested(_ depth: Int, open: String = "[", close: String = "]") -> Data {
        Data((String(repeating: open, count: depth) + String(repeating: close, count: depth)).utf8)
    }

    @Test func nestingIsMeasuredOutsideStrings() {
        let limit = JSONNesting.maximumDepth
        #expect(!JSONNesting.exceeds(limit, in: Self.nested(limit)))
        #expect(JSONNesting.exceeds(limit, in: Self.nested(limit + 1)))
        #expect(JSONNesting.exceeds(2, in: Data(#"{"a":[{"b":1}]}"#.utf8)))
        #expect(!JSONNesting.exceeds(2, in: Data(#"{"a":"[[[[{{{{","b":"\"[[[["}"#.utf8)))
        #expect(JSONNesting.exceeds(1, in: Data(#"["\\",[]]"#.utf8)))
        // Stray closers do not buy depth for later openers.
        #expect(JSONNesting.exceeds(3, in: Data(("]]]]]" + "[[[[").utf8)))
    }

    @Test func nestingCheckAgreesWithTheDepthOfGeneratedDocuments() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...200), Gen.bool) { depth, objects in
            let data = objects ? Self.nested(depth, open: #"{"k":"#, close: "}") : Self.nested(depth)
            #expect(JSONNesting.exceeds(JSONNesting.maximumDepth, in: data) == (depth > JSONNesting.maximumDepth))
        }
    }

    @Test func aDeepAdminBodyIsA400NotACrash() throws {
        let deep = Data(#"{"a":"#.utf8) + Self.nested(100_000) + Data("}".utf8)
        do throws(AdminAPIFailure) {
            _ = try AdminResponder.jsonBody(deep)
            Issue.record("a 100,000-deep body was accepted")
        } catch {
            #expect(error.response.status == 400)
            guard case .json(let body) = error.response.body else { Issue.record("not JSON"); return }
            #expect(body["error"]?.stringValue?.contains("nested too deeply") == true)
        }
        #expect(try AdminResponder.jsonBody(Data(#"{"name":"x","n":[1,[2]]}"#.utf8)) == ["name": "x", "n": [1, [2]]])
        #expect(throws: AdminAPIFailure.self) { try AdminResponder.jsonBody(Data("[1]".utf8)) }
        #expect(throws: JSONValue.ParseError.nestedTooDeeply) { try JSONValue.parseRequest(Self.nested(65)) }
    }

    @Test func anyBytesGiveAJSONBodyOrA400() async {
        let text = Gen.character(in: " "..."~").string(of: 0...64)
        await propertyCheck(count: 2000, input: text) { text in
            do throws(AdminAPIFailure) {
                _ = try AdminResponder.jsonBody(Data(text.utf8))
            } catch {
                #expect(error.response.status == 400)
            }
        }
    }
}
