#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Response ids and timestamps in vLLM's format (`cmpl-` + 16 hex digits, Unix seconds).
enum Identifiers {
    static func make(_ prefix: String) -> String {
        var random = SystemRandomNumberGenerator()
        let hex = String(random.next() as UInt64, radix: 16)
        return prefix + String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func now() -> Int {
        Int(Date().timeIntervalSince1970)
    }

    /// Like vLLM's `system_fingerprint`: the server version and a build tag.
    static let systemFingerprint = "vllm-\(ServerVersion.vllm)-sandbox"
}

enum ServerVersion {
    /// The vLLM release whose responses this server imitates (the captures in
    /// reference/vllm/transcripts.md), with a local tag that says it is the sandbox.
    static let vllm = "0.32.0"
    static let reported = "0.32.0+maas.sandbox"
}
