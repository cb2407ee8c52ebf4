import Foundation
import ModelGateway
import PromptLog

extension PromptLogEntry {
    /// What the log keeps of a prompt's record: the same fields, times in milliseconds.
    init(_ record: PromptRecord, at time: Date) {
        self.init(
            time: time, profile: record.profile, gateway: record.gateway, model: record.model, verb: record.verb.rawValue,
            prompt: record.prompt, messages: record.messages.map { Message(role: $0.role, content: $0.content) },
            parameters: Parameters(
                maxTokens: record.options.maxTokens, temperature: record.options.temperature, topP: record.options.topP,
                stop: record.options.stop, seed: record.options.seed),
            answer: record.answer, partial: record.partial, promptTokens: record.promptTokens,
            completionTokens: record.completionTokens, timeToFirstTokenMilliseconds: record.timeToFirstToken.map(Self.milliseconds),
            totalMilliseconds: Self.milliseconds(record.total), status: record.status, error: record.error)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        (duration.seconds * 1000 * 10).rounded() / 10
    }

    /// The sampling options to send the same request again.
    var samplingOptions: SamplingOptions {
        SamplingOptions(
            maxTokens: parameters.maxTokens, temperature: parameters.temperature, topP: parameters.topP,
            stop: parameters.stop, seed: parameters.seed)
    }

    /// The conversation to send again.
    var chatMessages: [ChatMessage] {
        messages.map { ChatMessage(role: $0.role, content: $0.content) }
    }
}
