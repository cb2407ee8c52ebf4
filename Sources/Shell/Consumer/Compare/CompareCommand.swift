import ArgumentParser
import ModelGateway
import Profiles

struct CompareCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Send one prompt to several models at once; the answers side by side, then their figures.",
        discussion: """
            Each --profile is a target through that profile's gateway, key and model; each --model is a \
            target through the profile in force. Both may be given and repeated. The answers stream into \
            columns that fit the terminal (one after another when it is too narrow, or output is not a \
            terminal), then one row a target: tokens, time to first token, tokens per second, total time, \
            HTTP status or error. A target that fails shows its error in its column; the others go on. \
            Ctrl-C stops every stream and keeps what arrived.
            """)

    static let maximumTargets = 8
    static let maximumRuns = 100

    @Argument(help: "The prompt (with --chat, the user message).")
    var prompt: String
    @Option(name: .customLong("profile"), help: ArgumentHelp("A target: this profile's gateway, key and model (repeatable).", valueName: "profile"),
            completion: .custom { _, _, _ in ProfileNames.fromDefaultLocation() })
    var profiles: [String] = []
    @Option(name: .customLong("model"), help: ArgumentHelp("A target: this model through the profile in force (repeatable).", valueName: "model"),
            completion: .custom { _, _, _ in [] })
    var models: [String] = []
    @Flag(help: "Send the prompt as a chat message (POST /v1/chat/completions) instead of a completion.")
    var chat = false
    @Option(help: "The system prompt (implies --chat).")
    var system: String?
    @OptionGroup var sampling: SamplingParameters
    @Option(help: "Send it this many times; the figures are medians and IDENTICAL says whether the answers were.")
    var runs = 1
    @OptionGroup var common: CommonOptions
    var globals: Settings? { common.settings(profile: nil) }

    func validate() throws {
        let count = profiles.count + models.count
        if count == 0 { throw ValidationError("give the targets: --model M (through the profile in force) or --profile P, each repeatable") }
        if count > Self.maximumTargets { throw ValidationError("at most \(Self.maximumTargets) targets at once (\(count) given)") }
        if !(1...Self.maximumRuns).contains(runs) { throw ValidationError("--runs must be between 1 and \(Self.maximumRuns)") }
    }

    func run(in context: CommandContext) async throws {
        var messages: [ChatMessage] = []
        if let system { messages.append(.system(system)) }
        messages.append(.user(prompt))
        let request = CompareRequest(
            body: chat || system != nil ? .messages(messages) : .prompt(prompt),
            options: sampling.options)
        let accesses = try await openTargets(context)
        try await withCleanup({
            let targets = try await Self.targets(accesses: accesses, models: models)
            let results = await CompareSession(targets: targets, request: request, context: context).run(times: runs)
            if !results.isEmpty { try CompareSession.show(targets: targets, results: results, context: context) }
            if Task.isCancelled || results.contains(where: { $0.contains(where: \.interrupted) }) { throw CancellationError() }
        }, cleanup: {
            for access in accesses.all { await access.close() }
        })
    }

    /// One client a named profile, and one for the profile in force when a `--model` needs it.
    private func openTargets(_ context: CommandContext) async throws -> OpenTargets {
        let document = try context.profileStore.load()
        var opened = OpenTargets()
        do {
            for name in profiles {
                guard document.profiles[name] != nil else {
                    let known = document.names.isEmpty ? "there are none yet" : "choose one of: \(document.names.joined(separator: ", "))"
                    throw ShellError("no profile named '\(name)'; \(known)")
                }
                let profile = try ResolvedProfile.resolve(document: document, selected: name, environment: context.environment)
                opened.named.append(try GatewayAccess.open(context, profile: profile))
            }
            if !models.isEmpty {
                opened.current = try GatewayAccess.open(context, profile: try context.resolvedProfile())
            }
        } catch {
            for access in opened.all { await access.close() }
            throw error
        }
        return opened
    }

    struct OpenTargets {
        var named: [GatewayAccess] = []
        var current: GatewayAccess?
        var all: [GatewayAccess] { named + (current.map { [$0] } ?? []) }
    }

    /// The targets in the order given: the profiles' (each with its model), then the models.
    static func targets(accesses: OpenTargets, models: [String]) async throws -> [CompareTarget] {
        var targets: [CompareTarget] = []
        for access in accesses.named {
            do {
                let model = try await access.model(nil)
                targets.append(CompareTarget(label: "\(access.profile.name): \(model)", access: access, model: model))
            } catch let failure as GatewayError {
                targets.append(CompareTarget(label: access.profile.name, access: access, model: "", unavailable: failure))
            }
        }
        if let current = accesses.current {
            targets += models.map { CompareTarget(label: $0, access: current, model: $0) }
        }
        return CompareTarget.uniquelyLabelled(targets)
    }
}
