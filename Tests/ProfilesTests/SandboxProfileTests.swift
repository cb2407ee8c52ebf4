import Foundation
import Testing
@testable import Profiles
import Untrusted

/// What the sandbox needs of the profile file: its mark, and addresses that follow a moved port.
@Suite struct SandboxProfileTests {
    @Test func theMarkIsSavedAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-profiles-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = ProfileStore(path: folder + "/profiles.yaml")
        try store.update { $0.profiles["lab"] = Profile(gateway: "http://127.0.0.1:41000", sandbox: true) }
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(text.contains("sandbox: true"))
        #expect(try store.load().profiles["lab"]?.isSandbox == true)
        #expect(Profile().isSandbox == false)
    }

    @Test func movedOriginsRewriteOnlyTheirOwnAddresses() {
        var document = ProfileDocument(profiles: [
            "lab": Profile(gateway: "http://127.0.0.1:8000/v1?x=1", adminURL: "http://127.0.0.1:9000"),
            "near": Profile(gateway: "http://127.0.0.1:80001", adminURL: "http://127.0.0.1:9000x"),
            "real": Profile(gateway: "https://llama.apps.example.com"),
        ])
        let changed = document.move(OriginMoves([
            "http://127.0.0.1:8000": "http://127.0.0.1:8100", "http://127.0.0.1:9000": "http://127.0.0.1:9100",
        ]))
        #expect(changed == ["lab"])
        #expect(document.profiles["lab"]?.gateway == "http://127.0.0.1:8100/v1?x=1")
        #expect(document.profiles["lab"]?.adminURL == "http://127.0.0.1:9100")
        #expect(document.profiles["near"]?.gateway == "http://127.0.0.1:80001")
        #expect(document.profiles["near"]?.adminURL == "http://127.0.0.1:9000x")
        #expect(document.profiles["real"]?.gateway == "https://llama.apps.example.com")
    }
}
