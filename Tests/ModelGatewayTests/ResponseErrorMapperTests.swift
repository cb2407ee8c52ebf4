import Testing
@testable import ModelGateway

@Suite struct ResponseErrorMapperTests {
    func map(_ status: Int, _ body: String, retryAfter: String? = nil, reason: String = "Reason") -> GatewayError {
        ResponseErrorMapper.error(
            status: status, reason: reason, retryAfter: retryAfter, method: "POST", path: "/v1/embeddings",
            body: Array(body.utf8))
    }

    @Test func apicastAnswers() {
        #expect(map(403, "Authentication parameters missing") == .authenticationMissing(status: 403))
        #expect(map(401, "Authentication parameters missing") == .authenticationMissing(status: 401))
        #expect(map(403, "Authentication failed") == .authenticationFailed(status: 403))
        #expect(map(404, "No Mapping Rule matched") == .noMappingRule(method: "POST", path: "/v1/embeddings"))
        #expect(map(429, "Usage limit exceeded", retryAfter: "42") == .rateLimited(retryAfter: 42, message: "Usage limit exceeded"))
        #expect(map(429, "Limits exceeded") == .rateLimited(retryAfter: nil, message: "Limits exceeded"))
    }

    @Test func vllmErrorBodies() {
        let nested = #"{"error":{"message":"The model `nope` does not exist.","type":"NotFoundError","param":"model","code":404}}"#
        #expect(map(404, nested) == .server(status: 404, message: "The model `nope` does not exist.", type: "NotFoundError", param: "model"))
        let flat = #"{"object":"error","message":"bad","type":"BadRequestError","param":null,"code":400}"#
        #expect(map(400, flat) == .server(status: 400, message: "bad", type: "BadRequestError", param: nil))
        #expect(map(401, #"{"error":"Unauthorized"}"#) == .server(status: 401, message: "Unauthorized", type: nil, param: nil))
    }

    @Test func fastAPIDetails() {
        #expect(map(404, #"{"detail":"Not Found"}"#) == .endpointNotFound(method: "POST", path: "/v1/embeddings"))
        #expect(map(405, #"{"detail":"Method Not Allowed"}"#) == .methodNotAllowed(method: "POST", path: "/v1/embeddings"))
    }

    @Test func htmlAndEmptyBodies() {
        let nginx = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n"
        #expect(map(502, nginx, reason: "Bad Gateway") == .http(status: 502, reason: "Bad Gateway", firstLine: "502 Bad Gateway"))
        #expect(map(503, "<h1>Application is not available</h1><p>more</p>", reason: "Service Unavailable")
            == .http(status: 503, reason: "Service Unavailable", firstLine: "Application is not available"))
        #expect(map(503, "", reason: "Service Unavailable") == .http(status: 503, reason: "Service Unavailable", firstLine: nil))
        #expect(map(500, "\n\nInternal Server Error\nTraceback…", reason: "Internal Server Error")
            == .http(status: 500, reason: "Internal Server Error", firstLine: "Internal Server Error"))
        #expect(map(404, "", reason: "Not Found") == .http(status: 404, reason: "Not Found", firstLine: nil))
    }

    @Test func errorObjectInASuccessBody() {
        let body = #"{"object":"error","message":"The model does not support Embeddings API","type":"BadRequestError","param":null,"code":400}"#
        #expect(ResponseErrorMapper.serverError(in: Array(body.utf8), status: 200) == .server(
            status: 400, message: "The model does not support Embeddings API", type: "BadRequestError", param: nil))
        #expect(ResponseErrorMapper.serverError(in: Array(#"{"object":"list","data":[]}"#.utf8), status: 200) == nil)
    }

    @Test func messagesAreOneActionableLine() {
        let errors: [GatewayError] = [
            .authenticationFailed(status: 403), .noMappingRule(method: "POST", path: "/v1/embeddings"),
            .rateLimited(retryAfter: 30, message: "Usage limit exceeded"), .streamInterrupted(tokensReceived: 12),
            .connectionFailed(url: "http://127.0.0.1:1/v1/models", reason: "connection refused"),
            .hostNotFound(host: "nowhere.invalid", url: "https://nowhere.invalid/v1/models"),
        ]
        for error in errors {
            #expect(!error.message.contains("\n"))
        }
        #expect(GatewayError.noMappingRule(method: "POST", path: "/v1/embeddings").message.contains("POST /v1/embeddings"))
        #expect(GatewayError.rateLimited(retryAfter: 30, message: "Usage limit exceeded").message.contains("retry after 30 s"))
        #expect(GatewayError.streamInterrupted(tokensReceived: 12).message.contains("12 tokens"))
    }
}
