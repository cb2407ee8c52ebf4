import PropertyBased
import Testing
@testable import Shell

@Suite struct SecretRedactorTests {
    @Test func masksSecretOptionValues() {
        #expect(SecretRedactor.redact("login --gateway http://g --key abc123") == "login --gateway http://g --key ***")
        #expect(SecretRedactor.redact("admin login --url http://a --token=tok") == "admin login --url http://a --token=***")
        #expect(SecretRedactor.redact("x --password 'p w'; echo hi") == "x --password ***; echo hi")
    }

    @Test func masksProfileSetSecrets() {
        #expect(SecretRedactor.redact("profile set key k-123") == "profile set key ***")
        #expect(SecretRedactor.redact("profile set admin-token t") == "profile set admin-token ***")
        #expect(SecretRedactor.redact("profile set model tiny") == "profile set model tiny")
    }

    @Test(arguments: [
        ("login --gateway http://alice:hunter2@host:8000/v1", "login --gateway http://***@host:8000/v1"),
        ("login --gateway=https://alice:hunter2@host", "login --gateway=https://***@host"),
        ("set GW 'http://a:b c@host'; echo $GW", "set GW http://***@host; echo ${GW}"),
        ("admin login --url https://u:p@admin --token T", "admin login --url https://***@admin --token ***"),
    ])
    func masksUserInfoOfURLs(line: String, redacted: String) {
        #expect(SecretRedactor.redact(line) == redacted)
    }

    @Test func keepsAddressesThatAreNotUserInfo() {
        #expect(SecretRedactor.redact("account create org --email dev@example.com") == "account create org --email dev@example.com")
        #expect(SecretRedactor.redact("login --gateway http://host/a@b") == "login --gateway http://host/a@b")
    }

    @Test func leavesOtherLinesVerbatim() {
        #expect(SecretRedactor.redact("echo  'spaced   out'") == "echo  'spaced   out'")
        #expect(SecretRedactor.redact("login --key 'unterminated") == "login --key ***")
    }

    @Test(arguments: [
        ("profile set --profile h1 key K1", "profile set --profile h1 key ***"),
        ("profile set -q token K1", "profile set -q token ***"),
        ("profile --profile h1 set api-key K1", "profile --profile h1 set api-key ***"),
        ("profile set -o json --no-color KEY K1", "profile set -o json --no-color KEY ***"),
        ("profile set --profile=h1 -qv admin-token K1", "profile set --profile=h1 -qv admin-token ***"),
        ("profile set $FIELD K1", "profile set ${FIELD} ***"),
        ("login --key -q K1 --gateway http://g", "login --key -q *** --gateway http://g"),
        ("login --key --profile p K1", "login --key --profile *** ***"),
        ("login --gateway --key K1", "login --gateway --key ***"),
        ("account create org --username u --email e --password=K1 -q", "account create org --username u --email e --password=*** -q"),
        ("echo a; login --gateway http://g --key K1; echo b", "echo a; login --gateway http://g --key ***; echo b"),
        ("login --api-key K1", "login --api-key ***"),
    ])
    func findsSecretsWhereverOptionsStand(line: String, redacted: String) {
        #expect(SecretRedactor.redact(line) == redacted)
    }

    @Test func anUnparseableLineKeepsOnlyItsWholeWords() {
        #expect(SecretRedactor.redact("login --gateway 'http://g --key K1") == "login --gateway ***")
        #expect(SecretRedactor.redact("echo a; profile set key \"K1") == "echo a; profile set key ***")
        #expect(SecretRedactor.redact("login --key ${BAD NAME} K1") == "login --key ***")
    }

    @Test func nonSecretOptionsAndValuesStay() {
        #expect(SecretRedactor.redact("profile set --profile h1 model tiny") == "profile set --profile h1 model tiny")
        #expect(SecretRedactor.redact("login --gateway http://g -o json") == "login --gateway http://g -o json")
    }

    /// Commands that carry `SECRET`; global options go anywhere between their words,
    /// even between an option and its value.
    static let templates: [[String]] = [
        ["login", "--gateway", "http://g", "--key", "SECRET"],
        ["login", "--key=SECRET", "--model", "tiny"],
        ["admin", "login", "--url", "http://a", "--token", "SECRET"],
        ["admin", "login", "--token=SECRET"],
        ["account", "create", "org", "--username", "u", "--email", "e@x", "--password", "SECRET"],
        ["profile", "set", "key", "SECRET"],
        ["profile", "set", "api-key", "SECRET"],
        ["profile", "set", "token", "SECRET"],
        ["profile", "set", "ADMIN-TOKEN", "SECRET"],
    ]
    static let globals: [[String]] = [[], [], ["--profile", "p1"], ["--profile=p2"], ["-q"], ["-v"], ["-qv"], ["-o", "json"], ["--output", "yaml"], ["--no-color"]]
    static let quotes: [@Sendable (String) -> String] = [{ $0 }, { "'\($0)'" }, { "\"\($0)\"" }]

    @Test func aSecretNeverReachesTheHistoryLine() async {
        let secret = zip(Gen.letterOrNumber.string(of: 8...16), Gen<Character?>.element(of: Array("-_.:/+=@%~!?*") as [Character])).map { text, symbol in
            "S" + text + String(symbol ?? "-") + "z"
        }
        let input = zip(
            Gen.int(in: 0...(Self.templates.count - 1)), secret,
            Gen.int(in: 0...(Self.globals.count - 1)).array(of: 12), Gen.int(in: 0...(Self.quotes.count - 1)))
        await propertyCheck(count: 400, input: input) { template, secret, globals, quote in
            var words: [String] = ["echo", "before;"]
            for (slot, word) in Self.templates[template].enumerated() {
                words.append(word.replacingOccurrences(of: "SECRET", with: Self.quotes[quote](secret)))
                words += Self.globals[globals[slot % globals.count]]
            }
            let line = words.joined(separator: " ")
            let redacted = SecretRedactor.redact(line)
            #expect(!redacted.contains(secret), "\(line) → \(redacted)")
            #expect(redacted.hasPrefix("echo before;"))
        }
    }
}
