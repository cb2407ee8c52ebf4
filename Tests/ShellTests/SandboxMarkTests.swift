import Profiles
@testable import Shell
import Testing

/// Which profiles a verb marks as the sandbox's.
@Suite struct SandboxMarkTests {
    let origins: Set<String> = ["http://127.0.0.1:41000", "http://127.0.0.1:41001"]

    @Test func everyAddressOnTheRunningSandboxMarksIt() {
        var profile = Profile(gateway: "http://127.0.0.1:41001/", adminURL: "http://127.0.0.1:41000")
        SandboxMark.update(&profile, before: nil, origins: origins)
        #expect(profile.isSandbox)
    }

    @Test func oneAddressElsewhereClearsIt() {
        var profile = Profile(gateway: "https://llama.apps.example.com", adminURL: "http://127.0.0.1:41000", sandbox: true)
        SandboxMark.update(&profile, before: nil, origins: origins)
        #expect(!profile.isSandbox)
        var empty = Profile(model: "m", sandbox: true)
        SandboxMark.update(&empty, before: nil, origins: origins)
        #expect(!empty.isSandbox)
    }

    @Test func withoutASandboxTheMarkLastsAsLongAsTheAddresses() {
        let before = Profile(gateway: "http://127.0.0.1:41001", apiKey: "old", sandbox: true)
        var newKey = before
        newKey.apiKey = "new"
        SandboxMark.update(&newKey, before: before, origins: [])
        #expect(newKey.isSandbox)
        var elsewhere = before
        elsewhere.gateway = "https://llama.apps.example.com"
        SandboxMark.update(&elsewhere, before: before, origins: [])
        #expect(!elsewhere.isSandbox)
    }
}
