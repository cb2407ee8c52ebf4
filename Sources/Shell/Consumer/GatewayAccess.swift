import ModelGateway
import Profiles
import Untrusted

/// Builds the gateway client from the profile in force and picks the model, so
/// every consumer verb connects and chooses the same way.
struct GatewayAccess: Sendable {
    let context: CommandContext
    let profile: ResolvedProfile
    let client: GatewayClient

    /// Runs `body` with a client for the profile's gateway and closes it afterwards.
    /// `maxConnections` overrides the client's connection limit (for `bench`).
    static func with<T: Sendable>(
        _ context: CommandContext, maxConnections: Int? = nil, _ body: (GatewayAccess) async throws -> T
    ) async throws -> T {
        let access = try open(context, profile: try context.resolvedProfile(), maxConnections: maxConnections)
        return try await withCleanup({ try await body(access) }, cleanup: { await access.close() })
    }

    /// A client for `profile`'s gateway; the caller closes it.
    static func open(_ context: CommandContext, profile: ResolvedProfile, maxConnections: Int? = nil) throws -> GatewayAccess {
        var configuration = try configuration(for: profile)
        configuration.maxConnections = maxConnections
        configuration.logger = context.logger
        let client = try GatewayClient(configuration: configuration)
        context.warnIfInsecure(profile)
        return GatewayAccess(context: context, profile: profile, client: client)
    }

    func close() async {
        try? await client.shutdown()
    }

    static func configuration(for profile: ResolvedProfile) throws -> GatewayConfiguration {
        try configuration(settings: profile.settings, profileName: profile.name)
    }

    /// What a profile with these settings would connect with (also used before the profile is saved).
    static func configuration(settings: Profile, profileName: String) throws -> GatewayConfiguration {
        guard let gateway = settings.gateway else {
            throw ShellError("profile '\(profileName)' has no gateway URL: run `login --gateway URL` (or `app create … --save-profile NAME`)")
        }
        let authentication: GatewayConfiguration.Authentication
        if let header = settings.authHeader {
            authentication = header.lowercased() == "authorization" ? .bearer : .header(name: header)
        } else if let query = settings.authQuery {
            authentication = .queryParameter(name: query)
        } else {
            authentication = .bearer
        }
        return GatewayConfiguration(
            baseURL: gateway, apiKey: settings.apiKey, authentication: authentication,
            caFile: settings.caFile, insecureTLS: settings.insecure ?? false,
            connectTimeout: .milliseconds(Int64((settings.connectTimeout ?? 10) * 1000)),
            readTimeout: .milliseconds(Int64((settings.readTimeout ?? 180) * 1000)))
    }

    /// The gateway's URL as it may be shown and stored: without user-info.
    var gateway: String { URLDisplay.redacted(client.configuration.baseURL) }

    /// A record of a prompt to this gateway, to be filled in as the answer arrives.
    func record(_ verb: PromptRecord.Verb, model: String, prompt: String? = nil, messages: [ChatMessage] = [], options: SamplingOptions) -> PromptRecord {
        context.preparePromptLog(profile: profile.settings)
        return PromptRecord(
            verb: verb, profile: profile.name, gateway: gateway, model: model,
            prompt: prompt, messages: messages, options: options)
    }

    /// `--model`, else the profile's model, else the only model the gateway serves (cached for the session).
    func model(_ explicit: String?) async throws -> String {
        if let explicit { return explicit }
        if let model = profile.settings.model { return model }
        let gateway = client.configuration.baseURL
        let ids: [String]
        if let cached = context.interpreter.cachedModels(for: gateway) {
            ids = cached
        } else {
            ids = try await client.models().map(\.id)
            context.interpreter.cacheModels(ids, for: gateway)
        }
        guard ids.count == 1, let only = ids.first else {
            let choices = ids.isEmpty ? "the gateway lists no models" : "choose one of: \(ids.joined(separator: ", "))"
            throw ShellError("no model chosen: give --model or `profile set model ID`; \(choices)")
        }
        return only
    }
}
