import Untrusted

/// One document to import: a local file or an http(s) URL.
public enum ImportSource: Sendable, Equatable {
    case file(path: String)
    case url(String)

    /// A URL when it starts with http:// or https://, else a path.
    public init(argument: String) {
        let lower = argument.lowercased()
        self = lower.hasPrefix("http://") || lower.hasPrefix("https://") ? .url(argument) : .file(path: argument)
    }

    /// As shown in messages and the summary: the path, or the URL without credentials.
    public var display: String {
        switch self {
        case .file(let path): return path
        case .url(let url): return URLDisplay.redacted(url)
        }
    }

    /// The text, within `OpenAPIDocumentCheck.maxSize`; a URL is fetched by the admin
    /// client's document fetch (bounded, no credential sent).
    func read(with client: AdminClient) async -> Result<String, ImportProblem> {
        switch self {
        case .file(let path):
            return DocumentLoader.readLocal(path).mapError { ImportProblem($0.message) }
        case .url(let url):
            do {
                let text = try await client.fetchDocument(url: url)
                guard text.utf8.count <= OpenAPIDocumentCheck.maxSize else {
                    return .failure(ImportProblem("\(display) is larger than \(OpenAPIDocumentCheck.maxSize >> 20) MiB"))
                }
                return .success(text)
            } catch {
                return .failure(ImportProblem("cannot fetch \(display): \(error)"))
            }
        }
    }
}
