import Foundation
@testable import Sandbox
import Testing

@Suite("Admin API: authentication, errors and backends")
struct AdminBackendTests {
    @Test func authenticationIsByTokenOrBasicAndFailsWith403() async throws {
        try await TestSandbox.with { t in
            let listed = try await t.call(.GET, "/admin/api/backend_apis.json").json
            let missing = try await t.call(.GET, "/admin/api/backend_apis.json", token: .some(nil))
            #expect(missing.status == 403)
            #expect(missing.json == ["error": "Access denied"])
            let wrong = try await t.call(.GET, "/admin/api/backend_apis.json", token: "nope")
            #expect(wrong.status == 403)
            #expect(wrong.json == ["error": "Access denied"])
            let basicUser = Data("\(t.token):".utf8).base64EncodedString()
            let basicPassword = Data(":\(t.token)".utf8).base64EncodedString()
            for credential in [basicUser, basicPassword] {
                let reply = try await t.call(.GET, "/admin/api/backend_apis.json", token: .some(nil),
                                             headers: [("Authorization", "Basic \(credential)")])
                #expect(reply.status == 200)
                #expect(reply.json == listed)
            }
            // The token in a form body works for writes.
            let created = try await t.call(.POST, "/admin/api/backend_apis.json",
                                           form: [("name", "Bk"), ("private_endpoint", "http://127.0.0.1:9")])
            #expect(created.status == 201)
            // Unknown paths are 404 like any missing record; XML is not served.
            #expect(try await t.call(.GET, "/admin/api/nothing.json").json == ["status": "Not found"])
            #expect(try await t.call(.GET, "/admin/api/backend_apis.xml").status == 406)
        }
    }

    @Test func backendCrudWithEnvelopesAndErrors() async throws {
        try await TestSandbox.with { t in
            // Nested form keys, system_name derived from the name, endpoint normalised with its port.
            let created = try await t.call(.POST, "/admin/api/backend_apis.json", form: [
                ("backend_api[name]", "My Backend"), ("backend_api[private_endpoint]", "https://echo-api.3scale.net"),
            ])
            #expect(created.status == 201)
            let backend = try #require(created.json["backend_api"])
            #expect(backend["system_name"] == "my_backend")
            #expect(backend["private_endpoint"] == "https://echo-api.3scale.net:443")
            let id = try #require(backend["id"]?.doubleValue).asInt

            // Flat keys and a duplicate system name.
            let duplicate = try await t.call(.POST, "/admin/api/backend_apis.json", form: [
                ("name", "Other"), ("system_name", "my_backend"), ("private_endpoint", "http://example.com"),
            ])
            #expect(duplicate.status == 422)
            #expect(duplicate.json == ["errors": ["system_name": ["has already been taken"]]])

            let blank = try await t.call(.POST, "/admin/api/backend_apis.json", form: [("description", "x")])
            #expect(blank.status == 422)
            #expect(blank.json["errors"]?["name"] == ["can't be blank"])
            #expect(blank.json["errors"]?["private_endpoint"] == ["can't be blank"])

            let missing = try await t.call(.POST, "/admin/api/backend_apis.json")
            #expect(missing.status == 400)
            #expect(missing.text == "Required parameter missing: backend_api")

            let wrongType = try await t.call(.POST, "/admin/api/backend_apis.json", form: [("backend_api", "5")])
            #expect(wrongType.status == 422)
            #expect(wrongType.json == "Wrong type for parameter: backend_api")

            // JSON bodies, and malformed JSON.
            let json = try await t.call(.PUT, "/admin/api/backend_apis/\(id).json",
                                        json: ["backend_api": ["description": "from json", "system_name": "ignored"]])
            #expect(json.status == 200)
            #expect(json.json["backend_api"]?["description"] == "from json")
            #expect(json.json["backend_api"]?["system_name"] == "my_backend")
            var malformed = HTTPClientRequestBuilder.request(t.admin + "/admin/api/backend_apis.json?access_token=\(t.token)", method: .POST)
            malformed.headers.add(name: "Content-Type", value: "application/json")
            malformed.body = .bytes(.init(string: "{not json"))
            #expect(try await t.send(malformed).status == 400)

            // After the tenant's default backend, "API Backend".
            let list = try await t.call(.GET, "/admin/api/backend_apis.json")
            #expect(list.json["backend_apis"]?.arrayValue?.count == 2)
            #expect(list.json["backend_apis"]?.arrayValue?.last?["backend_api"]?["id"]?.doubleValue == Double(id))

            #expect(try await t.call(.GET, "/admin/api/backend_apis/999.json").json == ["status": "Not found"])
            #expect(try await t.call(.GET, "/admin/api/backend_apis/abc.json").status == 404)

            let deleted = try await t.call(.DELETE, "/admin/api/backend_apis/\(id).json")
            #expect(deleted.status == 200)
            #expect(deleted.body.isEmpty)
            #expect(try await t.call(.GET, "/admin/api/backend_apis/\(id).json").status == 404)
        }
    }

    @Test func badInputGetsAnErrorAndLosesNothing() async throws {
        try await TestSandbox.with { t in
            let id = try await t.createBackend("Kept", endpoint: "http://example.com")
            let before = try await t.call(.GET, "/admin/api/backend_apis/\(id).json").json
            func raw(_ body: String, type: String = "application/x-www-form-urlencoded") async throws -> TestSandbox.Reply {
                var request = HTTPClientRequestBuilder.request(
                    t.admin + "/admin/api/backend_apis/\(id).json?access_token=\(t.token)", method: .PUT)
                request.headers.add(name: "Content-Type", value: type)
                request.body = .bytes(.init(string: body))
                return try await t.send(request)
            }
            #expect(try await raw("name=%zz").status == 400)
            #expect(try await raw("backend_api[name=x").status == 400)
            #expect(try await raw("a" + String(repeating: "[a]", count: 100) + "=1").status == 400)
            #expect(try await raw("backend_api[name][x]=1").json == ["errors": ["name": ["is invalid"]]])
            #expect(try await raw(#"{"backend_api":{"name":["a"]}}"#, type: "application/json").status == 422)
            #expect(try await raw(#"[1,2]"#, type: "application/json").status == 400)
            #expect(try await raw("name=x", type: "text/csv").status == 400)
            #expect(try await t.call(.PUT, "/admin/api/backend_apis/\(id).json", form: [("private_endpoint", "ftp://x")]).json
                == ["errors": ["private_endpoint": ["Invalid URL format"]]])
            #expect(try await t.call(.GET, "/admin/api/backend_apis/\(id).json").json == before)
        }
    }

    @Test func paginationReplacesOutOfRangeValuesAndAddsMetadata() async throws {
        try await TestSandbox.with { t in
            // Four with the tenant's default backend.
            for index in 1...4 { _ = try await t.createBackend("B\(index)", endpoint: "http://example.com") }
            let page = try await t.call(.GET, "/admin/api/backend_apis.json", form: [("page", "3"), ("per_page", "2")])
            #expect(page.json["backend_apis"]?.arrayValue?.count == 1)
            #expect(page.json["metadata"] == ["per_page": 2, "total_entries": 5, "total_pages": 3, "current_page": 3])
            let all = try await t.call(.GET, "/admin/api/backend_apis.json", form: [("per_page", "1000")])
            #expect(all.json["backend_apis"]?.arrayValue?.count == 5)
            #expect(all.json["metadata"] == nil)
        }
    }

    @Test func backendMetricsMethodsAndMappingRules() async throws {
        try await TestSandbox.with { t in
            let backend = try await t.createBackend("Model", endpoint: "http://example.com")
            let metrics = try await t.call(.GET, "/admin/api/backend_apis/\(backend)/metrics.json")
            let hits = try #require(metrics.json["metrics"]?.arrayValue?.first?["metric"])
            #expect(hits["system_name"] == .string("hits.\(backend)"))
            #expect(hits["name"] == nil)
            let hitsID = try #require(hits["id"]?.doubleValue).asInt

            let metric = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/metrics.json",
                                          form: [("friendly_name", "Tokens"), ("unit", "token")])
            #expect(metric.status == 201)
            #expect(metric.json["metric"]?["system_name"] == .string("tokens.\(backend)"))
            let metricID = try #require(metric.json["metric"]?["id"]?.doubleValue).asInt
            let noParams = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/metrics.json")
            #expect(noParams.json == ["errors": ["friendly_name": ["can't be blank"], "unit": ["can't be blank"]]])

            let notUnderHits = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/metrics/\(metricID)/methods.json",
                                                form: [("friendly_name", "x")])
            #expect(notUnderHits.json == ["errors": ["parent_id": ["You can only create methods under 'hits'"]]])
            let method = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/metrics/\(hitsID)/methods.json",
                                          form: [("friendly_name", "Completions"), ("system_name", "completions")])
            #expect(method.status == 201)
            #expect(method.json["method"]?["parent_id"]?.doubleValue == Double(hitsID))
            let methodID = try #require(method.json["method"]?["id"]?.doubleValue).asInt
            let updated = try await t.call(.PUT, "/admin/api/backend_apis/\(backend)/metrics/\(hitsID)/methods/\(methodID).json",
                                           form: [("friendly_name", "Completions v2")])
            #expect(updated.json["method"]?["friendly_name"] == "Completions v2")
            #expect(try await t.call(.GET, "/admin/api/backend_apis/\(backend)/metrics/\(hitsID)/methods.json")
                .json["methods"]?.arrayValue?.count == 1)

            let rule = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/mapping_rules.json", form: [
                ("http_method", "POST"), ("pattern", "/v1/completions"), ("delta", "1"), ("metric_id", String(methodID)),
            ])
            #expect(rule.status == 201)
            #expect(rule.json["mapping_rule"]?["position"] == 1)
            #expect(rule.json["mapping_rule"]?["last"] == false)
            let ruleID = try #require(rule.json["mapping_rule"]?["id"]?.doubleValue).asInt
            let badMethod = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/mapping_rules.json", form: [
                ("http_method", "FETCH"), ("pattern", "v1"), ("delta", "0"), ("metric_id", String(methodID)),
            ])
            #expect(badMethod.status == 422)
            #expect(badMethod.json["errors"]?["http_method"] == ["is not included in the list"])
            #expect(badMethod.json["errors"]?["pattern"] != nil)
            #expect(badMethod.json["errors"]?["delta"] == ["must be greater than 0"])
            let repeated = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/mapping_rules.json", form: [
                ("http_method", "GET"), ("pattern", "/{a}/{a}"), ("delta", "1"), ("metric_id", String(methodID)),
            ])
            #expect(repeated.json == ["errors": ["pattern": ["Can't have repeated variable names"]]])
            let foreignMetric = try await t.call(.POST, "/admin/api/backend_apis/\(backend)/mapping_rules.json", form: [
                ("http_method", "GET"), ("pattern", "/x"), ("delta", "1"), ("metric_id", "9999"),
            ])
            #expect(foreignMetric.status == 404)
            let ruleUpdate = try await t.call(.PUT, "/admin/api/backend_apis/\(backend)/mapping_rules/\(ruleID).json",
                                              form: [("mapping_rule[last]", "true")])
            #expect(ruleUpdate.json["mapping_rule"]?["last"] == true)
            #expect(try await t.call(.DELETE, "/admin/api/backend_apis/\(backend)/mapping_rules/\(ruleID).json").status == 200)
            #expect(try await t.call(.GET, "/admin/api/backend_apis/\(backend)/mapping_rules.json").json == ["mapping_rules": []])

            let hitsDelete = try await t.call(.DELETE, "/admin/api/backend_apis/\(backend)/metrics/\(hitsID).json")
            #expect(hitsDelete.status == 403)
            #expect(try await t.call(.DELETE, "/admin/api/backend_apis/\(backend)/metrics/\(metricID).json").status == 200)
        }
    }
}

/// A small helper so tests can build raw requests.
enum HTTPClientRequestBuilder {
    static func request(_ url: String, method: NIOHTTP1.HTTPMethod) -> AsyncHTTPClient.HTTPClientRequest {
        var request = AsyncHTTPClient.HTTPClientRequest(url: url)
        request.method = method
        return request
    }
}

import AsyncHTTPClient
import NIOHTTP1
