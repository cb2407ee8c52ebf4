import Hummingbird

/// One served admin endpoint. The table of these is both the dispatcher and the
/// record the spec-conformance test compares with `porta-account_management_api.json`.
struct AdminRoute: Sendable {
    typealias Handler = @Sendable (inout Transaction, AdminInput) throws(AdminAPIFailure) -> AdminResponse

    let method: HTTPRequest.Method
    /// `/admin/api/backend_apis/{id}.json`
    let path: String
    /// Query/body parameter names the handler reads (besides `access_token`, paging
    /// is listed explicitly), as the spec names them.
    let parameters: [String]
    /// Parameters porta's controller permits that the spec does not document
    /// (`reference/3scale-admin-api.md` lists them); read as well.
    let undocumented: [String]
    /// The spec documents this route with another method; Rails routes both
    /// (e.g. PUT besides the documented PATCH for proxy update).
    let specMethod: HTTPRequest.Method?
    /// Product creation binds the two gateway listeners before the change commits.
    let reservesGateway: Bool
    /// The access-token scope the route needs besides account management (`stats`), or nil.
    let scope: String?
    let handler: Handler

    init(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ parameters: [String] = [],
        undocumented: [String] = [],
        specMethod: HTTPRequest.Method? = nil,
        reservesGateway: Bool = false,
        scope: String? = nil,
        handler: @escaping Handler
    ) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.undocumented = undocumented
        self.specMethod = specMethod
        self.reservesGateway = reservesGateway
        self.scope = scope
        self.handler = handler
    }

    var isWrite: Bool { method != .get && method != .head }

    var permitted: Set<String> { Set(parameters + undocumented) }

    /// The path split into segments, without the `.json` suffix.
    var segments: [Substring] {
        String(path.dropLast(".json".count)).split(separator: "/")
    }
}

/// Finds the route for a method and path, preferring literal segments over captures
/// (`accounts/find.json` before `accounts/{id}.json`).
struct AdminRouteTable: Sendable {
    private let compiled: [(route: AdminRoute, segments: [Substring])]

    init(_ routes: [AdminRoute]) {
        self.compiled = routes.map { ($0, $0.segments) }
    }

    enum Match {
        case found(AdminRoute, [String: String])
        case notFound
        case notAcceptable(String)
    }

    func match(method: HTTPRequest.Method, path rawPath: String) -> Match {
        var path = Substring(rawPath)
        while path.hasSuffix("/") && path.count > 1 { path = path.dropLast() }
        guard let lastSlash = path.lastIndex(of: "/") else { return .notFound }
        let last = path[path.index(after: lastSlash)...]
        if let dot = last.lastIndex(of: ".") {
            let format = last[last.index(after: dot)...]
            guard format == "json" else { return .notAcceptable(String(format)) }
            path = path[..<dot]
        }
        let segments = path.split(separator: "/")
        var best: (route: AdminRoute, captures: [String: String], literals: Int)?
        for (route, pattern) in compiled where route.method == method && pattern.count == segments.count {
            var captures: [String: String] = [:]
            var literals = 0
            var matched = true
            for (patternSegment, segment) in zip(pattern, segments) {
                if patternSegment.hasPrefix("{") {
                    captures[String(patternSegment.dropFirst().dropLast())] = segment.removingPercentEncoding ?? String(segment)
                } else if patternSegment == segment {
                    literals += 1
                } else {
                    matched = false
                    break
                }
            }
            if matched, literals > (best?.literals ?? -1) {
                best = (route, captures, literals)
            }
        }
        guard let best else { return .notFound }
        return .found(best.route, best.captures)
    }
}

extension Substring {
    var removingPercentEncoding: String? { String(self).removingPercentEncodingLite }
}

extension String {
    /// Percent-decoding without Foundation's optional-heavy API in hot paths.
    var removingPercentEncodingLite: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
