import Testing
@testable import Shell

/// A profile that skips certificate checks is warned about once per session, whichever
/// client (gateway or admin) uses it first.
@Suite struct InsecureWarningTests {
    @Test func oneWarningForBothClients() async throws {
        let h = try InterpreterTests.Harness()
        let script = """
            login --gateway http://127.0.0.1:1 --key k
            admin login --url http://127.0.0.1:1 --token t
            profile set insecure true
            models
            models
            backend list
            """
        #expect(await h.script(script + "\n", continueOnError: true) == 1)
        let warning = "warning: profile 'default' skips TLS certificate checks (insecure: true); use it on test clusters only"
        #expect(h.err.text.components(separatedBy: warning).count - 1 == 1)
        // Both clients ran: the warning was not skipped for lack of a request.
        #expect(h.err.text.contains("cannot connect to http://127.0.0.1:1/v1/models: connection refused"))
        #expect(h.err.text.contains("Cannot connect to http://127.0.0.1:1: connection refused"))
    }
}
