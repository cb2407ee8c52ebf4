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

    @Test func leavesOtherLinesVerbatim() {
        #expect(SecretRedactor.redact("echo  'spaced   out'") == "echo  'spaced   out'")
        #expect(SecretRedactor.redact("login --key 'unterminated") == "login --key ***")
    }
}
