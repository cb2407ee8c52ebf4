import Hummingbird
import NIOCore

extension ModelServer {
    /// The SSE response shared by both generation endpoints: per choice (one after
    /// the other) an optional role chunk and one chunk per token, then the usage chunk
    /// if asked for, then `data: [DONE]`. Generation happens inside the body writer,
    /// so it stops as soon as a write fails or the writer task is cancelled.
    func streamResponse(jobs: [ChoiceJob], format: ChunkFormat, promptTokens: Int, includeUsage: Bool) -> Response {
        let tokensPerSecond = configuration.tokensPerSecond
        let observer = self.observer
        let body = ResponseBody { writer in
            var stream = EventStreamWriter(tokensPerSecond: tokensPerSecond)
            var completionTokens = 0
            do {
                if format.kind == .chat {
                    for job in jobs { format.writeRole(index: job.index, into: &stream.buffer) }
                    try await stream.eventWritten(&writer)
                }
                for var job in jobs {
                    var prefix = job.echo
                    while true {
                        try await stream.awaitTokenSlot()
                        guard let step = job.generation.next() else { break }
                        completionTokens += 1
                        format.writeToken(
                            index: job.index,
                            text: prefix.isEmpty ? step.text : prefix + step.text,
                            finish: step.finish,
                            fingerprint: step.finish != nil && !includeUsage,
                            into: &stream.buffer
                        )
                        prefix = []
                        try await stream.eventWritten(&writer)
                        if step.finish != nil { break }
                    }
                }
                if includeUsage {
                    format.writeUsage(Usage(promptTokens: promptTokens, completionTokens: completionTokens), into: &stream.buffer)
                }
                stream.writeDone()
                try await stream.flush(&writer)
                try await writer.finish(nil)
            } catch {
                observer?(.abandoned(tokens: completionTokens))
                throw error
            }
            observer?(.completed(tokens: completionTokens))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8"],
            body: body
        )
    }
}
