import ModelGateway
import Testing
@testable import SandboxModel

/// The client against the sandbox model over loopback.
@Suite struct GatewayClientTests {
    static let model = "tinyllama/tinyllama-1.1b-chat-v1.0"

    @Test func listsModels() async throws {
        try await withSandboxClient(.init(modelNames: ["a/one", "two"])) { client in
            let models = try await client.models()
            #expect(models.map(\.id) == ["a/one", "two"])
            #expect(models.first?.maxModelLength == 32768)
            #expect(models.first?.ownedBy == "vllm")
        }
    }

    @Test func completesTheLabRequest() async throws {
        try await withSandboxClient { client in
            let request = CompletionRequest(
                model: Self.model, prompt: "San Francisco is a", options: .init(maxTokens: 15, temperature: 0))
            let response = try await client.complete(request)
            #expect(response.id.hasPrefix("cmpl-"))
            #expect(response.model == Self.model)
            #expect(!response.text.isEmpty)
            #expect(response.choices.first?.finishReason == "length")
            #expect(response.usage == Usage(promptTokens: 4, completionTokens: 15, totalTokens: 19))
            #expect(try await client.complete(request).text == response.text)
        }
    }

    @Test func chats() async throws {
        try await withSandboxClient { client in
            let response = try await client.chat(
                ChatRequest(model: Self.model, messages: [.system("Be brief."), .user("Hello")], options: .init(temperature: 0)))
            #expect(response.id.hasPrefix("chatcmpl-"))
            #expect(response.choices.first?.message.role == "assistant")
            #expect(response.content.hasSuffix("."))
            #expect(response.choices.first?.finishReason == "stop")
        }
    }

    @Test func streamsACompletionWithUsage() async throws {
        try await withSandboxClient { client in
            let request = CompletionRequest(
                model: Self.model, prompt: "San Francisco is a", options: .init(maxTokens: 15, temperature: 0))
            let whole = try await client.complete(request)
            let (events, error) = await drain(try await client.streamCompletion(request))
            #expect(error == nil)
            #expect(events.text == whole.text)
            #expect(events.suffix(2) == [.finish(reason: "length", choice: 0), .usage(Usage(promptTokens: 4, completionTokens: 15, totalTokens: 19))])
        }
    }

    @Test func streamsAChat() async throws {
        try await withSandboxClient { client in
            let request = ChatRequest(model: Self.model, messages: [.user("Hello")], options: .init(temperature: 0, stop: ["zzz"]))
            let whole = try await client.chat(request)
            let (events, error) = await drain(try await client.streamChat(request))
            #expect(error == nil)
            #expect(events.text == whole.content)
            #expect(events.contains(.finish(reason: "stop", choice: 0)))
            guard case .usage(let usage) = events.last else {
                Issue.record("no usage event at the end: \(events.suffix(2))")
                return
            }
            #expect(usage.completionTokens == whole.usage?.completionTokens)
        }
    }

    @Test func embedsTokenizesDetokenizes() async throws {
        try await withSandboxClient { client in
            let embeddings = try await client.embeddings(model: Self.model, input: ["hello world", "the river"])
            #expect(embeddings.data.map(\.index) == [0, 1])
            #expect(embeddings.data.allSatisfy { $0.embedding.count == 128 })
            let tokens = try await client.tokenize(model: Self.model, text: "San Francisco is a")
            #expect(tokens.count == 4)
            #expect(tokens.maxModelLength == 32768)
            #expect(try await client.detokenize(model: Self.model, tokens: tokens.tokens) == "San Francisco is a")
        }
    }

    @Test func healthAndVersion() async throws {
        try await withSandboxClient { client in
            let health = try await client.health()
            #expect(health.status == 200)
            #expect(health.latency > .zero)
            #expect(try await client.version() == "0.32.0+maas.sandbox")
        }
    }

    @Test func unknownModelIsAServerError() async throws {
        try await withSandboxClient { client in
            let error = await gatewayError { _ = try await client.models().count; _ = try await client.complete(.init(model: "nope", prompt: "x")) }
            #expect(error == .server(
                status: 404, message: "The model `nope` does not exist. Valid aliases: \(Self.model).",
                type: "NotFoundError", param: "model"))
        }
    }

    @Test func tooManyTokensFailsBeforeTheStreamStarts() async throws {
        try await withSandboxClient { client in
            let error = await gatewayError {
                _ = try await client.streamChat(.init(model: Self.model, messages: [.user("hi")], options: .init(maxTokens: 100_000)))
            }
            guard case .server(400, let message, "BadRequestError", "max_tokens") = error else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
            #expect(message.hasPrefix("max_tokens=100000 cannot be greater than max_model_len=32768."))
        }
    }

    @Test func cancellingTheConsumerStopsGeneration() async throws {
        let recorder = OutcomeRecorder()
        try await withSandboxClient(.init(tokensPerSecond: 100), observer: recorder.observer) { client in
            let (received, receivedContinuation) = AsyncStream.makeStream(of: Int.self)
            let consumer = Task {
                let stream = try await client.streamCompletion(
                    .init(model: Self.model, prompt: "The", options: .init(maxTokens: 5000)))
                var count = 0
                for try await _ in stream {
                    count += 1
                    receivedContinuation.yield(count)
                }
            }
            for await count in received where count >= 3 { break }
            consumer.cancel()
            let outcome = await recorder.next()
            guard case .abandoned(let tokens) = outcome else {
                Issue.record("expected the server to abandon the stream, got \(String(describing: outcome))")
                return
            }
            #expect(tokens < 5000)
            let result = await consumer.result
            if case .failure(let error) = result {
                #expect(error as? GatewayError == .cancelled)
            }
        }
    }

    @Test func manyTokensStreamThroughTheClient() async throws {
        try await withSandboxClient { client in
            let stream = try await client.streamCompletion(.init(model: Self.model, prompt: "The", options: .init(maxTokens: 20000)))
            var texts = 0
            var last: StreamEvent?
            for try await event in stream {
                if case .text = event { texts += 1 }
                last = event
            }
            #expect(texts == 20000)
            #expect(last == .usage(Usage(promptTokens: 1, completionTokens: 20000, totalTokens: 20001)))
        }
    }
}
