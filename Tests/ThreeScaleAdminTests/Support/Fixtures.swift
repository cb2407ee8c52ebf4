import Foundation

@testable import ThreeScaleAdmin

/// Test inputs read from disk, relative to this file (no SwiftPM resources).
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String {
        testsDirectory.appendingPathComponent("Fixtures/\(name)").path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    static func porta(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: testsDirectory.appendingPathComponent("Fixtures/porta/\(name)")))
    }

    /// The seed's four resources, validated.
    static func seed() throws -> ResourceSet {
        try ResourceCodec.load(path: path("seed.yaml"))
    }

    /// What the ActiveDoc's URL would serve, so planning needs no network.
    static let openAPI = #"{"openapi":"3.0.0","info":{"title":"llama70b","version":"1"},"paths":{"/v1/completions":{}}}"#
}
