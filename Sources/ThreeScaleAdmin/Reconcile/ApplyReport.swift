/// What an apply did. When it stops on an error, `notAttempted` lists the rest; a
/// new plan from a fresh snapshot finishes the job.
public struct ApplyReport: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var action: Action
        public var error: AdminError
    }

    public var completed: [Action] = []
    public var failed: [Failure] = []
    public var notAttempted: [Action] = []

    public init() {}

    public var succeeded: Bool { failed.isEmpty && notAttempted.isEmpty }
}

/// Progress of one action, for a renderer that shows the apply as it goes.
public enum ActionStatus: Sendable, Equatable {
    case started
    case completed
    case failed(AdminError)
}
