import Foundation
@testable import Sandbox
import Testing
import Untrusted

@Suite("Admin API: products, proxy, policies, configs")
struct AdminProductTests {
    @Test func integersAbove2To53RoundTripExactly() async throws {
        try await TestSandbox.with { t in
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let chain = #"[{"name":"cors","version":"builtin","configuration":{"max_age":9007199254740993},"enabled":true}]"#
            let stored = try await t.call(.PUT, "/admin/api/services/\(id)/proxy/policies.json", form: [("policies_config", chain)])
            #expect(stored.status == 200)
            #expect(stored.text.contains(#""max_age":9007199254740993"#))
            let read = try await t.call(.GET, "/admin/api/services/\(id)/proxy/policies.json").json
            let maxAge = read["policies_config"]?.arrayValue?.first?["configuration"]?["max_age"]
            #expect(maxAge == .int(9_007_199_254_740_993))
            #expect(maxAge != .int(9_007_199_254_740_992))
        }
    }

    @Test func productCrudCreatesHitsDefaultPlanAndRule() async throws {
        try await TestSandbox.with { t in
            let service = try await t.createProduct("LLama70B")
            let id = try #require(service["id"]?.doubleValue).asInt
            #expect(service["system_name"] == "llama70b")
            #expect(service["state"] == "incomplete")
            #expect(service["backend_version"] == "1")
            #expect(service["deployment_option"] == "hosted")

            let metrics = try await t.call(.GET, "/admin/api/services/\(id)/metrics.json").json
            #expect(metrics["metrics"]?.arrayValue?.first?["metric"]?["system_name"] == "hits")
            #expect(metrics["metrics"]?.arrayValue?.first?["metric"]?["name"] == "hits")
            let plans = try await t.call(.GET, "/admin/api/services/\(id)/service_plans.json").json
            #expect(plans["plans"]?.arrayValue?.first?["service_plan"]?["name"] == "Default")
            let rules = try await t.call(.GET, "/admin/api/services/\(id)/proxy/mapping_rules.json").json
            #expect(rules["mapping_rules"]?.arrayValue?.first?["mapping_rule"]?["pattern"] == "/")

            let duplicate = try await t.call(.POST, "/admin/api/services.json", form: [("name", "x"), ("system_name", "llama70b")])
            #expect(duplicate.json == ["errors": ["system_name": ["has already been taken"]]])
            let invalid = try await t.call(.POST, "/admin/api/services.json", form: [("name", "x"), ("system_name", "bad name!")])
            #expect(invalid.json == ["errors": ["system_name": ["is invalid"]]])

            let updated = try await t.call(.PUT, "/admin/api/services/\(id).json",
                                           form: [("service[description]", "70B"), ("service[system_name]", "other")])
            #expect(updated.json["service"]?["description"] == "70B")
            #expect(updated.json["service"]?["system_name"] == "llama70b")
            // Besides the tenant's default product, "API".
            #expect(try await t.call(.GET, "/admin/api/services.json").json["services"]?.arrayValue?.count == 2)

            // Deletion closes the product's gateways.
            let staging = try #require(try await t.call(.GET, "/admin/api/services/\(id)/proxy.json")
                .json["proxy"]?["sandbox_endpoint"]?.stringValue)
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id).json").status == 200)
            #expect(try await t.call(.GET, "/admin/api/services/\(id).json").status == 404)
            let left = try await t.call(.GET, "/admin/api/services.json").json["services"]?.arrayValue ?? []
            #expect(left.map { $0["service"]?["system_name"] } == ["api"])
            await #expect(throws: (any Error).self) { _ = try await t.get(staging + "/") }
        }
    }

    @Test func productMetricsMethodsAndMappingRules() async throws {
        try await TestSandbox.with { t in
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let hits = try #require(try await t.call(.GET, "/admin/api/services/\(id)/metrics.json")
                .json["metrics"]?.arrayValue?.first?["metric"]?["id"]?.doubleValue).asInt
            let method = try await t.call(.POST, "/admin/api/services/\(id)/metrics/\(hits)/methods.json",
                                          form: [("metric[friendly_name]", "Models"), ("metric[system_name]", "models")])
            #expect(method.status == 201)
            #expect(method.json["method"]?["system_name"] == "models")
            let methodID = try #require(method.json["method"]?["id"]?.doubleValue).asInt
            let metric = try await t.call(.POST, "/admin/api/services/\(id)/metrics.json",
                                          form: [("friendly_name", "Tokens"), ("unit", "token")])
            #expect(metric.status == 201)
            let metricID = try #require(metric.json["metric"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.PUT, "/admin/api/services/\(id)/metrics/\(metricID).json", form: [("unit", "tok")])
                .json["metric"]?["unit"] == "tok")
            // The list holds metrics and methods.
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/metrics.json").json["metrics"]?.arrayValue?.count == 3)
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/metrics/\(hits)/methods/\(methodID).json")
                .json["method"]?["friendly_name"] == "Models")

            let rule = try await t.call(.POST, "/admin/api/services/\(id)/proxy/mapping_rules.json", form: [
                ("mapping_rule[http_method]", "GET"), ("mapping_rule[pattern]", "/v1/models$"),
                ("mapping_rule[delta]", "1"), ("mapping_rule[metric_id]", String(methodID)), ("mapping_rule[position]", "1"),
            ])
            #expect(rule.status == 201)
            #expect(rule.json["mapping_rule"]?["position"] == 1)
            let ruleID = try #require(rule.json["mapping_rule"]?["id"]?.doubleValue).asInt
            let ordered = try await t.call(.GET, "/admin/api/services/\(id)/proxy/mapping_rules.json").json
            #expect(ordered["mapping_rules"]?.arrayValue?.map { $0["mapping_rule"]?["pattern"] } == ["/v1/models$", "/"])
            let patched = try await t.call(.PATCH, "/admin/api/services/\(id)/proxy/mapping_rules/\(ruleID).json",
                                           form: [("delta", "2")])
            #expect(patched.json["mapping_rule"]?["delta"] == 2)
            let put = try await t.call(.PUT, "/admin/api/services/\(id)/proxy/mapping_rules/\(ruleID).json",
                                       form: [("delta", "abc")])
            #expect(put.json == ["errors": ["delta": ["is not a number"]]])
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/proxy/mapping_rules/\(ruleID).json")
                .json["mapping_rule"]?["delta"] == 2)
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id)/proxy/mapping_rules/\(ruleID).json").status == 200)
            // acts_as_list: the rules below a deleted one move up.
            let left = try await t.call(.GET, "/admin/api/services/\(id)/proxy/mapping_rules.json").json
            #expect(left["mapping_rules"]?.arrayValue?.map { $0["mapping_rule"]?["position"] } == [1])
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id)/metrics/\(hits)/methods/\(methodID).json").status == 200)
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id)/metrics/\(hits).json").json
                == ["errors": ["base": ["The Hits metric cannot be deleted"]]])
        }
    }

    @Test func backendUsagesAreABareArray() async throws {
        try await TestSandbox.with { t in
            let backend = try await t.createBackend("Bk", endpoint: "http://example.com")
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let usage = try await t.call(.POST, "/admin/api/services/\(id)/backend_usages.json",
                                         form: [("backend_api_config[backend_api_id]", String(backend)), ("backend_api_config[path]", "v1")])
            #expect(usage.status == 201)
            #expect(usage.json["backend_usage"]?["path"] == "/v1")
            #expect(usage.json["backend_usage"]?["backend_id"]?.doubleValue == Double(backend))
            let usageID = try #require(usage.json["backend_usage"]?["id"]?.doubleValue).asInt
            let again = try await t.call(.POST, "/admin/api/services/\(id)/backend_usages.json",
                                         form: [("backend_api_id", String(backend)), ("path", "/v2")])
            #expect(again.json == ["errors": ["backend_api_id": ["has already been taken"]]])
            let list = try await t.call(.GET, "/admin/api/services/\(id)/backend_usages.json")
            #expect(list.json.arrayValue?.count == 1)
            #expect(list.json.arrayValue?.first?["backend_usage"]?["id"]?.doubleValue == Double(usageID))
            #expect(try await t.call(.PUT, "/admin/api/services/\(id)/backend_usages/\(usageID).json", form: [("path", "")])
                .json["backend_usage"]?["path"] == "/")
            #expect(try await t.call(.DELETE, "/admin/api/backend_apis/\(backend).json").json
                == ["errors": ["base": ["cannot be deleted because it is used by at least one Product"]]])
            #expect(try await t.call(.DELETE, "/admin/api/services/\(id)/backend_usages/\(usageID).json").status == 200)
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/backend_usages/\(usageID).json").status == 404)
        }
    }

    @Test func proxyPoliciesDeployAndPromote() async throws {
        try await TestSandbox.with { t in
            _ = try await t.createBackend("Bk", endpoint: "http://example.com")
            let id = try #require(try await t.createProduct("Product")["id"]?.doubleValue).asInt
            let proxy = try await t.call(.GET, "/admin/api/services/\(id)/proxy.json").json["proxy"]
            #expect(proxy?["credentials_location"] == "query")
            #expect(proxy?["auth_user_key"] == "user_key")
            #expect(proxy?["error_status_auth_missing"] == 403)
            #expect(proxy?["error_auth_failed"] == "Authentication failed")
            #expect(proxy?["api_backend"] == .null)
            #expect(proxy?["sandbox_endpoint"]?.stringValue?.hasPrefix("http://127.0.0.1:") == true)
            #expect(proxy?["sandbox_endpoint"] != proxy?["endpoint"])

            #expect(try await t.call(.GET, "/admin/api/services/\(id)/proxy/configs/sandbox/latest.json").status == 404)
            let updated = try await t.call(.PATCH, "/admin/api/services/\(id)/proxy.json", form: [
                ("credentials_location", "headers"), ("auth_user_key", "Authorization"), ("error_status_no_match", "418"),
            ])
            #expect(updated.status == 200)
            #expect(updated.json["proxy"]?["auth_user_key"] == "Authorization")
            let invalid = try await t.call(.PUT, "/admin/api/services/\(id)/proxy.json",
                                           form: [("proxy[credentials_location]", "cookie")])
            #expect(invalid.json == ["errors": ["credentials_location": ["is not included in the list"]]])
            // The update deployed version 1 to staging.
            let staging = try await t.call(.GET, "/admin/api/services/\(id)/proxy/configs/staging.json").json
            #expect(staging["proxy_configs"]?.arrayValue?.count == 1)
            let content = staging["proxy_configs"]?.arrayValue?.first?["proxy_config"]?["content"]
            #expect(content?["proxy"]?["auth_user_key"] == "Authorization")
            #expect(content?["proxy"]?["policy_chain"] == [["name": "apicast", "version": "builtin", "configuration": [:]]])

            // Policies: a JSON string in a form body, apicast appended, another deploy.
            let chain = #"[{"name":"cors","version":"builtin","configuration":{"allow_origin":"*"},"enabled":true}]"#
            let policies = try await t.call(.PUT, "/admin/api/services/\(id)/proxy/policies.json", form: [("policies_config", chain)])
            #expect(policies.status == 200)
            #expect(policies.json["policies_config"]?.arrayValue?.map { $0["name"] } == ["cors", "apicast"])
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/proxy/policies.json").json == policies.json)
            let notArray = try await t.call(.PUT, "/admin/api/services/\(id)/proxy/policies.json",
                                            form: [("policies_config", #"{"name":"cors"}"#)])
            #expect(notArray.status == 422)
            let invalidPolicy = try await t.call(.PUT, "/admin/api/services/\(id)/proxy/policies.json",
                                                 json: ["policies_config": [["name": "alaska"]]])
            #expect(invalidPolicy.status == 422)
            #expect(invalidPolicy.json["policies_config"]?.arrayValue?.first?["errors"]?["version"] == ["can't be blank"])
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/proxy/policies.json").json == policies.json)
            let missing = try await t.call(.PUT, "/admin/api/services/\(id)/proxy/policies.json")
            #expect(missing.status == 400)

            // Deploy without changes keeps the latest version.
            #expect(try await t.call(.POST, "/admin/api/services/\(id)/proxy/deploy.json").status == 201)
            let latest = try await t.call(.GET, "/admin/api/services/\(id)/proxy/configs/sandbox/latest.json").json
            #expect(latest["proxy_config"]?["version"] == 2)

            let promoted = try await t.call(.POST, "/admin/api/services/\(id)/proxy/configs/sandbox/2/promote.json",
                                            form: [("to", "production")])
            #expect(promoted.status == 201)
            #expect(promoted.json["proxy_config"]?["environment"] == "production")
            #expect(promoted.json["proxy_config"]?["version"] == 2)
            #expect(try await t.call(.POST, "/admin/api/services/\(id)/proxy/configs/sandbox/2/promote.json",
                                     form: [("to", "production")]).json == ["errors": ["version": ["has already been taken"]]])
            #expect(try await t.call(.POST, "/admin/api/services/\(id)/proxy/configs/sandbox/2/promote.json")
                .text == "Required parameter missing: to")
            #expect(try await t.call(.POST, "/admin/api/services/\(id)/proxy/configs/sandbox/9/promote.json",
                                     form: [("to", "production")]).status == 404)
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/proxy/configs/production/2.json")
                .json["proxy_config"]?["version"] == 2)
            #expect(try await t.call(.GET, "/admin/api/services/\(id)/proxy/configs/nowhere.json").json
                == ["error": "invalid environment"])
        }
    }
}
