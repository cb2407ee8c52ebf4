import ModelGateway

/// One round of a `compare`: the request sent to every target at once, each answer
/// streamed into the board as it arrives. A target that fails keeps its error in its own
/// result and never stops the others; cancellation (Ctrl-C) ends every stream and keeps
/// what arrived.
struct CompareRound: Sendable {
    let targets: [CompareTarget]
    let request: CompareRequest

    func run(board: CompareBoard) async -> [StreamPrinter.Result] {
        await withTaskGroup(of: (Int, StreamPrinter.Result).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask { (index, await stream(target, into: board, at: index)) }
            }
            var results = Array(repeating: StreamPrinter.Result(), count: targets.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    private func stream(_ target: CompareTarget, into board: CompareBoard, at index: Int) async -> StreamPrinter.Result {
        let clock = ContinuousClock()
        let start = clock.now
        var result = StreamPrinter.Result()
        if let unavailable = target.unavailable {
            result.failure = unavailable
            board.finish(index, result)
            return result
        }
        do {
            let events: EventStream
            switch request.body {
            case .prompt(let prompt):
                events = try await target.access.client.streamCompletion(
                    CompletionRequest(model: target.model, prompt: prompt, options: request.options))
            case .messages(let messages):
                events = try await target.access.client.streamChat(
                    ChatRequest(model: target.model, messages: messages, options: request.options))
            }
            for try await event in events {
                switch event {
                case let .text(delta, choice) where choice == 0:
                    if result.timeToFirstToken == nil { result.timeToFirstToken = clock.now - start }
                    result.tokens += 1
                    result.text += delta
                    board.update(index, result)
                case let .finish(reason, choice) where choice == 0:
                    result.finishReason = reason
                case let .usage(usage):
                    result.usage = usage
                default:
                    break
                }
            }
        } catch {
            if error == .cancelled { result.interrupted = true } else { result.failure = error }
        }
        if Task.isCancelled { result.interrupted = true }
        result.total = clock.now - start
        board.finish(index, result)
        return result
    }
}
