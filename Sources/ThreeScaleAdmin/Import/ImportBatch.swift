import Foundation

/// Settles the names of a batch of documents, the same way for the same batch (so a
/// second import finds the same products): identical documents are imported once;
/// different documents whose names would collide each take their folder's name.
enum ImportBatch {
    struct Candidate: Sendable, Equatable {
        /// The file or URL as shown.
        var source: String
        /// The name of the folder holding it (`models-aas`), for a colliding name.
        var folder: String
        var text: String
        /// `info.title`, or `--name`.
        var name: String
    }

    enum Assignment: Sendable, Equatable {
        /// Import as this product; `note` says why the name is not the title.
        case product(name: String, systemName: String, note: String?)
        /// The same bytes as the candidate at this index, imported there.
        case sameDocument(as: Int)
    }

    static func assign(_ candidates: [Candidate]) -> [Assignment] {
        var assignments: [Assignment?] = Array(repeating: nil, count: candidates.count)
        var firstByText: [String: Int] = [:]
        var unique: [Int] = []
        for (index, candidate) in candidates.enumerated() {
            if let first = firstByText[candidate.text] {
                assignments[index] = .sameDocument(as: first)
            } else {
                firstByText[candidate.text] = index
                unique.append(index)
            }
        }
        let groups = Dictionary(grouping: unique) { ImportNaming.systemName(candidates[$0].name) }
        var taken = Set(groups.filter { $0.value.count == 1 }.keys)
        for (systemName, members) in groups.sorted(by: { $0.key < $1.key }) {
            guard members.count > 1 else {
                let only = members[0]
                assignments[only] = .product(name: base(candidates[only].name), systemName: systemName, note: nil)
                continue
            }
            // Sorted by source, so the batch's order on the command line changes nothing.
            for index in members.sorted(by: { candidates[$0].source < candidates[$1].source }) {
                let candidate = candidates[index]
                let others = members.filter { $0 != index }.map { candidates[$0].source }.sorted()
                let system = ImportNaming.unique(ImportNaming.systemName("\(candidate.name) \(candidate.folder)"), taken: &taken)
                assignments[index] = .product(
                    name: "\(base(candidate.name)) (\(candidate.folder))", systemName: system,
                    note: "its name collides with \(others.joined(separator: ", ")): suffixed with its folder \(candidate.folder)")
            }
        }
        return assignments.map { $0 ?? .sameDocument(as: 0) }
    }

    /// A title as a product's name: trimmed, never empty.
    static func base(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "API" : trimmed
    }

    /// The folder a source sits in: its parent folder's name, or a URL's parent path segment.
    static func folder(of source: String) -> String {
        let path = URL(string: source).flatMap { $0.scheme == nil ? nil : $0.path } ?? source
        let parent = (path as NSString).deletingLastPathComponent
        let name = (parent as NSString).lastPathComponent
        return name.isEmpty || name == "/" || name == "." ? "doc" : name
    }
}
