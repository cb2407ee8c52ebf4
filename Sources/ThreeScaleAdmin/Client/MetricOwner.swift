/// Metrics, methods and mapping rules live under a backend or a product, on
/// parallel paths; this picks the path.
public enum MetricOwner: Sendable, Hashable {
    case backend(id: Int)
    case product(id: Int)

    var base: String {
        switch self {
        case .backend(let id): return "/admin/api/backend_apis/\(id)"
        case .product(let id): return "/admin/api/services/\(id)"
        }
    }

    var mappingRulesPath: String {
        switch self {
        case .backend: return base + "/mapping_rules"
        case .product: return base + "/proxy/mapping_rules"
        }
    }

    /// Backend metric lists, methods and mapping rules are paginated; a product's are not.
    var isPaginated: Bool {
        if case .backend = self { return true }
        return false
    }

    var label: String {
        switch self {
        case .backend(let id): return "backend #\(id)"
        case .product(let id): return "product #\(id)"
        }
    }

    /// porta stores a backend's metric system names as `NAME.BACKEND_ID`; the part
    /// after the last dot is dropped so names compare with the resource's.
    public func sanitize(_ systemName: String) -> String {
        guard case .backend(let id) = self else { return systemName }
        let suffix = ".\(id)"
        if systemName.hasSuffix(suffix) { return String(systemName.dropLast(suffix.count)) }
        return systemName
    }
}
