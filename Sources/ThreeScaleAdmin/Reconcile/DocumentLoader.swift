import Foundation
import Untrusted

/// Loads the OpenAPI document of each ActiveDoc (from its `url`, or from a Secret in
/// the same file) and checks it with `OpenAPIDocumentCheck`, as `doc create` does, before
/// it is uploaded as JSON. `skipSwaggerValidations` only tells 3scale to skip its own check.
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
            var source = set.file
            if let url = ref.url, let path = localPath(url, besides: set.file) {
                source = path
                switch readLocal(path) {
                case .success(let read): text = read
                case .failure(let problem): issue("spec.activeDocOpenAPIRef.url", problem.message)
                }
            } else if let url = ref.url {
                source = URLDisplay.redacted(url)
                do {
                    text = try await client.fetchDocument(url: url)
                } catch {
                    issue("spec.activeDocOpenAPIRef.url", "cannot fetch the document: \(error)")
                }
            } else if let name = ref.secretRef?.name {
                source = "Secret \(name)"
                text = set.soleSecretValue(name: name)
                if text == nil {
                    issue("spec.activeDocOpenAPIRef.secretRef", "Secret \(name) with exactly one key is not in \(set.file); maas reads Secrets from the same file")
                }
            }
            guard let text else { continue }
            do {
                bodies[doc.spec.effectiveSystemName] = try OpenAPIDocumentCheck.check(text, source: source).json
            } catch {
                issue("spec.activeDocOpenAPIRef", error.description)
            }
        }
        if !issues.isEmpty { throw ResourceErrors(issues) }
        return bodies
    }

    struct Problem: Error {
        var message: String
    }

    /// A local document, read no further than the size any document may have (a device
    /// such as /dev/zero would otherwise never end).
    static func readLocal(_ path: String) -> Result<String, Problem> {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(Problem(message: "cannot read the local file \(path)")) }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: OpenAPIDocumentCheck.maxSize + 1) ?? Data()
            guard data.count <= OpenAPIDocumentCheck.maxSize else {
                return .failure(Problem(message: "\(path) is larger than \(OpenAPIDocumentCheck.maxSize >> 20) MiB"))
            }
            return .success(String(decoding: data, as: UTF8.self))
        } catch {
            return .failure(Problem(message: "cannot read the local file \(path): \(error.localizedDescription)"))
        }
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
