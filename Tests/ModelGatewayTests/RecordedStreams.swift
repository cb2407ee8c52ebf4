/// Streams recorded from a real vLLM 0.32.0 (shared/reference/vllm/transcripts.md),
/// byte for byte, including its U+FFFD and U+0019 characters.
enum RecordedStreams {
    static let completion: String = """
        data: {"id":"cmpl-adf8ab3e0a7ac487","object":"text_completion","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"text":"Ap","logprobs":null,"finish_reason":null,"stop_reason":null,"prompt_token_ids":null,"token_ids":null}]}

        data: {"id":"cmpl-adf8ab3e0a7ac487","object":"text_completion","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"text":"","logprobs":null,"finish_reason":null,"stop_reason":null,"prompt_token_ids":null,"token_ids":null}]}

        data: {"id":"cmpl-adf8ab3e0a7ac487","object":"text_completion","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"text":"�Ap","logprobs":null,"finish_reason":"length","stop_reason":null,"prompt_token_ids":null,"token_ids":null}],"system_fingerprint":"vllm-0.32.0-d00c0d9c"}

        data: [DONE]


        """

    static let chatWithUsage: String = """
        data: {"id":"chatcmpl-b4f2c141428b499f","object":"chat.completion.chunk","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null,"prompt_text":null}

        data: {"id":"chatcmpl-b4f2c141428b499f","object":"chat.completion.chunk","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":null,"token_ids":null}]}

        data: {"id":"chatcmpl-b4f2c141428b499f","object":"chat.completion.chunk","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"delta":{"content":"� previ"},"logprobs":null,"finish_reason":null,"token_ids":null}]}

        data: {"id":"chatcmpl-b4f2c141428b499f","object":"chat.completion.chunk","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[{"index":0,"delta":{"content":" previ"},"logprobs":null,"finish_reason":"length","stop_reason":null,"token_ids":null}]}

        data: {"id":"chatcmpl-b4f2c141428b499f","object":"chat.completion.chunk","created":1795765895,"model":"tinyllama/tinyllama-1.1b-chat-v1.0","choices":[],"usage":{"prompt_tokens":16,"total_tokens":19,"completion_tokens":3},"system_fingerprint":"vllm-0.32.0-d00c0d9c"}

        data: [DONE]


        """

}
