import Foundation
import Untrusted

/// The JSON snapshot file: read once at start, replaced atomically after each change
/// (temp file in the same folder, fsync, rename, fsync the folder) so a crash never
/// leaves half a file. The snapshot is `SandboxState` as Codable writes it, so a
/// collection added to the state is saved with no more work.
struct StateFile: Sendable {
    let path: String

    /// `nil` when the file does not exist yet. A file that exists but does not parse is
    /// an error; the file is left untouched.
    func load() throws(SandboxError) -> SandboxState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .stateFile(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        let state: SandboxState
        do {
            state = try Self.decode(data)
        } catch {
            throw .stateFile(path: path, reason: "is not a sandbox state file (\(Self.describe(error)))")
        }
        guard state.format == SandboxState.currentFormat else {
            throw .stateFile(path: path, reason: "has format \(state.format); this sandbox reads format \(SandboxState.currentFormat)")
        }
        return state
    }

    /// A top-level field the file does not have yet (a collection added since it was
    /// written) takes its value in a fresh `SandboxState()`.
    static func decode(_ data: Data) throws -> SandboxState {
        if data.withUnsafeBytes({ JSONNesting.exceeds(JSONNesting.limit, in: $0) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "nested deeper than \(JSONNesting.limit) levels"))
        }
        let decoder = JSONDecoder()
        guard case .object(let stored) = try decoder.decode(JSONValue.self, from: data) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a JSON object"))
        }
        guard stored["format"] != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "missing format"))
        }
        guard case .object(var merged) = try decoder.decode(JSONValue.self, from: JSONEncoder().encode(SandboxState())) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the empty state is not an object"))
        }
        merged.merge(stored) { _, fromFile in fromFile }
        return try decoder.decode(SandboxState.self, from: JSONEncoder().encode(JSONValue.object(merged)))
    }

    func save(_ state: SandboxState) throws(SandboxError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(state) } catch {
            throw .stateFile(path: path, reason: "cannot be encoded (\(error))")
        }
        let directory = Self.folder(of: path)
        let temporary = directory + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .stateFile(path: path, reason: "cannot be written (\(String(cString: strerror(errno))))")
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        // The umask may have narrowed the mode further; never wider than the owner's.
        if failure == nil, fchmod(fd, 0o600) != 0 || fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .stateFile(path: path, reason: "cannot be written (\(failure))")
        }
        // The rename is durable once the folder's entry is.
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}
