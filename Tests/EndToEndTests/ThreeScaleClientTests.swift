import Foundation
import Testing

/// 3scale QE's own Python client (`3scale-api` on PyPI) against `maas sandbox`, as it would
/// drive a real tenant: its readiness probe, then every admin call of the lab and a call
/// through the gateway with the application's key (scripts/lib/threescale-client-test.py).
/// The client comes from PyPI into .build/threescale-venv (scripts/install-python-client);
/// when that cannot be made, the test is skipped with the reason.
@Suite(.serialized) struct ThreeScaleClientTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func process(_ executable: String, _ arguments: [String] = [], environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited.merge(environment) { $1 }
        process.environment = inherited
        process.currentDirectoryURL = packageRoot
        return process
    }

    @Test func theClientDrivesTheSandboxFromItsReadinessProbeToAGatewayCall() async throws {
        let setup = try await ChildProcess.run(Self.process("/bin/bash", ["scripts/install-python-client"]))
        if setup.status != 0 {
            let reason = String(decoding: setup.err, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "no reason given"
            try Test.cancel("3scale's Python client could not be installed (\(reason)): skipped")
        }
        let python = Self.packageRoot.appendingPathComponent(".build/threescale-venv/bin/python").path
        let script = Self.packageRoot.appendingPathComponent("scripts/lib/threescale-client-test.py").path

        let sandbox = try await SandboxProcess.start()
        let run: ChildProcess.Result
        do {
            run = try await ChildProcess.run(Self.process(python, [script], environment: [
                "ADMIN_URL": sandbox.adminURL, "ADMIN_TOKEN": sandbox.accessToken, "MODEL_URL": sandbox.modelURL,
            ]))
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
        let out = String(decoding: run.out, as: UTF8.self)
        let err = String(decoding: run.err, as: UTF8.self)
        #expect(run.status == 0, "\(out)\n\(err)")
        #expect(out.contains("ok: readiness probe answered"))
        #expect(out.contains("ok: deployed and promoted"))
        #expect(out.contains("ok: gateway GET /v1/models with the key: 200 twice"))
        #expect(!out.contains(sandbox.accessToken) && !err.contains(sandbox.accessToken))
    }
}
