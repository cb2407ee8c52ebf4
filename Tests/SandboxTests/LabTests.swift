import AsyncHTTPClient
import Foundation
import NIOCore
@testable import Sandbox
import Testing
import Untrusted

/// The lab (`reference/seed/000_2f8155edb61ca388.txt`) done by HTTP alone, as the
/// 3scale operator and the admin/developer portals would, then the lab's curl.
@Suite("The lab end to end")
struct LabTests {
    @Test func labByHTTPAlone() async throws {
        try await TestSandbox.with { t in
            // Developer portal access code removed.
            #expect(try await t.call(.PUT, "/admin/api/provider.json", form: [("site_access_code", "")]).status == 200)

            // Backend: the model's private URL.
            let backend = try await t.call(.POST, "/admin/api/backend_apis.json", form: [
                ("name", "LLama70B"), ("system_name", "llama70b"), ("private_endpoint", t.sandbox.endpoints.modelURL),
            ])
            try #require(backend.status == 201)
            let backendID = try #require(backend.json["backend_api"]?["id"]?.doubleValue).asInt

            // Product with the seed's methods, rules, authentication and policies.
            let product = try await t.call(.POST, "/admin/api/services.json",
                                           form: [("name", "LLama70B"), ("system_name", "llama70b")])
            try #require(product.status == 201)
            let id = try #require(product.json["service"]?["id"]?.doubleValue).asInt
            let s = "/admin/api/services/\(id)"
            #expect(try await t.call(.POST, "\(s)/backend_usages.json",
                                     form: [("backend_api_id", String(backendID)), ("path", "/")]).status == 201)
            let hits = try #require(try await t.call(.GET, "\(s)/metrics.json").json["metrics"]?.arrayValue?
                .first { $0["metric"]?["system_name"] == "hits" }?["metric"]?["id"]?.doubleValue).asInt
            for rule in try await t.call(.GET, "\(s)/proxy/mapping_rules.json").json["mapping_rules"]?.arrayValue ?? [] {
                let ruleID = try #require(rule["mapping_rule"]?["id"]?.doubleValue).asInt
                #expect(try await t.call(.DELETE, "\(s)/proxy/mapping_rules/\(ruleID).json").status == 200)
            }
            let seed: [(method: String, pattern: String, name: String, friendly: String)] = [
                ("GET", "/health", "health", "Health"), ("POST", "/tokenize", "tokenize", "Tokenize"),
                ("POST", "/detokenize", "detokenize", "Detokenize"), ("GET", "/v1/models", "models", "Models"),
                ("GET", "/version", "version", "Version"),
                ("POST", "/v1/chat/completions", "chat/completions", "Chat Completions"),
                ("POST", "/v1/completions", "completions", "Completions"),
                ("POST", "/v1/embeddings", "embeddings", "Embeddings"),
            ]
            for rule in seed {
                let method = try await t.call(.POST, "\(s)/metrics/\(hits)/methods.json",
                                              form: [("friendly_name", rule.friendly), ("system_name", rule.name)])
                try #require(method.status == 201, "\(method.text)")
                let methodID = try #require(method.json["method"]?["id"]?.doubleValue).asInt
                #expect(try await t.call(.POST, "\(s)/proxy/mapping_rules.json", form: [
                    ("http_method", rule.method), ("pattern", rule.pattern), ("delta", "1"), ("metric_id", String(methodID)),
                ]).status == 201)
            }
            #expect(try await t.call(.PUT, "\(s)/proxy.json", form: [
                ("proxy[credentials_location]", "headers"), ("proxy[auth_user_key]", "Authorization"),
            ]).status == 200)
            let policies: JSONValue = [
                ["name": "cors", "version": "builtin", "enabled": true, "configuration": [
                    "allow_credentials": true, "allow_headers": ["Authorization", "Content-type", "Accept"],
                    "allow_methods": [], "allow_origin": "*",
                ]],
                ["name": "remove-bearer", "version": "0.1", "enabled": true, "configuration": [:]],
                ["name": "apicast", "version": "builtin", "enabled": true, "configuration": [:]],
                ["name": "upstream_connection", "version": "builtin", "enabled": true, "configuration": [
                    "connect_timeout": 180, "read_timeout": 180, "send_timeout": 180,
                ]],
            ]
            let chain = try await t.call(.PUT, "\(s)/proxy/policies.json",
                                         form: [("policies_config", String(decoding: policies.encoded(), as: UTF8.self))])
            #expect(chain.json["policies_config"]?.arrayValue?.count == 4)
            let plan = try await t.call(.POST, "\(s)/application_plans.json", form: [
                ("name", "Standard Plan"), ("system_name", "standard"), ("approval_required", "false"), ("state_event", "publish"),
            ])
            let planID = try #require(plan.json["application_plan"]?["id"]?.doubleValue).asInt

            // ActiveDoc from the seed's OpenAPI file.
            let spec = try String(contentsOf: fixtures.appendingPathComponent("llama70b-chat.json"),
                                  encoding: .utf8)
            let doc = try await t.call(.POST, "/admin/api/active_docs.json", form: [
                ("name", "llama70b"), ("system_name", "llama70b"), ("body", spec), ("service_id", String(id)),
                ("published", "true"), ("skip_swagger_validations", "true"),
            ])
            #expect(doc.status == 201)

            // ProxyConfigPromote: deploy to staging, promote the latest to production.
            #expect(try await t.call(.POST, "\(s)/proxy/deploy.json").status == 201)
            let latest = try await t.call(.GET, "\(s)/proxy/configs/sandbox/latest.json")
            let version = try #require(latest.json["proxy_config"]?["version"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "\(s)/proxy/configs/sandbox/\(version)/promote.json",
                                     form: [("to", "production")]).status == 201)

            // Subscribe user1 to the product's Default service plan, then its application.
            let account = try #require(try await t.call(.GET, "/admin/api/accounts/find.json", form: [("username", "user1")])
                .json["account"]?["id"]?.doubleValue).asInt
            let defaultPlan = try #require(try await t.call(.GET, "\(s)/service_plans.json").json["plans"]?.arrayValue?
                .first { $0["service_plan"]?["name"] == "Default" }?["service_plan"]?["id"]?.doubleValue).asInt
            #expect(try await t.call(.POST, "/admin/api/accounts/\(account)/service_subscriptions.json",
                                     form: [("plan_id", String(defaultPlan))]).status == 201)
            let app = try await t.call(.POST, "/admin/api/accounts/\(account)/applications.json",
                                       form: [("plan_id", String(planID)), ("name", "LLama70B application")])
            let key = try #require(app.json["application"]?["user_key"]?.stringValue)
            let endpoint = try #require(try await t.call(.GET, "\(s)/proxy.json").json["proxy"]?["endpoint"]?.stringValue)

            // The lab's curl through the production URL.
            var curl = HTTPClientRequest(url: endpoint + "/v1/completions")
            curl.method = .POST
            curl.headers.add(name: "accept", value: "application/json")
            curl.headers.add(name: "Content-Type", value: "application/json")
            curl.headers.add(name: "Authorization", value: "Bearer \(key)")
            curl.body = .bytes(ByteBuffer(string: """
            {"model": "\(t.sandbox.endpoints.modelName)", "prompt": "San Francisco is a", "max_tokens": 15, "temperature": 0}
            """))
            let completion = try await t.send(curl)
            #expect(completion.status == 200)
            #expect(completion.json["object"] == "text_completion")
            #expect(completion.json["choices"]?.arrayValue?.first?["text"]?.stringValue?.isEmpty == false)
        }
    }
}
