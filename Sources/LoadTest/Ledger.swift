import ModelGateway
import Synchronization

/// The state the workers share: which requests are claimed, which are in flight,
/// and the statistics. One lock, taken twice per request, so it costs nothing next
/// to a request; tokens, counted live for the progress line, only bump an atomic.
final class Ledger: Sendable {
    private struct State {
        var claimed = 0
        var inFlight = 0
        var statistics = LoadStatistics()
    }

    private let state = Mutex(State())
    private let chunksReceived = Atomic<Int>(0)
    private let plan: LoadPlan

    init(plan: LoadPlan) {
        self.plan = plan
    }

    /// Takes the next request to send; false once a request count is used up.
    func claim() -> Bool {
        state.withLock { state in
            if case .requests(let total) = plan.stop, state.claimed >= total { return false }
            state.claimed += 1
            state.inFlight += 1
            return true
        }
    }

    func chunkReceived() {
        chunksReceived.wrappingAdd(1, ordering: .relaxed)
    }

    func finish(_ outcome: RequestOutcome) {
        state.withLock { state in
            state.inFlight -= 1
            switch outcome {
            case .succeeded(let measurement): state.statistics.recordSuccess(measurement)
            case .failed(let error): state.statistics.recordFailure(error)
            case .cancelled: state.statistics.recordCancelled()
            }
        }
    }

    var statistics: LoadStatistics { state.withLock { $0.statistics } }

    func progress(elapsed: Duration) -> LoadProgress {
        let chunks = chunksReceived.load(ordering: .relaxed)
        return state.withLock { state in
            var targetRequests: Int?
            var targetDuration: Duration?
            switch plan.stop {
            case .requests(let total): targetRequests = total
            case .duration(let duration): targetDuration = duration
            }
            return LoadProgress(
                elapsed: elapsed, succeeded: state.statistics.succeeded, failed: state.statistics.failed,
                inFlight: state.inFlight, chunksReceived: chunks,
                targetRequests: targetRequests, targetDuration: targetDuration)
        }
    }
}

/// How one request ended.
enum RequestOutcome: Sendable {
    case succeeded(RequestMeasurement)
    case failed(GatewayError)
    /// Cut by the end of the test or Ctrl-C.
    case cancelled
}
