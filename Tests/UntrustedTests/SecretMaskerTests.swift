import PropertyBased
import Testing
import Untrusted

/// `-vv`'s masking: whatever surrounds a credential, in a header, a query, a form or JSON,
/// and wherever a body is cut, the credential is never shown.
@Suite struct SecretMaskerTests {
    static func characters(_ text: String) -> Generator<Character, Shrink.None<Character?>> {
        Gen<Character?>.element(of: Array(text)).map { $0! }
    }

    /// Secrets are made of characters nothing else in these inputs uses (no digit, no Q, X or
    /// Z anywhere else), so any one of them in the output is a leak, even a secret's piece.
    static let secretCharacters = "QXZ0123456789"
    static let secret = characters(secretCharacters).string(of: 1...40)
    static let word = characters("abcdefghijklmnoprstuvwy_-").string(of: 1...12)
    static let filler = characters("abcdefghijklmnoprstuvwy ,:{}[]\"\\=&?.\n").string(of: 0...30)
    /// A name the caller adds (a product's custom key header or parameter).
    static let callerName = characters("abcdefghijklmnoprstuvwy-").string(of: 3...10).map { "my-" + $0 }

    /// One of these content types; "" for none.
    static func contentType(_ types: [String]) -> Generator<String?, Shrink.None<String?>> {
        Gen<String?>.element(of: types).map { $0 == "" ? nil : $0 }
    }

    static func leaks(_ text: String) -> Bool {
        text.contains { secretCharacters.contains($0) }
    }

    // MARK: Properties

    @Test func headersNeverShowTheirCredential() async {
        let names = ["Authorization", "authorization", "Proxy-Authorization", "X-Api-Key", "x-3scale-proxy-secret-token",
                     "Cookie", "Set-Cookie", "user_key"]
        let input = zip(Gen.int(in: 0...names.count), Self.callerName, Gen<String?>.element(of: ["Bearer ", "Basic ", "bearer  ", ""]),
                        Self.secret)
        await propertyCheck(count: 1000, input: input) { pick, custom, scheme, secret in
            let masker = SecretMasker(names: [custom])
            let name = pick == names.count ? custom.uppercased() : names[pick]
            let shown = masker.header(name: name, value: scheme! + secret)
            #expect(!Self.leaks(shown), "\(name): \(shown)")
            #expect(shown.hasSuffix(SecretMasker.mask))
        }
    }

    static let parameterNames = ["user_key", "access_token", "app_key", "app_id", "API-KEY", "client_secret", "password",
                                 "proxy[secret_token]", "application[user_key]", "provider_key", "service_token"]

    /// `name=value` pairs around one credential, in any order, the credential's name a
    /// well-known one or the caller's.
    static let parameters = zip(
        zip(Self.word, Self.word).map { "\($0)=\($1)" }.array(of: 0...4), Gen.int(in: 0...parameterNames.count),
        Self.callerName, Self.secret, Gen.int(in: 0...4)
    ).map { others, pick, custom, secret, position -> (String, String, String) in
        var pairs = others
        let name = pick == parameterNames.count ? custom : parameterNames[pick]
        pairs.insert(name + "=" + secret, at: min(position, pairs.count))
        return (pairs.joined(separator: "&"), custom, secret)
    }

    @Test func queriesNeverShowTheirCredential() async {
        await propertyCheck(count: 1000, input: Self.parameters) { query, custom, _ in
            let shown = SecretMasker(names: [custom]).url("https://gw.example.com/models?" + query + "#top")
            #expect(!Self.leaks(shown), "\(shown)")
        }
    }

    @Test func formsNeverShowTheirCredential() async {
        let input = zip(Self.parameters, Self.contentType(["application/x-www-form-urlencoded", "", "text/plain"]),
                        Gen.int(in: 1...300))
        await propertyCheck(count: 1000, input: input) { parameters, contentType, limit in
            let (form, custom, _) = parameters
            let (shown, _) = SecretMasker(names: [custom]).excerpt(Array(form.utf8), contentType: contentType, limit: limit)
            #expect(!Self.leaks(shown), "\(shown)")
        }
    }

    /// A JSON document with a credential member somewhere (any depth, any spacing), its value
    /// a string, a number, an object or an array.
    static let json = zip(
        zip(Self.word, Self.filler).map { "\"\($0)\": \"\($1.replacing("\\", with: "").replacing("\"", with: ""))\"" }.array(of: 0...5),
        Gen.int(in: 0...parameterNames.count), Self.callerName, Self.secret, Gen.int(in: 0...3), Gen.int(in: 0...3),
        Gen<String?>.element(of: ["", " ", "\n  ", "\t"])
    ).map { members, pick, custom, secret, shape, depth, space -> (String, String) in
        let name = pick == parameterNames.count ? custom : parameterNames[pick]
        let value = switch shape {
        case 0: "\"\(secret)\""
        case 1: secret
        case 2: "{\"value\": \"\(secret)\", \"scopes\": [\"account_management\"]}"
        default: "[\"\(secret)\", {\"id\": \"\(secret)\"}]"
        }
        var member = "\"\(name)\"\(space!):\(space!)\(value)"
        for level in 0..<depth { member = "\"level\(String(repeating: "v", count: level))\": {\(member)}" }
        var all = members
        all.insert(member, at: all.count / 2)
        return ("{" + all.joined(separator: ",\(space!)") + "}", custom)
    }

    @Test func jsonBodiesNeverShowTheirCredentialWhereverTheyAreCut() async {
        let input = zip(Self.json, Self.contentType(["application/json", "text/event-stream", ""]),
                        Gen.int(in: 1...400), Gen.int(in: 0...1000))
        await propertyCheck(count: 2000, input: input) { document, contentType, limit, cut in
            let (json, custom) = document
            let body = Array((contentType == "text/event-stream" ? "data: \(json)\n\ndata: [DONE]\n\n" : json).utf8)
            let masker = SecretMasker(names: [custom])
            let (whole, _) = masker.excerpt(body, contentType: contentType, limit: limit)
            #expect(!Self.leaks(whole), "\(whole)")
            // The start of a stream, cut anywhere (even inside the credential), then shown.
            let start = Array(body.prefix(cut))
            let (prefix, _) = masker.excerpt(start, of: body.count, contentType: contentType, limit: limit)
            #expect(!Self.leaks(prefix), "\(prefix)")
        }
    }

    @Test func knownSecretsAreMaskedAnywhereEvenWhereTheBodyIsCut() async {
        let input = zip(Self.filler.array(of: 1...6), Self.secret.map { "Q" + $0 }, Gen.int(in: 1...200), Gen.int(in: 0...400))
        await propertyCheck(count: 1000, input: input) { pieces, secret, limit, cut in
            let text = pieces.joined(separator: secret)
            let masker = SecretMasker(values: [secret])
            #expect(!Self.leaks(masker.maskingValues(text)))
            let bytes = Array(text.utf8)
            let (shown, _) = masker.excerpt(bytes.prefix(cut), of: bytes.count, contentType: "text/plain", limit: limit)
            #expect(!Self.leaks(shown), "\(shown)")
        }
    }

    @Test func anyBytesAreMaskedWithinTheLimit() async {
        let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...600)
        let input = zip(bytes, Self.contentType(["application/json", "application/x-www-form-urlencoded", ""]), Gen.int(in: 1...300))
        await propertyCheck(count: 2000, input: input) { bytes, contentType, limit in
            let (text, _) = SecretMasker(names: ["x"], values: ["\u{0}"]).excerpt(bytes, contentType: contentType, limit: limit)
            #expect(text.utf8.count <= limit)
        }
    }

    // MARK: Examples

    @Test func headersKeepTheirSchemeAndOtherHeadersStay() {
        let masker = SecretMasker(names: ["X-Tenant-Auth"], values: ["k3y"])
        #expect(masker.header(name: "Authorization", value: "Bearer abc") == "Bearer ***")
        #expect(masker.header(name: "authorization", value: "Basic Zm9vOmJhcg==") == "Basic ***")
        #expect(masker.header(name: "Authorization", value: "abc def") == "***")
        #expect(masker.header(name: "X-Api-Key", value: "abc") == "***")
        #expect(masker.header(name: "x-tenant-auth", value: "abc") == "***")
        #expect(masker.header(name: "Content-Type", value: "application/json") == "application/json")
        #expect(masker.header(name: "Location", value: "/x?k=k3y") == "/x?k=***")
    }

    @Test(arguments: [
        ("https://a/admin/api/applications/find.json?user_key=abc123", "https://a/admin/api/applications/find.json?user_key=***"),
        ("http://u:pw@h/x?page=2&access_token=t0k&Per_Page=500", "http://***@h/x?page=2&access_token=***&Per_Page=500"),
        ("http://h/x?API-KEY=k&client_secret=s#top", "http://h/x?API-KEY=***&client_secret=***#top"),
        ("http://h/x?name=keystone-not-a-key-name", "http://h/x?name=keystone-not-a-key-name"),
        ("http://a:p#s?s@host/x?q", "http://***@host/x?q"),
        ("http://u:p?x=1@h/y?user_key=k", "http://***@h/y?user_key=***"),
        ("http://h/v1/models?my_key=k&k=1", "http://h/v1/models?my_key=***&k=1"),
        ("http://h/v1/models", "http://h/v1/models"),
    ])
    func credentialsInURLsAreMasked(url: String, shown: String) {
        #expect(SecretMasker().url(url) == shown)
    }

    @Test func jsonMembersOfCredentialsAreMaskedAndOthersStay() {
        let masker = SecretMasker()
        let app = #"{"application":{"id":7,"user_key":"abc","provider_verification_key":"pvk","name":"llama"}}"#
        #expect(masker.body(app, contentType: "application/json")
            == #"{"application":{"id":7,"user_key":"***","provider_verification_key":"***","name":"llama"}}"#)
        #expect(masker.body(#"{"access_token": {"value":"t","scopes":["x"]}, "next": 1}"#, contentType: "application/json")
            == #"{"access_token": "***", "next": 1}"#)
        #expect(masker.body(#"{"app_id":123,"keys":["a","b"]}"#, contentType: nil) == #"{"app_id":"***","keys":"***"}"#)
        // Token counts are not credentials.
        let usage = #"{"usage":{"prompt_tokens":5,"completion_tokens":9,"max_tokens":16},"tokens":[1,2]}"#
        #expect(masker.body(usage, contentType: "application/json") == usage)
        #expect(masker.body("data: {\"secret_token\":\"s\"}\n\n", contentType: "text/event-stream")
            == "data: {\"secret_token\":\"***\"}\n\n")
        #expect(masker.body(#"{"user\u005fkey":"abc"}"#, contentType: "application/json") == #"{"user\u005fkey":"***"}"#)
        // Where a product reads its key is not a secret.
        #expect(masker.body(#"{"auth_user_key":"X-Api-Key","secret_token":"s"}"#, contentType: "application/json")
            == #"{"auth_user_key":"X-Api-Key","secret_token":"***"}"#)
    }

    @Test func formsAreMaskedByTheirDecodedNames() {
        let masker = SecretMasker()
        #expect(masker.body("name=x&proxy%5Bsecret_token%5D=s&access+token=t&access_token=u", contentType: "application/x-www-form-urlencoded")
            == "name=x&proxy%5Bsecret_token%5D=***&access+token=t&access_token=***")
    }

    @Test func anExcerptIsTheMaskedStartOfTheBody() {
        let masker = SecretMasker()
        let body = Array(("{\"user_key\":\"" + String(repeating: "k", count: 500) + "\",\"n\":\"" + String(repeating: "é", count: 3000) + "\"}").utf8)
        let (text, isCut) = masker.excerpt(body, contentType: "application/json")
        #expect(isCut && text.hasPrefix(#"{"user_key":"***","n":"éé"#))
        #expect(text.utf8.count <= SecretMasker.excerptLimit && text.utf8.count > SecretMasker.excerptLimit - 2)
        #expect(!text.contains("kk"))
        let short = masker.excerpt(Array(#"{"a":1}"#.utf8), contentType: "application/json")
        #expect(short.text == #"{"a":1}"# && !short.isCut)
    }
}
