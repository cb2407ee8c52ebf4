import PropertyBased
import Testing
import Untrusted

@testable import Profiles

@Suite struct URLDisplayTests {
    @Test(arguments: [
        ("https://alice:hunter2@host/x", "https://***@host/x"),
        ("http://alice@host:8080", "http://***@host:8080"),
        ("http://host/path@version", "http://host/path@version"),
        ("https://gw.example.com:443/v1", "https://gw.example.com:443/v1"),
        ("http://a:p@ss@host/x", "http://***@host/x"),
        ("http://a:p#s?s@host/x?q", "http://***@host/x?q"),
        ("http:/a:pw@host", "http:/***@host"),
        ("http:\\\\a:pw@host\\x", "http:\\\\***@host\\x"),
        ("alice:hunter2@host", "***@host"),
        ("http:alice:hunter2@host", "***@host"),
        ("http://host/\u{1B}[2J\u{7}\u{85}\u{202E}x", "http://host/%1B[2J%07%C2%85%E2%80%AEx"),
    ])
    func examples(url: String, shown: String) {
        #expect(URLDisplay.redacted(url) == shown)
    }

    @Test func longURLsAreCut() {
        let shown = URLDisplay.redacted("https://host/" + String(repeating: "a", count: 10_000))
        #expect(shown.count == URLDisplay.maxLength + 1)
        #expect(shown.hasSuffix("…"))
    }

    static func characters(_ text: String) -> Generator<Character, Shrink.None<Character?>> {
        Gen<Character?>.element(of: Array(text)).map { $0! }
    }

    /// User names and passwords hold a letter no other piece uses (G-Z: not a hex
    /// digit of a percent-encoding), so that finding one in the display can only be
    /// a leak; around it, any user-info punctuation, unencoded `@ ? # :` too.
    static let secret = zip(
        characters("-._~!$&'()+,;=:@?#").string(of: 0...5), characters("GHIJKLMNOPQRSTUVWXYZ"),
        characters("GHIJKLMNOPQRSTUVWXYZ-._~!$&'()+,;=:@?#").string(of: 0...6)
    ).map { before, letter, after in before + String(letter) + after }
    static let word = characters("abcdefghijklmnopqrstuvwxyz0123456789.-").string(of: 1...10)
    static let noise = characters("abc/?#=&@.\u{0}\u{1B}\u{7F}\u{9B}\u{200F} ").string(of: 0...12)
    static let scheme = Gen<String?>.element(of: ["http://", "https://", "http:/", "http:", "http:\\\\", "", "git+ssh://"]).map { $0! }

    @Test func userInfoIsNeverShown() async {
        let url = zip(Self.scheme, Self.secret, Self.secret, Self.word, Self.noise).map { scheme, user, password, host, rest in
            (scheme + user + ":" + password + "@" + host + "/" + rest, user, password)
        }
        await propertyCheck(count: 2000, input: url) { url, user, password in
            let shown = URLDisplay.redacted(url)
            #expect(!shown.contains(user) && !shown.contains(password))
            #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }

    @Test func profilesShowURLsWithoutUserInfoUnlessRevealed() throws {
        #expect(ProfileField.gateway.display("https://alice:hunter2@gw", reveal: false) == "https://***@gw")
        #expect(ProfileField.adminURL.display("https://alice:hunter2@admin", reveal: false) == "https://***@admin")
        #expect(ProfileField.gateway.display("https://alice:hunter2@gw", reveal: true) == "https://alice:hunter2@gw")
        #expect(ProfileField.apiKey.display("0123456789abcdef0123", reveal: false) == "0123…0123")
        #expect(ProfileField.model.display("m@x", reveal: false) == "m@x")
        var profile = Profile()
        try profile.set(.gateway, to: "https://alice:hunter2@gw.example.com/")
        #expect(profile.gateway == "https://alice:hunter2@gw.example.com", "user-info is kept for the client")
        for url in ["ftp://alice:hunter2@host", "alice:hunter2@host", "https://alice:hunter2@"] {
            let error = #expect(throws: ProfileError.self) { try profile.set(.gateway, to: url) }
            #expect(error.map { !$0.description.contains("hunter2") && !$0.description.contains("alice") } == true, "\(url)")
        }
    }
}
