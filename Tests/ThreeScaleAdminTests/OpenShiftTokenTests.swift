import Foundation
import Testing
import LoopbackSockets

@testable import ThreeScaleAdmin

@Suite("OpenShift token")
struct OpenShiftTokenTests {
    /// A temporary folder holding a stand-in `oc` that runs `script`.
    func fakeOC(_ script: String) throws -> (environment: [String: String], folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-oc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let oc = folder.appendingPathComponent("oc")
        try ExecutableFile.save("#!/bin/sh\n" + script, to: oc.path)
        return (["PATH": folder.path + ":/usr/bin:/bin"], folder)
    }

    @Test("reads and decodes ADMIN_ACCESS_TOKEN from system-seed")
    func reads() async throws {
        let token = Data("0123456789abcdef\n".utf8).base64EncodedString()
        let (environment, folder) = try fakeOC("""
            [ "$*" = "get secret system-seed -n 3scale -o json" ] || { echo "unexpected arguments: $*" >&2; exit 2; }
            cat <<'JSON'
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"system-seed","namespace":"3scale"},"type":"Opaque",
             "data":{"ADMIN_ACCESS_TOKEN":"\(token)","ADMIN_PASSWORD":"cGFzcw==","ADMIN_USER":"YWRtaW4="}}
            JSON
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await OpenShiftToken.read(namespace: "3scale", environment: environment) == "0123456789abcdef")
    }

    @Test("a failing oc reports the first line of its error")
    func notLoggedIn() async throws {
        let (environment, folder) = try fakeOC("""
            echo 'error: You must be logged in to the server (Unauthorized)' >&2
            echo 'second line' >&2
            exit 1
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: OpenShiftToken.Failure.ocFailed(status: 1, message: "error: You must be logged in to the server (Unauthorized)")) {
            try await OpenShiftToken.read(environment: environment)
        }
    }

    @Test("a Secret without the key, and a missing oc, are clear errors")
    func missing() async throws {
        let (environment, folder) = try fakeOC(#"echo '{"kind":"Secret","data":{"ADMIN_USER":"YWRtaW4="}}'"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: OpenShiftToken.Failure.missingKey(namespace: "3scale")) {
            try await OpenShiftToken.read(environment: environment)
        }
        await #expect(throws: OpenShiftToken.Failure.ocNotFound) {
            try await OpenShiftToken.read(environment: ["PATH": folder.appendingPathComponent("none").path])
        }
    }
}
