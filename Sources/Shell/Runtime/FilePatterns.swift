#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File arguments as a user types them at the `maas>` prompt or in a script, where no
/// system shell has expanded `*.json` first.
enum FilePatterns {
    /// At most this many files from one pattern: a typo such as `/*/*/*` must not start
    /// thousands of imports.
    static let maxMatches = 1_000

    static func hasWildcard(_ argument: String) -> Bool {
        argument.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The files a pattern names, sorted; a word without wildcards, or one that names an
    /// existing file as it is, stands for itself.
    static func expand(_ pattern: String) throws(ShellError) -> [String] {
        guard hasWildcard(pattern), access(pattern, F_OK) != 0 else { return [pattern] }
        var found = glob_t()
        defer { globfree(&found) }
        let status = glob(pattern, 0, nil, &found)
        guard status == 0 else {
            throw ShellError(status == GLOB_NOMATCH ? "no file matches \(pattern)" : "cannot list the files matching \(pattern)")
        }
        let count = Int(found.gl_pathc)
        guard count <= maxMatches else { throw ShellError("\(pattern) matches \(count) files; at most \(maxMatches) at once") }
        return (0..<count).compactMap { found.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}

extension CommandContext {
    /// A file argument as the user meant it: relative to the running script's folder in a
    /// script, to the working directory at the prompt.
    func path(_ file: String) -> String {
        guard let scriptDirectory, !file.hasPrefix("/") else { return file }
        return "\(scriptDirectory)/\(file)"
    }

    /// `path(_:)` of each argument, with `*`, `?` and `[…]` patterns expanded to the files they match.
    func paths(_ files: [String]) throws(ShellError) -> [String] {
        var paths: [String] = []
        for file in files { paths += try FilePatterns.expand(path(file)) }
        return paths
    }
}
