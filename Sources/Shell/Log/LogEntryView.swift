import Foundation
import PromptLog

/// A log entry as `-o json|yaml`, `logs show -o json` and `logs export` print it.
struct LogEntryView: Encodable {
    struct Parameters: Encodable {
        var max_tokens: Int?
        var temperature: Double?
        var top_p: Double?
        var stop: [String]?
        var seed: Int?
    }

    /// Absent for an answer not yet in the log (`logs rerun`'s new one).
    var id: Int64?
    var time: String
    var profile: String
    var gateway: String
    var model: String
    var verb: String
    var prompt: String?
    var messages: [PromptLogEntry.Message]?
    var parameters: Parameters
    var answer: String
    var partial: Bool
    var prompt_tokens: Int?
    var completion_tokens: Int
    var ttft_ms: Double?
    var total_ms: Double
    var status: Int?
    var error: String?

    init(_ entry: PromptLogEntry) {
        id = entry.id
        time = LogTime.iso(entry.time)
        profile = entry.profile
        gateway = entry.gateway
        model = entry.model
        verb = entry.verb
        prompt = entry.prompt
        messages = entry.messages.isEmpty ? nil : entry.messages
        let sent = entry.parameters
        parameters = Parameters(
            max_tokens: sent.maxTokens, temperature: sent.temperature, top_p: sent.topP, stop: sent.stop.isEmpty ? nil : sent.stop,
            seed: sent.seed)
        answer = entry.answer
        partial = entry.partial
        prompt_tokens = entry.promptTokens
        completion_tokens = entry.completionTokens
        ttft_ms = entry.timeToFirstTokenMilliseconds
        total_ms = entry.totalMilliseconds
        status = entry.status
        error = entry.error
    }
}

/// How entry times are shown: local time in tables, ISO 8601 (UTC) in JSON.
enum LogTime {
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

/// The short forms of an entry's fields for tables and `logs show`.
extension PromptLogEntry {
    /// The prompt, else the last message sent, on one line cut to `width`.
    func firstLine(width: Int) -> String {
        let text = prompt ?? messages.last?.content ?? ""
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count <= width ? line : String(line.prefix(max(0, width - 1))) + "…"
    }

    /// The status, or the error when no response came.
    var outcome: String {
        switch (status, error) {
        case let (status?, error?): "\(status) \(error)"
        case let (status?, nil): String(status)
        case let (nil, error?): error
        case (nil, nil): "-"
        }
    }

    /// The sampling parameters as `name=value` words.
    var parameterWords: String {
        var words: [String] = []
        if let value = parameters.maxTokens { words.append("max_tokens=\(value)") }
        if let value = parameters.temperature { words.append("temperature=\(value)") }
        if let value = parameters.topP { words.append("top_p=\(value)") }
        if let value = parameters.seed { words.append("seed=\(value)") }
        for stop in parameters.stop { words.append("stop=\(String(reflecting: stop))") }
        return words.isEmpty ? "(server defaults)" : words.joined(separator: " ")
    }
}
