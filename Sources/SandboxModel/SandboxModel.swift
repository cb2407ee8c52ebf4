// TEMPORARY STUB of the SandboxModel API so the Sandbox target builds and its gateway
// tests run on this branch. The real vLLM emulator is built on another branch and
// replaces this file when the branches meet; keep the public API identical.
import Hummingbird
import NIOCore

public struct ModelServerConfiguration: Sendable {
    /// The first name is the default served model.
    public var modelNames: [String]
    /// 0 means as fast as possible.
    public var tokensPerSecond: Double

    public init(
        modelNames: [String] = ["tinyllama/tinyllama-1.1b-chat-v1.0"],
        tokensPerSecond: Double = 0
    ) {
        self.modelNames = modelNames
        self.tokensPerSecond = tokensPerSecond
    }
}

public enum ModelService {
    public static func router(_ configuration: ModelServerConfiguration) -> Router<BasicRequestContext> {
        let router = Router()
        let model = configuration.modelNames.first ?? "model"
        router.get("/v1/models") { _, _ -> Response in
            let json = #"{"object":"list","data":[{"id":"\#(model)","object":"model","owned_by":"vllm","root":"\#(model)"}]}"#
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: json))
            )
        }
        router.post("/v1/completions") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let streaming = String(buffer: body).contains(#""stream":true"#)
                || String(buffer: body).contains(#""stream": true"#)
            let words = [" city", " in", " California", "."]
            if !streaming {
                let text = words.joined()
                let json = #"{"id":"cmpl-stub","object":"text_completion","model":"\#(model)","choices":[{"index":0,"text":"\#(text)","finish_reason":"length"}],"usage":{"prompt_tokens":4,"completion_tokens":4,"total_tokens":8}}"#
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: json))
                )
            }
            let pause: Duration = configuration.tokensPerSecond > 0
                ? .milliseconds(Int(1000 / configuration.tokensPerSecond)) : .zero
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream"],
                body: ResponseBody { writer in
                    for word in words {
                        let chunk = #"{"id":"cmpl-stub","object":"text_completion","model":"\#(model)","choices":[{"index":0,"text":"\#(word)","finish_reason":null}]}"#
                        try await writer.write(ByteBuffer(string: "data: \(chunk)\n\n"))
                        if pause > .zero { try await Task.sleep(for: pause) }
                    }
                    try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
                    try await writer.finish(nil)
                }
            )
        }
        return router
    }
}
