import CYaml

/// Checks a YAML text's shape before anything is built from it.
///
/// Yams composes a whole document as soon as it is asked for one: it resolves each alias
/// to the anchored node and hashes mapping keys, so a few hundred bytes of nested anchors
/// (the "billion laughs") cost exponential time and memory, and it recurses once per level
/// of nesting. This pass reads libyaml's events one at a time, in constant stack and
/// linear time, and refuses aliases, deep nesting and too many documents or nodes first.
/// Every YAML text from outside (resource files, OpenAPI documents) passes here first.
public enum YAMLLimits {
    public static let maxSize = 16 << 20
    public static let maxDepth = 64
    public static let maxDocuments = 1_000
    public static let maxNodes = 200_000

    static let nestedTooDeeply = "nested too deeply (more than \(maxDepth) levels)"

    public struct Violation: Error, Equatable, CustomStringConvertible {
        /// 1-based; nil for the whole text.
        public var line: Int?
        /// 1-based, when the problem is inside a document.
        public var document: Int?
        public var message: String

        public var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    /// Throws the first limit the text breaks. Other syntax errors are left to the parser
    /// that follows, which says more about them.
    public static func check(_ yaml: String) throws(Violation) {
        let bytes = Array(yaml.utf8)
        guard bytes.count <= maxSize else {
            throw Violation(message: "the file is larger than \(maxSize >> 20) MiB")
        }
        if let violation = bytes.withUnsafeBufferPointer(firstViolation) { throw violation }
    }

    private static func firstViolation(_ text: UnsafeBufferPointer<UInt8>) -> Violation? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return Violation(message: "out of memory reading YAML") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, text.baseAddress, text.count)
        var depth = 0
        var documents = 0
        var nodes = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml's own depth limit, which its look-ahead can reach before an event shows the depth.
                if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") {
                    return Violation(line: Int(parser.problem_mark.line) + 1, document: max(documents, 1), message: nestedTooDeeply)
                }
                return nil
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > maxDocuments { return Violation(line: line, message: "more than \(maxDocuments) YAML documents") }
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                return Violation(line: line, document: documents, message: "aliases are not supported (*\(name): write the value out in full)")
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                depth += 1
                if depth > maxDepth {
                    return Violation(line: line, document: documents, message: nestedTooDeeply)
                }
                nodes += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            case YAML_SCALAR_EVENT:
                nodes += 1
            default:
                break
            }
            if nodes > maxNodes { return Violation(line: line, document: documents, message: "more than \(maxNodes) YAML values") }
        }
    }
}
