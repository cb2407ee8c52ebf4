import HTTPTypes
import Hummingbird
import NIOCore

/// A server that misbehaves on purpose, one scenario per path prefix (the base URL
/// `http://…/NAME` selects scenario NAME, which also checks that the client keeps
/// the base URL's path).
enum FakeGateway {
    /// - Parameter stall: the `stalls` scenario stays silent until this stream ends.
    static func router(stall: AsyncStream<Void> = AsyncStream { $0.finish() }) -> Router<BasicRequestContext> {
        let router = Router()
        let sse: HTTPFields = [.contentType: "text/event-stream; charset=utf-8"]
        let plain: HTTPFields = [.contentType: "text/plain; charset=us-ascii"]
        let chunk = #"data: {"choices":[{"index":0,"text":"tok"}]}"# + "\n\n"

        router.post("/no-done/v1/completions") { _, _ in
            Response(status: .ok, headers: sse, body: .init(byteBuffer: ByteBuffer(string: chunk + chunk)))
        }
        router.post("/cut/v1/completions") { _, _ in
            Response(status: .ok, headers: sse, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: chunk + chunk + chunk))
                // Failing the body writer makes the server drop the connection
                // mid-body, as a crashed upstream would.
                throw CancellationError()
            })
        }
        router.post("/stalls/v1/completions") { _, _ in
            Response(status: .ok, headers: sse, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: chunk))
                // Silent until the test has seen the client's read timeout.
                for await _ in stall {}
                try await writer.write(ByteBuffer(string: chunk))
                try await writer.finish(nil)
            })
        }
        router.post("/error-event/v1/completions") { _, _ in
            let error = #"data: {"error":{"message":"engine died","type":"InternalServerError","param":null,"code":500}}"#
            return Response(status: .ok, headers: sse, body: .init(byteBuffer: ByteBuffer(string: chunk + error + "\n\ndata: [DONE]\n\n")))
        }
        router.post("/usage-everywhere/v1/chat/completions") { _, _ in
            let usage = #","usage":{"prompt_tokens":3,"total_tokens":5,"completion_tokens":2}"#
            let events = [
                #"data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]\#(usage)}"#,
                #"data: {"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}"#,
                #"data: {"choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop"}]\#(usage)}"#,
                ": comment\r\ndata: [DONE]",
            ]
            return Response(status: .ok, headers: sse, body: .init(byteBuffer: ByteBuffer(string: events.joined(separator: "\r\n\r\n") + "\r\n\r\n")))
        }
        router.get("/html502/v1/models") { _, _ in
            let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"
            return Response(status: .badGateway, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/empty503/health") { _, _ in Response(status: .serviceUnavailable) }
        router.post("/limited/v1/chat/completions") { _, _ in
            var headers = plain
            headers[.retryAfter] = "17"
            return Response(status: .tooManyRequests, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "Usage limit exceeded")))
        }
        router.get("/apicast/v1/models") { request, _ in
            // APIcast with user-key-in-Authorization and remove-bearer.
            guard let key = request.headers[.authorization] else {
                return Response(status: .forbidden, headers: plain, body: .init(byteBuffer: ByteBuffer(string: "Authentication parameters missing")))
            }
            guard key == "Bearer right" else {
                return Response(status: .forbidden, headers: plain, body: .init(byteBuffer: ByteBuffer(string: "Authentication failed")))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"object":"list","data":[{"id":"m","object":"model"}]}"#)))
        }
        router.post("/apicast/v1/embeddings") { _, _ in
            Response(status: .notFound, headers: plain, body: .init(byteBuffer: ByteBuffer(string: "No Mapping Rule matched")))
        }
        router.get("/echo-auth/version") { request, _ in
            // Answers with where the key arrived, so tests can check each auth style.
            let header = request.headers[HTTPField.Name("X-Api-Key")!] ?? request.headers[.authorization] ?? "-"
            let query = request.uri.queryParameters["user_key"].map(String.init) ?? "-"
            let version = "header=\(header) query=\(query) path=\(request.uri.path)"
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"version":"\#(version)"}"#)))
        }
        router.get("/error-in-200/v1/models") { _, _ in
            let body = #"{"object":"error","message":"The model does not support this API","type":"BadRequestError","param":null,"code":400}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.post("/json-instead/v1/chat/completions") { _, _ in
            let body = #"{"error":{"message":"The model does not support Chat Completions API","type":"BadRequestError","param":null,"code":400}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/not-json/v1/models") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html><title>Login</title></html>")))
        }
        return router
    }
}
