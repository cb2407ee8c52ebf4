import Foundation
import Untrusted
import Yams

/// Loads the OpenAPI document of each ActiveDoc (from its `url`, or from a Secret in
/// the same file), as JSON text, and checks its outline before it is uploaded.
public enum DocumentLoader {
    /// ActiveDoc system name → document JSON.
    public static func load(_ set: ResourceSet, client: AdminClient) async throws(ResourceErrors) -> [String: String] {
        var bodies: [String: String] = [:]
        var issues: [ResourceIssue] = []
        for doc in set.activeDocs {
            let document = set.document(of: .activeDoc(doc))
            func issue(_ field: String, _ message: String) {
                issues.append(document?.issue(file: set.file, field: field, message)
                    ?? ResourceIssue(file: set.file, kind: doc.kind, name: doc.metadata.name, field: field, message: message))
            }
            let ref = doc.spec.activeDocOpenAPIRef
            var text: String?
            if let url = ref.url, let path = localPath(url, besides: set.file) {
                text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                if text == nil { issue("spec.activeDocOpenAPIRef.url", "cannot read the local file \(path)") }
            } else if let url = ref.url {
                do {
                    text = try await client.fetchDocument(url: url)
                } catch {
                    issue("spec.activeDocOpenAPIRef.url", "cannot fetch the document: \(error)")
                }
            } else if let name = ref.secretRef?.name {
                text = set.soleSecretValue(name: name)
                if text == nil {
                    issue("spec.activeDocOpenAPIRef.secretRef", "Secret \(name) with exactly one key is not in \(set.file); maas reads Secrets from the same file")
                }
            }
            guard let text else { continue }
            switch parse(text, skipValidation: doc.spec.skipSwaggerValidations ?? false) {
            case .success(let json): bodies[doc.spec.effectiveSystemName] = json
            case .failure(let reason): issue("spec.activeDocOpenAPIRef", reason.message)
            }
        }
        if !issues.isEmpty { throw ResourceErrors(issues) }
        return bodies
    }

    struct Problem: Error {
        var message: String
    }

    /// JSON or YAML text → JSON text. A light outline check (`openapi`/`swagger`,
    /// `info`, `paths`) unless the resource skips validation.
    static func parse(_ text: String, skipValidation: Bool) -> Result<String, Problem> {
        var value = JSONValue.parse(text)
        var json = text
        if value == nil {
            do {
                try YAMLLimits.check(text)
            } catch {
                return .failure(Problem(message: "the document cannot be read: \(error)"))
            }
            if let node = try? Yams.compose(yaml: text), let tree = try? YAMLTree(node) {
                value = tree.value
                json = tree.value.jsonText
            }
        }
        guard let value, value.objectValue != nil else {
            return .failure(Problem(message: "the document is neither a JSON nor a YAML object"))
        }
        if !skipValidation {
            if value["openapi"] == nil && value["swagger"] == nil {
                return .failure(Problem(message: "the document has neither openapi nor swagger at the top; is it an OpenAPI document?"))
            }
            if value["info"]?.objectValue == nil { return .failure(Problem(message: "the OpenAPI document has no info object")) }
            if value["paths"]?.objectValue == nil { return .failure(Problem(message: "the OpenAPI document has no paths object")) }
        }
        return .success(json)
    }

    /// A `url` that is a `file://` URL or a plain path names a local file, relative to the resource file's folder.
    static func localPath(_ url: String, besides file: String) -> String? {
        if url.hasPrefix("file://") { return String(url.dropFirst("file://".count)) }
        if let scheme = URL(string: url)?.scheme, ["http", "https"].contains(scheme.lowercased()) { return nil }
        if url.hasPrefix("/") { return url }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? url : "\(folder)/\(url)"
    }
}
