import ModelGateway

/// One column of a `compare`: a model behind one profile's gateway, with that profile's key.
struct CompareTarget: Sendable {
    /// The column's title: the model, with the profile when the target came from `--profile`.
    var label: String
    let access: GatewayAccess
    var model: String
    /// Why this target cannot be asked (its gateway refused to list the models); it shows in its column.
    var unavailable: GatewayError?

    /// Titles made unique (`m`, `m #2`), so every column and table row can be told apart.
    static func uniquelyLabelled(_ targets: [CompareTarget]) -> [CompareTarget] {
        var seen: [String: Int] = [:]
        return targets.map { target in
            var target = target
            let count = (seen[target.label] ?? 0) + 1
            seen[target.label] = count
            if count > 1 { target.label += " #\(count)" }
            return target
        }
    }
}

/// What every target is sent: a prompt to complete, or a conversation.
struct CompareRequest: Sendable {
    enum Body: Sendable {
        case prompt(String)
        case messages([ChatMessage])
    }

    var body: Body
    var options: SamplingOptions

    func record(for target: CompareTarget) -> PromptRecord {
        switch body {
        case .prompt(let prompt):
            target.access.record(.compare, model: target.model, prompt: prompt, options: options)
        case .messages(let messages):
            target.access.record(.compare, model: target.model, messages: messages, options: options)
        }
    }
}
