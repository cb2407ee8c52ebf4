import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import Sandbox
import SandboxModel
import Testing
import Untrusted

/// A running sandbox plus an HTTP client, torn down after the body.
struct TestSandbox {
    let sandbox: RunningSandbox
    let client: HTTPClient

    var admin: String { sandbox.endpoints.adminURL }
    var token: String { sandbox.endpoints.accessToken }

    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
    }

    static func with(
        _ configuration: SandboxConfiguration = .init(),
        _ body: (TestSandbox) async throws -> Void
    ) async throws {
        let sandbox = try await RunningSandbox.start(configuration)
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let test = TestSandbox(sandbox: sandbox, client: client)
        do {
            try await body(test)
        } catch {
            try? await client.shutdown()
            try? await sandbox.shutdown()
            throw error
        }
        try await client.shutdown()
        try await sandbox.shutdown()
    }

    /// Form-encodes `form` (with the token unless `token` is nil) like the Go/Ruby clients.
    func call(
        _ method: HTTPMethod, _ path: String, form: [(String, String)] = [], json: JSONValue? = nil,
        token: String?? = .none, headers: [(String, String)] = []
    ) async throws -> Reply {
        let credential: String? = token ?? self.token
        var url = admin + path
        var request: HTTPClientRequest
        var fields = form
        if let credential { fields.append(("access_token", credential)) }
        let encoded = Self.formEncode(fields)
        if method == .GET || method == .DELETE {
            if !encoded.isEmpty { url += (path.contains("?") ? "&" : "?") + encoded }
            request = HTTPClientRequest(url: url)
        } else if let json {
            if let credential { url += (path.contains("?") ? "&" : "?") + "access_token=" + credential }
            request = HTTPClientRequest(url: url)
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json.encoded()))
        } else {
            request = HTTPClientRequest(url: url)
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: encoded))
        }
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await send(request)
    }

    func send(_ request: HTTPClientRequest) async throws -> Reply {
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: body))
    }

    func get(_ url: String, headers: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await send(request)
    }

    static func formEncode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }

    // MARK: Fixtures built over HTTP

    /// A backend pointing at `endpoint` (the sandbox model by default); returns its id.
    func createBackend(_ name: String, endpoint: String? = nil) async throws -> Int {
        let reply = try await call(.POST, "/admin/api/backend_apis.json",
                                   form: [("name", name), ("private_endpoint", endpoint ?? sandbox.endpoints.modelURL)])
        try #require(reply.status == 201, "\(reply.text)")
        return try #require(reply.json["backend_api"]?["id"]?.doubleValue).asInt
    }

    func createProduct(_ name: String, systemName: String? = nil) async throws -> JSONValue {
        var form = [("name", name)]
        if let systemName { form.append(("system_name", systemName)) }
        let reply = try await call(.POST, "/admin/api/services.json", form: form)
        try #require(reply.status == 201, "\(reply.text)")
        return try #require(reply.json["service"])
    }

    /// A product on a backend, user key in `Authorization`, remove-bearer in the chain,
    /// rules for the given paths, one live application; returns (service id, key, plan id, metric ids).
    struct Product {
        var id: Int
        var userKey: String
        var planID: Int
        var hitsID: Int
        var methods: [String: Int]
        var staging: String
        var production: String
    }

    func publishedProduct(
        _ name: String, backendEndpoint: String? = nil, rules: [(method: String, pattern: String, name: String)],
        policies: String = #"[{"name":"remove-bearer","version":"0.1","configuration":{},"enabled":true},{"name":"apicast","version":"builtin","configuration":{},"enabled":true}]"#,
        promote: Bool = true
    ) async throws -> Product {
        let backend = try await createBackend(name + " backend", endpoint: backendEndpoint)
        let service = try await createProduct(name)
        let id = try #require(service["id"]?.doubleValue).asInt
        let staging = try #require(try await call(.GET, "/admin/api/services/\(id)/proxy.json").json["proxy"]?["sandbox_endpoint"]?.stringValue)
        let production = try #require(try await call(.GET, "/admin/api/services/\(id)/proxy.json").json["proxy"]?["endpoint"]?.stringValue)
        #expect(try await call(.POST, "/admin/api/services/\(id)/backend_usages.json",
                               form: [("backend_api_id", String(backend)), ("path", "/")]).status == 201)
        let metrics = try await call(.GET, "/admin/api/services/\(id)/metrics.json").json
        let hits = try #require(metrics["metrics"]?.arrayValue?.first?["metric"]?["id"]?.doubleValue).asInt
        // Drop porta's default `GET /` rule so only the given rules map.
        for rule in try await call(.GET, "/admin/api/services/\(id)/proxy/mapping_rules.json").json["mapping_rules"]?.arrayValue ?? [] {
            let ruleID = try #require(rule["mapping_rule"]?["id"]?.doubleValue).asInt
            #expect(try await call(.DELETE, "/admin/api/services/\(id)/proxy/mapping_rules/\(ruleID).json").status == 200)
        }
        var methods: [String: Int] = [:]
        for rule in rules {
            if methods[rule.name] == nil {
                let reply = try await call(.POST, "/admin/api/services/\(id)/metrics/\(hits)/methods.json",
                                           form: [("friendly_name", rule.name), ("system_name", rule.name)])
                try #require(reply.status == 201, "\(reply.text)")
                methods[rule.name] = try #require(reply.json["method"]?["id"]?.doubleValue).asInt
            }
            let reply = try await call(.POST, "/admin/api/services/\(id)/proxy/mapping_rules.json", form: [
                ("http_method", rule.method), ("pattern", rule.pattern), ("delta", "1"),
                ("metric_id", String(methods[rule.name]!)),
            ])
            try #require(reply.status == 201, "\(reply.text)")
        }
        let proxy = try await call(.PUT, "/admin/api/services/\(id)/proxy.json", form: [
            ("proxy[credentials_location]", "headers"), ("proxy[auth_user_key]", "Authorization"),
        ])
        try #require(proxy.status == 200, "\(proxy.text)")
        let chain = try await call(.PUT, "/admin/api/services/\(id)/proxy/policies.json", form: [("policies_config", policies)])
        try #require(chain.status == 200, "\(chain.text)")
        let plan = try await call(.POST, "/admin/api/services/\(id)/application_plans.json",
                                  form: [("name", "Standard Plan"), ("state_event", "publish")])
        try #require(plan.status == 201, "\(plan.text)")
        let planID = try #require(plan.json["application_plan"]?["id"]?.doubleValue).asInt
        if promote {
            let latest = try await call(.GET, "/admin/api/services/\(id)/proxy/configs/sandbox/latest.json")
            let version = try #require(latest.json["proxy_config"]?["version"]?.doubleValue).asInt
            let promoted = try await call(.POST, "/admin/api/services/\(id)/proxy/configs/sandbox/\(version)/promote.json",
                                          form: [("to", "production")])
            try #require(promoted.status == 201, "\(promoted.text)")
        }
        let account = sandbox.endpoints.developerAccountID
        let app = try await call(.POST, "/admin/api/accounts/\(account)/applications.json",
                                 form: [("plan_id", String(planID)), ("name", name + " app")])
        try #require(app.status == 201, "\(app.text)")
        let key = try #require(app.json["application"]?["user_key"]?.stringValue)
        return Product(id: id, userKey: key, planID: planID, hitsID: hits, methods: methods,
                       staging: staging, production: production)
    }
}

extension Double {
    var asInt: Int { Int(self) }
}

/// The package root, from this file's path (Tests/SandboxTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
/// Copies of the reference documents the tests check against (a clone has no `../shared`).
let fixtures = packageRoot.appendingPathComponent("Tests/SandboxTests/Fixtures")
