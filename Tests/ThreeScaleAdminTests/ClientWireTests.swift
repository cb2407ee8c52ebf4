import Foundation
import Synchronization
import Testing

@testable import ThreeScaleAdmin

@Suite("Admin client on the wire")
struct ClientWireTests {
    func client(_ server: ScriptedServer) throws -> AdminClient {
        try AdminClient(configuration: AdminConfiguration(
            adminURL: server.url + "/", accessToken: "tok3n", maxAttempts: 3, retryDelay: .milliseconds(5)))
    }

    static func backends(_ ids: Range<Int>) -> String {
        let items = ids.map { #"{"backend_api":{"id":\#($0),"name":"B\#($0)","system_name":"b\#($0)","private_endpoint":"http://h:80"}}"# }
        return #"{"backend_apis":["# + items.joined(separator: ",") + "]}"
    }

    @Test("lists follow every page with per_page=500, authenticated by HTTP Basic")
    func paging() async throws {
        let server = try await ScriptedServer.start { request, _ in
            request.query.contains("page=1&") ? (200, Self.backends(0..<500)) : (200, Self.backends(500..<501))
        }
        let admin = try client(server)
        let backends = try await admin.listBackends()
        #expect(backends.count == 501)
        let requests = server.requests
        #expect(requests.map(\.query) == ["page=1&per_page=500", "page=2&per_page=500"])
        #expect(requests.allSatisfy { $0.path == "/admin/api/backend_apis.json" })
        #expect(requests.first?.headers["authorization"] == "Basic " + Data(":tok3n".utf8).base64EncodedString())
        #expect(requests.allSatisfy { !$0.uri.contains("tok3n") })
        // Names resolve from the listing without another request.
        #expect(try await admin.backendID(.name("b500")) == 500)
        #expect(server.requests.count == 2)
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("idempotent calls are retried on 503, at most three times")
    func retries() async throws {
        let server = try await ScriptedServer.start { request, index in
            if request.path.hasPrefix("/admin/api/services/7/proxy.json") { return (503, "") }
            return index == 0 ? (503, "<html>busy</html>") : (200, #"{"services":[]}"#)
        }
        let admin = try client(server)
        #expect(try await admin.listProducts().isEmpty)
        #expect(server.requests.count == 2)
        await #expect(throws: AdminError.unexpectedStatus(operation: "Reading the proxy of product #7", status: 503, body: "")) {
            try await admin.proxy(productID: 7)
        }
        #expect(server.requests.count == 5)
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("a create is form-encoded and retried only after a lookup shows it did not happen")
    func creates() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch (request.method, request.path) {
            case ("POST", "/admin/api/backend_apis.json"): return (502, "")
            case ("GET", "/admin/api/backend_apis.json"):
                return (200, #"{"backend_apis":[{"backend_api":{"id":9,"name":"L","system_name":"llama70b"}}]}"#)
            case ("POST", "/admin/api/services/1/proxy/mapping_rules.json"):
                return (422, #"{"errors":{"pattern":["is invalid"],"delta":["must be greater than 0"]}}"#)
            default: return (404, #"{"status":"Not found"}"#)
            }
        }
        let admin = try client(server)
        let created = try await admin.createBackend(NewBackend(name: "L", systemName: "llama70b", privateEndpoint: "http://m:8000"))
        #expect(created.id == 9)  // the 502 came after porta had created it
        let post = try #require(server.requests.first)
        #expect(post.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(post.body == "name=L&system_name=llama70b&private_endpoint=http%3A%2F%2Fm%3A8000")
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
        await #expect(throws: AdminError.validationFailed(operation: "Creating mapping rule GET x in product #1", errors: [
            .init(field: "delta", message: "must be greater than 0"), .init(field: "pattern", message: "is invalid"),
        ])) {
            try await admin.createMappingRule(of: .product(id: 1), NewMappingRule(httpMethod: "GET", pattern: "x", metricID: 1, delta: 0))
        }
        await #expect(throws: AdminError.notFound(what: "Backend #4")) { try await admin.deleteBackend(id: 4) }
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("an HTML page where JSON was expected is named as such")
    func htmlBody() async throws {
        let server = try await ScriptedServer.start { _, _ in (200, "<!DOCTYPE html><html>login</html>") }
        let admin = try client(server)
        await #expect(throws: AdminError.unexpectedBody(operation: "Listing API docs", reason: "an HTML page instead of JSON")) {
            try await admin.activeDocs()
        }
        try await admin.shutdown()
        try await server.stop()
    }

    @Test("the policy chain is sent as a JSON string; a missing latest config is nil")
    func policiesAndConfigs() async throws {
        let server = try await ScriptedServer.start { request, _ in
            if request.path.hasSuffix("/policies.json") {
                return (200, #"{"policies_config":[{"name":"apicast","version":"builtin","configuration":{},"enabled":true}]}"#)
            }
            return (404, #"{"status":"Not found"}"#)
        }
        let admin = try client(server)
        let chain = try await admin.updatePolicies(productID: 3, [PolicyConfig(name: "apicast", version: "builtin")])
        #expect(chain.map(\.name) == ["apicast"])
        let body = try #require(server.requests.first?.body)
        #expect(body.hasPrefix("policies_config=%5B%7B%22configuration%22"))
        #expect(try await admin.latestProxyConfig(productID: 3, environment: .production) == nil)
        try await admin.shutdown()
        try await server.stop()
    }
}

@Suite("Applier on the wire")
struct ApplierWireTests {
    @Test("a failed apply says what was done and what was not")
    func partialApply() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch (request.method, request.path) {
            case ("POST", "/admin/api/backend_apis.json"):
                return (201, #"{"backend_api":{"id":5,"name":"LLama70B","system_name":"llama70b","private_endpoint":"http://m:8080"}}"#)
            case ("POST", "/admin/api/services.json"):
                return (422, #"{"errors":{"system_name":["has already been taken"]}}"#)
            default:
                return (404, #"{"status":"Not found"}"#)
            }
        }
        let admin = try AdminClient(configuration: AdminConfiguration(adminURL: server.url, accessToken: "t"))
        let set = try Fixtures.seed()
        let plan = try Planner.plan(set, state: ServerState(), documents: ["llama70b": Fixtures.openAPI])
        let seen = Mutex<[String]>([])
        let report = await Applier(client: admin, resources: set).apply(plan) { action, status in
            if status == .completed { seen.withLock { $0.append(action.summary) } }
        }
        #expect(!report.succeeded)
        #expect(report.completed.map(\.summary) == ["create backend llama70b (http://llama70b-predictor.llama-serving.svc.cluster.local:8080)"])
        #expect(seen.withLock { $0 } == report.completed.map(\.summary))
        #expect(report.failed.map(\.action.summary) == ["create product llama70b"])
        #expect(report.failed.first?.error == .validationFailed(operation: "Creating product llama70b", errors: [.init(field: "system_name", message: "has already been taken")]))
        #expect(report.notAttempted.count == plan.actions.count - 2)
        // The backend and the product depend on nothing: they are created concurrently.
        #expect(server.requests.map { "\($0.method) \($0.path)" }.sorted() == ["POST /admin/api/backend_apis.json", "POST /admin/api/services.json"])
        try await admin.shutdown()
        try await server.stop()
    }
}

@Suite("Name resolution")
struct NameResolutionTests {
    @Test("objects created after a listing resolve by name without another listing")
    func createdAfterListing() async throws {
        let server = try await ScriptedServer.start { request, _ in
            switch (request.method, request.path) {
            case ("GET", "/admin/api/services/2/application_plans.json"):
                return (200, #"{"plans":[{"application_plan":{"id":11,"name":"Basic","system_name":"basic","state":"hidden"}}]}"#)
            case ("POST", "/admin/api/services/2/application_plans.json"):
                return (201, #"{"application_plan":{"id":12,"name":"Standard Plan","system_name":"standard","state":"published"}}"#)
            default:
                return (404, #"{"status":"Not found"}"#)
            }
        }
        let admin = try AdminClient(configuration: AdminConfiguration(adminURL: server.url, accessToken: "t"))
        #expect(try await admin.applicationPlans(productID: 2).count == 1)
        _ = try await admin.createApplicationPlan(productID: 2, NewApplicationPlan(name: "Standard Plan", systemName: "standard"))
        #expect(try await admin.applicationPlanID(productID: 2, .name("standard")) == 12)
        #expect(try await admin.applicationPlanID(productID: 2, .name("basic")) == 11)
        await #expect(throws: AdminError.unknownName(kind: "application plan of product #2", name: "gold")) {
            try await admin.applicationPlanID(productID: 2, .name("gold"))
        }
        #expect(server.requests.count == 2)
        try await admin.shutdown()
        try await server.stop()
    }
}
