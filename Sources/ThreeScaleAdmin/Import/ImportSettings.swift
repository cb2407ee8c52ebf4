/// How a batch of documents is imported; the same for every document.
public struct ImportSettings: Sendable, Equatable {
    /// Where the product's backend comes from.
    public enum BackendChoice: Sendable, Equatable {
        /// The document's `servers[0].url` (Swagger 2.0: schemes, host, basePath).
        case fromDocument
        /// A backend made (or updated) with this private URL.
        case url(String)
        /// An existing backend, by system name.
        case existing(String)
    }

    public var backend: BackendChoice
    /// The application plan's name; nil gives the lab's `Standard Plan`.
    public var planName: String?
    public var publishDoc: Bool
    public var promote: Bool
    /// The product's name instead of `info.title` (one document only).
    public var name: String?

    public init(backend: BackendChoice = .fromDocument, planName: String? = nil, publishDoc: Bool = false, promote: Bool = false, name: String? = nil) {
        self.backend = backend
        self.planName = planName
        self.publishDoc = publishDoc
        self.promote = promote
        self.name = name
    }

    public static let defaultPlanName = "Standard Plan"

    /// The plan's key in the product: `standard` for the default (named or not), as
    /// `product create --preset vllm` names it, so the two never fight over the plan.
    var planKey: String {
        guard let planName, planName != Self.defaultPlanName else { return "standard" }
        return ImportNaming.systemName(planName)
    }
}
