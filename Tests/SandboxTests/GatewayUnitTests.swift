import Foundation
import HTTPTypes
import Hummingbird
@testable import Sandbox
import Testing

@Suite("Gateway pieces: mapping rules, credentials, routing")
struct GatewayUnitTests {
    static func rule(_ method: String, _ pattern: String, metric: Int = 1, delta: Int = 1, last: Bool = false) -> GatewayConfig.Rule {
        GatewayConfig.Rule(httpMethod: method, pattern: pattern, metricID: metric, metricSystemName: "m\(metric)",
                           delta: delta, last: last)
    }

    static func usage(_ rules: [GatewayConfig.Rule], _ method: String, _ path: String, _ args: [String: String] = [:]) -> [Int: Int] {
        MappingRuleMatcher.usage(rules: rules, method: method, path: path, arguments: args)
    }

    @Test func prefixUnlessDollar() {
        let prefix = [Self.rule("GET", "/v1/models")]
        #expect(Self.usage(prefix, "GET", "/v1/models") == [1: 1])
        #expect(Self.usage(prefix, "GET", "/v1/models/x") == [1: 1])
        #expect(Self.usage(prefix, "GET", "/v1/modelsXYZ") == [1: 1])
        #expect(Self.usage(prefix, "GET", "/v1/mode").isEmpty)
        #expect(Self.usage(prefix, "HEAD", "/v1/models").isEmpty)
        let exact = [Self.rule("GET", "/v1/models$")]
        #expect(Self.usage(exact, "GET", "/v1/models") == [1: 1])
        #expect(Self.usage(exact, "GET", "/v1/models/x").isEmpty)
        #expect(Self.usage([Self.rule("GET", "//v1//models")], "GET", "/v1/models") == [1: 1])
    }

    @Test func placeholdersMatchOneSegment() {
        let rules = [Self.rule("GET", "/v1/models/{id}.json$")]
        #expect(Self.usage(rules, "GET", "/v1/models/llama-3.1.json") == [1: 1])
        #expect(Self.usage(rules, "GET", "/v1/models/a/b.json").isEmpty)
        #expect(Self.usage(rules, "GET", "/v1/models/.json").isEmpty)
    }

    @Test func queryParametersMustBePresent() {
        let rules = [Self.rule("GET", "/search?q={term}&lang=en")]
        #expect(Self.usage(rules, "GET", "/search", ["q": "x", "lang": "en"]) == [1: 1])
        #expect(Self.usage(rules, "GET", "/search", ["q": "x", "lang": "fr"]).isEmpty)
        #expect(Self.usage(rules, "GET", "/search", ["lang": "en"]).isEmpty)
        #expect(Self.usage(rules, "GET", "/search", ["q": "", "lang": "en", "extra": "1"]) == [1: 1])
    }

    @Test func everyMatchCountsUntilLast() {
        let rules = [
            Self.rule("POST", "/", metric: 1), Self.rule("POST", "/v1", metric: 2, delta: 2, last: true),
            Self.rule("POST", "/v1/completions", metric: 3),
        ]
        #expect(Self.usage(rules, "POST", "/v1/completions") == [1: 1, 2: 2])
        #expect(Self.usage(rules, "POST", "/health") == [1: 1])
        let repeated = [Self.rule("GET", "/", metric: 1), Self.rule("GET", "/a", metric: 1, delta: 3)]
        #expect(Self.usage(repeated, "GET", "/a") == [1: 4])
    }

    @Test func credentialsFromHeadersQueryOrAuthorization() {
        var headers: HTTPFields = [.authorization: "Bearer k1"]
        #expect(Credentials.userKey(headers: headers, location: "headers", name: "Authorization", arguments: [:]) == "Bearer k1")
        Credentials.removeBearer(&headers)
        #expect(headers[.authorization] == "k1")
        var lower: HTTPFields = [.authorization: "bearer k1"]
        Credentials.removeBearer(&lower)
        #expect(lower[.authorization] == "bearer k1")
        #expect(Credentials.userKey(headers: [:], location: "headers", name: "Authorization", arguments: [:]) == nil)
        #expect(Credentials.userKey(headers: [:], location: "query", name: "user_key", arguments: ["user_key": "k2"]) == "k2")
        #expect(Credentials.userKey(headers: [.authorization: "Bearer k3"], location: "authorization",
                                    name: "user_key", arguments: [:]) == "k3")
        let basic = Data("k4:".utf8).base64EncodedString()
        #expect(Credentials.userKey(headers: [.authorization: "Basic \(basic)"], location: "authorization",
                                    name: "user_key", arguments: [:]) == "k4")
        #expect(Credentials.userKey(headers: [.authorization: "k5"], location: "authorization",
                                    name: "user_key", arguments: [:]) == nil)
    }

    @Test func upstreamURLStripsTheUsagePathAndKeepsTheBackendPath() {
        let routes = [
            GatewayConfig.Route(path: "/", privateEndpoint: "http://127.0.0.1:80"),
            GatewayConfig.Route(path: "/llm", privateEndpoint: "http://10.0.0.1:8000/base/"),
        ]
        #expect(GatewayResponder.upstreamURL(path: "/v1/models", query: nil, routes: routes) == "http://127.0.0.1:80/v1/models")
        #expect(GatewayResponder.upstreamURL(path: "/llm/v1/models", query: "a=1", routes: routes)
            == "http://10.0.0.1:8000/base/v1/models?a=1")
        #expect(GatewayResponder.upstreamURL(path: "/llmx", query: nil, routes: routes) == "http://127.0.0.1:80/llmx")
        #expect(GatewayResponder.upstreamURL(path: "/x", query: nil, routes: []) == nil)
    }

    @Test func systemNamesAsPortaDerivesAndValidatesThem() {
        #expect(Validation.systemName(from: "My Backend", model: "backend_api") == "my_backend")
        #expect(Validation.systemName(from: "LLama70B", model: "service") == "llama70b")
        #expect(Validation.systemName(from: "Chat Completions!", model: "metric") == "chat_completions")
        #expect(Validation.systemName(from: "???", model: "service").hasPrefix("service_"))
        #expect(Validation.isValidSystemName("chat/completions"))
        #expect(!Validation.isValidSystemName("x"))
        #expect(!Validation.isValidSystemName("-x"))
        #expect(Validation.endpoint("https://echo-api.3scale.net") == "https://echo-api.3scale.net:443")
        #expect(Validation.endpoint("ftp://x") == nil)
    }
}
