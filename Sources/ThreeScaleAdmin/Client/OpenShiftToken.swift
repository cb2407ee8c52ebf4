#if canImport(FoundationEssentials)
import FoundationEssentials
#endif
import Foundation
import Untrusted

/// Reads the admin access token the 3scale operator keeps in the `system-seed`
/// Secret (key `ADMIN_ACCESS_TOKEN`), with the `oc` client the lab already uses.
public enum OpenShiftToken {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case ocNotFound
        case ocFailed(status: Int32, message: String)
        case notASecret(reason: String)
        case missingKey(namespace: String)
        case notBase64(namespace: String)

        public var description: String {
            switch self {
            case .ocNotFound:
                return "The OpenShift client `oc` is not on PATH. Install it, or pass the admin access token yourself."
            case .ocFailed(let status, let message):
                return "`oc get secret system-seed` failed (exit \(status)): \(message). "
                    + "Log in first with `oc login`, and check the namespace."
            case .notASecret(let reason):
                return "`oc get secret system-seed` printed something that is not a Secret: \(reason)."
            case .missingKey(let namespace):
                return "The Secret system-seed in namespace \(namespace) has no ADMIN_ACCESS_TOKEN key; "
                    + "is this the namespace of the APIManager?"
            case .notBase64(let namespace):
                return "ADMIN_ACCESS_TOKEN in system-seed (namespace \(namespace)) is not valid base64."
            }
        }
    }

    /// Runs `oc get secret system-seed -n NAMESPACE -o json` and decodes the token.
    /// `environment` defaults to this process's (PATH decides which `oc` runs).
    public static func read(
        namespace: String = "3scale", environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(Failure) -> String {
        guard let oc = executable(named: "oc", path: environment["PATH"] ?? "") else { throw .ocNotFound }
        let (status, output, errors) = await run(oc, ["get", "secret", "system-seed", "-n", namespace, "-o", "json"],
            environment: environment)
        guard status == 0 else {
            let first = String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline).first
            throw .ocFailed(status: status, message: first.map(String.init) ?? "no message")
        }
        return try token(fromSecretJSON: output, namespace: namespace)
    }

    /// The decoded `data.ADMIN_ACCESS_TOKEN` of a Secret printed as JSON.
    static func token(fromSecretJSON output: Data, namespace: String) throws(Failure) -> String {
        guard let secret = try? Envelope.decode(JSONValue.self, from: [UInt8](output)) else {
            throw .notASecret(reason: "it is not JSON")
        }
        guard secret["kind"]?.stringValue == "Secret" else { throw .notASecret(reason: "its kind is not Secret") }
        guard let encoded = secret["data"]?["ADMIN_ACCESS_TOKEN"]?.stringValue else {
            throw .missingKey(namespace: namespace)
        }
        guard let data = Data(base64Encoded: encoded), let token = String(data: data, encoding: .utf8) else {
            throw .notBase64(namespace: namespace)
        }
        return token.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func executable(named name: String, path: String) -> String? {
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a process to completion off the cooperative pool, reading both pipes
    /// concurrently so a chatty stderr cannot block it.
    private static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async
        -> (Int32, Data, Data)
    {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                process.environment = environment
                let out = Pipe()
                let err = Pipe()
                process.standardOutput = out
                process.standardError = err
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(returning: (127, Data(), Data("cannot start \(executable): \(error)".utf8)))
                    return
                }
                let errors = ErrorBuffer()
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    errors.data = err.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let output = out.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, output, errors.data))
            }
        }
    }

    /// Written by one reader thread, read after `group.wait()`.
    private final class ErrorBuffer: @unchecked Sendable {
        var data = Data()
    }
}
