import Foundation

/// The JSON snapshot file: read once at start, replaced atomically after each change
/// (temp file in the same folder, fsync, rename) so a crash never leaves half a file.
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
            state = try JSONDecoder().decode(SandboxState.self, from: data)
        } catch {
            throw .stateFile(path: path, reason: "is not a sandbox state file (\(Self.describe(error)))")
        }
        guard state.format == SandboxState.currentFormat else {
            throw .stateFile(path: path, reason: "has format \(state.format); this sandbox reads format \(SandboxState.currentFormat)")
        }
        return state
    }

    func save(_ state: SandboxState) throws(SandboxError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(state) } catch {
            throw .stateFile(path: path, reason: "cannot be encoded (\(error))")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw .stateFile(path: path, reason: "cannot be written (\(String(cString: strerror(errno))))")
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .stateFile(path: path, reason: "cannot be written (\(failure))")
        }
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
