/// What the sandbox model server serves and how fast it "thinks".
public struct ModelServerConfiguration: Sendable {
    /// Served model names, as vLLM's `--served-model-name`; the first is the default
    /// used when a request omits `model`.
    public var modelNames: [String]
    /// Pace of generated tokens; 0 means as fast as the connection takes them.
    public var tokensPerSecond: Double

    public init(modelNames: [String] = ["tinyllama/tinyllama-1.1b-chat-v1.0"], tokensPerSecond: Double = 0) {
        self.modelNames = modelNames
        self.tokensPerSecond = tokensPerSecond
    }
}

extension ModelServerConfiguration {
    /// Context length reported in `/v1/models` and enforced on requests. Larger than
    /// TinyLlama's real 2048 so that long streams (benchmarks of 20k tokens) fit.
    static let maxModelLength = 32768

    /// Names actually served: an empty list falls back to the default name so the
    /// server always has a model to answer with.
    var servedNames: [String] {
        modelNames.isEmpty ? ["tinyllama/tinyllama-1.1b-chat-v1.0"] : modelNames
    }
}
