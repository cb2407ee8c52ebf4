import Foundation
import Testing
@testable import Shell

/// `product import` completes file paths for each of its documents.
@Suite struct ProductImportCompletionTests {
    @Test func everyDocumentArgumentCompletesFilePaths() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-import-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("models-aas"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{}".write(to: folder.appendingPathComponent("llama.json"), atomically: true, encoding: .utf8)
        let completer = Completer(currentDirectory: folder.path) { _, _ in [] }
        #expect(completer.complete("product im").candidates == ["import"])
        #expect(completer.complete("product import l").candidates == ["llama.json"])
        #expect(completer.complete("product import llama.json m").candidates == ["models-aas/"])
        #expect(completer.complete("product import --backend-url http://m:8000 --promote l").candidates == ["llama.json"])
    }
}
