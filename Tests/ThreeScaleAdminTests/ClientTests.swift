import Foundation
import Testing

@testable import ThreeScaleAdmin
import Untrusted

@Suite("Admin client")
struct ClientTests {
    @Test("list envelopes decode from porta's recorded answers")
    func envelopes() throws {
        let backends = try Envelope.many(BackendAPI.self, key: "backend_api", plural: "backend_apis", from: try Fixtures.porta("backend_api_list_fixture.json"))
        #expect(backends.map(\.systemName) == ["backend_01", "backend_02", "PerfToolAPI"])
        #expect(backends[0].privateEndpoint == "https://echo-api.3scale.net:443")
        let products = try Envelope.many(Service.self, key: "service", plural: "services", from: try Fixtures.porta("product_list_fixture.json"))
        #expect(products.map(\.id) == [45498, 55498])
        let apps = try Envelope.many(Application.self, key: "application", plural: "applications", from: try Fixtures.porta("app_list_response_fixture.json"))
        #expect(apps.first?.userKey == "4e7b7b09fb75bcb3f72459a336100dab")
        #expect(apps.first?.name == "API signup")
        let users = try Envelope.many(User.self, key: "user", plural: "users", from: try Fixtures.porta("user_list_response_fixture.json"))
        #expect(users.map(\.username) == ["admin", "3scaleadmin"])
        let user = try Envelope.one(User.self, key: "user", from: try Fixtures.porta("user_response_fixture.json"))
        #expect(user.role == "admin")
        let accounts = try Envelope.many(Account.self, key: "account", plural: "accounts", from: try Fixtures.porta("accounts_fixture.json"))
        #expect(accounts.first?.orgName == "Master Account")
        #expect(accounts.dropFirst().first?.siteAccessCode == "b43538b6ad")
        let configs = try Envelope.many(ProxyConfig.self, key: "proxy_config", plural: "proxy_configs", from: try Fixtures.porta("account_proxy_fixture.json"))
        #expect(configs.first?.version == 1)
        #expect(configs.first?.environment == "production")
        #expect(configs.first?.content?["proxy"]?["policy_chain"] == .array([.object(["name": .string("apicast"), "version": .string("builtin"), "configuration": .object([:])])]))
    }

    @Test("bare-array, plans and policy envelopes decode")
    func otherEnvelopes() throws {
        let usages = try Envelope.many(BackendUsage.self, key: "backend_usage", plural: "backend_usages",
            from: Array(#"[{"backend_usage":{"id":7,"path":"/","service_id":2,"backend_id":3,"links":[]}}]"#.utf8))
        #expect(usages == [BackendUsage(id: 7, path: "/", serviceID: 2, backendID: 3)])
        let plans = try Envelope.many(ApplicationPlan.self, key: "application_plan", plural: "plans",
            from: Array(#"{"plans":[{"application_plan":{"id":1,"name":"Basic","state":"published","setup_fee":0.0,"system_name":"basic","default":true}}]}"#.utf8))
        #expect(plans.first?.isPublished == true)
        let metrics = try Envelope.many(Metric.self, key: "metric", plural: "metrics", from: Array(
            #"{"metrics":[{"metric":{"id":1,"system_name":"hits","friendly_name":"Hits","unit":"hit"}},{"method":{"id":2,"system_name":"health","friendly_name":"Health","parent_id":1}}]}"#.utf8))
        #expect(metrics.map(\.parentID) == [nil, 1])
        let rule = try Envelope.one(PricingRule.self, key: "pricing_rule", from: Array(#"{"pricing_rule":{"id":1,"metric_id":2,"cost_per_unit":"0.1","min":1,"max":10}}"#.utf8))
        #expect(rule.costPerUnit == "0.1")
    }

    @Test("error bodies map to actionable errors")
    func errorMapping() throws {
        func map(_ status: Int, _ body: String) -> AdminError {
            ResponseMapper.error(status: status, body: Array(body.utf8), operation: "Creating backend llama70b", what: "Backend llama70b", url: "https://3scale-admin.example.com")
        }
        #expect(map(403, #"{"error":"Access denied"}"#) == .accessDenied(url: "https://3scale-admin.example.com"))
        #expect(map(403, #"{"error":"Your access token does not have the correct permissions"}"#)
            == .insufficientPermissions(operation: "Creating backend llama70b", message: "Your access token does not have the correct permissions"))
        #expect(map(403, #"{"errors":{"base":["cannot be deleted because it is used by at least one Product"]}}"#)
            == .forbidden(operation: "Creating backend llama70b", reasons: ["cannot be deleted because it is used by at least one Product"]))
        #expect(map(403, "") == .forbidden(operation: "Creating backend llama70b", reasons: []))
        #expect(map(404, #"{"status":"Not found"}"#) == .notFound(what: "Backend llama70b"))
        let unprocessable = String(decoding: try Fixtures.porta("unprocessable_error_response_fixture.json"), as: UTF8.self)
        #expect(map(422, unprocessable) == .validationFailed(operation: "Creating backend llama70b", errors: [.init(field: "system_name", message: "has already been taken")]))
        #expect(map(422, #"{"error":"You cannot subscribe to that service."}"#)
            == .validationFailed(operation: "Creating backend llama70b", errors: [.init(field: "base", message: "You cannot subscribe to that service.")]))
        // porta's refused state change carries a full message: it is shown as it comes.
        let refused = map(422, #"{"error":{"from":"incomplete","event":"mark_as_deleted","error":"State cannot transition via \"mark as deleted\"","object":{}}}"#)
        #expect(refused.description.hasSuffix(
            #"was rejected: State cannot transition via "mark as deleted" (3scale keeps a tenant's last product: create another one first)."#))
        #expect(map(400, "Required parameter missing: backend_api") == .missingParameter(operation: "Creating backend llama70b", parameter: "backend_api"))
        let test = String(decoding: try Fixtures.porta("bad_request_error_response_fixture.json"), as: UTF8.self)
        #expect(map(400, test) == .unexpectedStatus(operation: "Creating backend llama70b", status: 400, body: "Test Error"))
        #expect(map(502, "<!DOCTYPE html><html><body>Bad gateway</body></html>") == .unexpectedStatus(operation: "Creating backend llama70b", status: 502, body: "an HTML page"))
        #expect(map(503, "").isTransient)
        #expect(map(429, "").isTransient)
        #expect(!map(422, unprocessable).isTransient)
        #expect(AdminError.accessDenied(url: "u").description.contains("Account Management API scope"))
        #expect(AdminError.validationFailed(operation: "Creating backend x", errors: [.init(field: "system_name", message: "has already been taken")]).description
            == "Creating backend x was rejected: system_name has already been taken.")
        #expect(ResponseMapper.bodyProblem([]) == "an empty body")
        #expect(ResponseMapper.bodyProblem(Array("<html>login</html>".utf8)) == "an HTML page instead of JSON")
    }

    @Test("form bodies escape values; the policy chain goes as a JSON string")
    func formBodies() {
        let body: FormBody = ["pattern": "/v1/chat/completions", "private_endpoint": "http://h:8000/a?b=c&d", "name": "LLama 70B+"]
        #expect(body.encoded == "pattern=%2Fv1%2Fchat%2Fcompletions&private_endpoint=http%3A%2F%2Fh%3A8000%2Fa%3Fb%3Dc%26d&name=LLama%2070B%2B")
        let chain = JSONValue.array([PolicyConfig(name: "apicast", version: "builtin").jsonValue]).jsonText
        #expect(chain == #"[{"configuration":{},"enabled":true,"name":"apicast","version":"builtin"}]"#)
    }

    @Test("integers above 2^53 come back exactly; numbers compare by value")
    func exactIntegers() throws {
        let configuration = try #require(JSONValue.parse(#"{"max_age": 9007199254740993, "ratio": 0.5}"#))
        #expect(configuration["max_age"] == .int(9_007_199_254_740_993))
        #expect(configuration["max_age"] != .int(9_007_199_254_740_992))
        #expect(configuration["max_age"] != .double(9_007_199_254_740_992))
        let chain = JSONValue.array([PolicyConfig(name: "cors", version: "builtin", configuration: configuration).jsonValue])
        #expect(chain.jsonText.contains(#""max_age":9007199254740993"#))
        #expect(JSONValue.parse(chain.jsonText) == chain)
        // A YAML 180 is the JSON 180.0 a server sends back, in sets and dictionaries too.
        #expect(JSONValue.int(180) == .double(180))
        #expect(Set<JSONValue>([.int(180), .double(180), .double(180.5)]).count == 2)
    }

    @Test("admin URLs are checked; the token never appears in a URL")
    func urls() throws {
        let base = try BaseURL("https://3scale-admin.apps.example.com/")
        #expect(base.url("/admin/api/services.json", query: [("page", "1")]) == "https://3scale-admin.apps.example.com/admin/api/services.json?page=1")
        #expect(throws: AdminError.self) { try BaseURL("3scale-admin.apps.example.com") }
        #expect(throws: AdminError.self) { try BaseURL("ftp://h") }
        #expect(MetricOwner.backend(id: 45).sanitize("hits.45") == "hits")
        #expect(MetricOwner.product(id: 45).sanitize("hits.45") == "hits.45")
        #expect(ObjectRef("42") == .id(42))
        #expect(ObjectRef("llama70b") == .name("llama70b"))
    }

    @Test("a refused connection names the admin URL and is not retried forever")
    func refused() async throws {
        let client = try AdminClient(configuration: AdminConfiguration(
            adminURL: "http://127.0.0.1:1", accessToken: "secret-token", maxAttempts: 2, retryDelay: .milliseconds(10)))
        defer { Task { try? await client.shutdown() } }
        do {
            _ = try await client.listBackends()
            Issue.record("no error")
        } catch {
            guard case .connectionFailed(let url, let reason) = error else { Issue.record("\(error)"); return }
            #expect(url == "http://127.0.0.1:1")
            #expect(reason == "connection refused")
            #expect(!error.description.contains("secret-token"))
        }
        try await client.shutdown()
    }

    @Test("an unreadable CA file is reported before any request")
    func caFile() {
        #expect(throws: AdminError.invalidCAFile(path: "/nonexistent/ca.pem", reason: "cannot read it")) {
            try AdminClient(configuration: AdminConfiguration(adminURL: "https://h", accessToken: "t", caFile: "/nonexistent/ca.pem"))
        }
    }
}
