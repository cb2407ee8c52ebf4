import Foundation
@testable import Sandbox
import Testing
import Untrusted

/// Every served admin route exists in porta's Account Management API spec with the
/// same method, and the parameters each handler reads are the spec's.
@Suite("Admin routes against porta-account_management_api.json")
struct SpecConformanceTests {
    struct SpecOperation {
        var parameters: Set<String>
    }

    /// `METHOD /path/{}/x` (suffix `.json`, captures anonymised) → parameter names, from the
    /// Account Management API and the Analytics API (`/stats/…`).
    static func loadSpec() throws -> [String: SpecOperation] {
        var operations: [String: SpecOperation] = [:]
        for name in ["porta-account_management_api.json", "porta-analytics_api.json"] {
            try operations.merge(loadSpec(fixtures.appendingPathComponent(name))) { first, _ in first }
        }
        return operations
    }

    static func loadSpec(_ url: URL) throws -> [String: SpecOperation] {
        let spec = try JSONValue.parse(Data(contentsOf: url))
        let components = spec["components"]?["schemas"]?.objectValue ?? [:]
        var operations: [String: SpecOperation] = [:]
        for (path, item) in spec["paths"]?.objectValue ?? [:] {
            for (method, operation) in item.objectValue ?? [:] where method != "parameters" {
                var names = Set((operation["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
                for (_, media) in operation["requestBody"]?["content"]?.objectValue ?? [:] {
                    var schema = media["schema"] ?? .null
                    if let reference = schema["$ref"]?.stringValue, let name = reference.split(separator: "/").last {
                        schema = components[String(name)] ?? .null
                    }
                    names.formUnion(schema["properties"]?.objectValue?.keys ?? [:].keys)
                }
                operations["\(method.uppercased()) \(normalise(path))"] = SpecOperation(parameters: names)
            }
        }
        return operations
    }

    static func normalise(_ path: String) -> String {
        var result = path
        if result.hasSuffix(".xml") { result = String(result.dropLast(4)) + ".json" }
        if result.hasSuffix(".{format}") { result = String(result.dropLast(".{format}".count)) + ".json" }
        return result.replacingOccurrences(of: #"\{[^}]+\}"#, with: "{}", options: .regularExpression)
    }

    @Test func everyServedRouteIsInTheSpecWithItsParameters() throws {
        let spec = try Self.loadSpec()
        #expect(spec.count > 150, "the spec file was not read")
        for route in AdminRoutes.all {
            let method = (route.specMethod ?? route.method).rawValue
            let key = "\(method) \(Self.normalise(route.path))"
            guard let operation = spec[key] else {
                Issue.record("\(route.method.rawValue) \(route.path) is not in the spec")
                continue
            }
            let unknown = Set(route.parameters).subtracting(operation.parameters)
            #expect(unknown.isEmpty, "\(route.method.rawValue) \(route.path) reads \(unknown.sorted()) not in the spec")
            // Parameters marked undocumented must really be missing from the spec.
            let documented = Set(route.undocumented).intersection(operation.parameters)
            #expect(documented.isEmpty, "\(route.path): \(documented.sorted()) are documented; list them as parameters")
        }
    }

    /// What 3scale's Python client reads before anything else (its readiness probe), and the
    /// rest of the account plan routes.
    @Test func accountPlansAreServed() {
        let served = Set(AdminRoutes.all.map { "\($0.method.rawValue) \(Self.normalise($0.path))" })
        for route in [
            "GET /admin/api/account_plans.json", "POST /admin/api/account_plans.json",
            "GET /admin/api/account_plans/{}.json", "PUT /admin/api/account_plans/{}/default.json",
            "GET /admin/api/accounts.json", "GET /admin/api/services.json",
        ] {
            #expect(served.contains(route), "\(route) is not served")
        }
    }

    @Test func routesAreUniqueAndAliasesPointAtDocumentedMethods() {
        var seen = Set<String>()
        for route in AdminRoutes.all {
            let key = "\(route.method.rawValue) \(route.path)"
            #expect(seen.insert(key).inserted, "duplicate route \(key)")
            if let specMethod = route.specMethod {
                #expect(AdminRoutes.all.contains { $0.method == specMethod && $0.path == route.path },
                        "\(key) aliases \(specMethod.rawValue), which is not served")
            }
        }
    }
}
