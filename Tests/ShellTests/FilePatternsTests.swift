import Foundation
import Testing
@testable import Shell

@Suite struct FilePatternsTests {
    private func folder(_ files: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("maas-patterns-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in files { try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(path)/\(file)")) }
        return path
    }

    @Test func aPatternNamesTheMatchingFilesSorted() throws {
        let dir = try folder(["b.json", "a.json", "c.yaml"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try FilePatterns.expand("\(dir)/*.json") == ["\(dir)/a.json", "\(dir)/b.json"])
    }

    @Test func aPatternWithoutMatchesIsAnErrorNamingIt() throws {
        let dir = try folder([])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: ShellError("no file matches \(dir)/*.json")) { try FilePatterns.expand("\(dir)/*.json") }
    }

    @Test func anExistingFileWhoseNameLooksLikeAPatternStandsForItself() throws {
        let dir = try folder(["model[1].json"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try FilePatterns.expand("\(dir)/model[1].json") == ["\(dir)/model[1].json"])
        #expect(try FilePatterns.expand("plain.json") == ["plain.json"])
    }
}
