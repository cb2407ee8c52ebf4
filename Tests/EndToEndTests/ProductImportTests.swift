import Foundation
import Testing

/// `maas product import` run by the binary against a sandbox process.
@Suite(.serialized) struct ProductImportTests {
    static let labFolder = AdminVerbTests.packageRoot.appendingPathComponent("Tests/ThreeScaleAdminTests/Fixtures/maas")

    /// The eleven lab documents, as a shell's `*/*.json` would list them.
    static func labDocuments() throws -> [String] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: labFolder.path).sorted()
        return try folders.flatMap { folder -> [String] in
            let path = labFolder.appendingPathComponent(folder).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [] }
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted().map { "\(path)/\($0)" }
        }
    }

    @Test func theLabDocumentsImportInOneCallAndASecondDryRunHasNothingToDo() async throws {
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            let documents = try Self.labDocuments()
            #expect(documents.count == 11)
            let first = try await fixture.run(["product", "import", "--backend-url", sandbox.modelURL, "--promote"] + documents)
            #expect(first.status == 0, "\(first.err)")
            #expect(first.out.split(separator: "\n").filter { $0.contains(" changes made") }.count == 10, "\(first.out)")
            #expect(first.out.contains("same document as"))
            #expect(first.out.contains("suffixed with its folder models-aas"))

            let again = try await fixture.run(["product", "import", "--backend-url", sandbox.modelURL, "--promote", "--dry-run"] + documents)
            #expect(again.status == 0, "\(again.err)")
            #expect(again.out.split(separator: "\n").filter { $0.contains("nothing to do") }.count == 10, "\(again.out)")
            #expect(!again.out.contains("  + "))

            let one = try await fixture.run(["product", "import", "--backend-url", sandbox.modelURL, "--dry-run", documents[0]])
            #expect(one.status == 0 && one.out == "nothing to do: the server already matches\n", "\(one.out)\(one.err)")
        }
    }

    @Test func oneNameForSeveralDocumentsIsRefusedAndAFailedDocumentFailsTheRun() async throws {
        let fixture = try Fixture()
        let documents = try Self.labDocuments()
        let named = try await fixture.run(["product", "import", "--name", "x", documents[0], documents[1]])
        #expect(named.status == 2 && named.err.contains("--name names one product"), "\(named.err)")
        try await AdminVerbTests.withSandbox { fixture, sandbox in
            try fixture.write("bad.yaml", "openapi: 3.0.3\ninfo:\n  title: [1]\npaths: {}\n")
            let failed = try await fixture.run(["product", "import", "--backend-url", sandbox.modelURL, "--dry-run", "bad.yaml", documents[6]])
            #expect(failed.status == 1, "\(failed.out)\(failed.err)")
            #expect(failed.out.contains("bad.yaml#/info/title: must be a string"), "\(failed.out)")
            #expect(failed.out.contains("would make"), "\(failed.out)")
            #expect(failed.err.contains("1 of 2 documents not imported"), "\(failed.err)")
        }
    }
}
