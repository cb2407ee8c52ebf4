import Foundation
import Logging
import ModelGateway
import Profiles
import ThreeScaleAdmin

/// The consumer settings a new application gives: the product's production gateway,
/// the key where the product reads it, and TLS as the admin profile has it (the same cluster).
enum ConsumerSettings {
    static func make(for gateway: ProductGateway, key: String, admin: Profile) -> Profile {
        var settings = Profile(gateway: gateway.production, apiKey: key, caFile: admin.caFile, insecure: admin.insecure)
        switch gateway.key {
        case .header(let name) where name.lowercased() != "authorization": settings.authHeader = name
        case .query(let name): settings.authQuery = name
        // `Authorization: Bearer KEY` is the profiles' default; HTTP Basic is not supported.
        case .header, .basicAuthorization: break
        }
        return settings
    }
}

/// Asks a product's gateway, with a new application's key, which model it serves.
/// Bounded: a gateway that does not answer in `limit` (a route that does not resolve
/// from here, a key not yet known to it) costs that much and a one-line note.
enum GatewayModelProbe {
    enum Outcome: Equatable {
        case model(String)
        /// Why there is no single model, as the start of a note.
        case unknown(String)
    }

    static let limit: Duration = .seconds(3)

    static func servedModel(_ settings: Profile, limit: Duration = limit, logger: Logger? = nil) async -> Outcome {
        let client: GatewayClient
        do {
            var configuration = try GatewayAccess.configuration(settings: settings, profileName: "new")
            configuration.connectTimeout = limit
            configuration.readTimeout = limit
            configuration.logger = logger
            client = try GatewayClient(configuration: configuration)
        } catch {
            return .unknown("could not list the gateway's models (\(firstClause(of: "\(error)")))")
        }
        let outcome: Outcome
        do {
            if let models = try await withDeadline(limit, { try await client.models() }) {
                outcome = choice(models.map(\.id))
            } else {
                outcome = .unknown("could not list the gateway's models (no answer within \(limit))")
            }
        } catch is CancellationError {
            outcome = .unknown("could not list the gateway's models (cancelled)")
        } catch {
            outcome = .unknown("could not list the gateway's models (\(firstClause(of: "\(error)")))")
        }
        try? await client.shutdown()
        return outcome
    }

    static func choice(_ ids: [String]) -> Outcome {
        switch ids.count {
        case 1: return .model(ids[0])
        case 0: return .unknown("the gateway lists no models")
        default: return .unknown("the gateway serves several models (\(ids.joined(separator: ", ")))")
        }
    }

    /// "cannot connect to URL: connection refused", without the advice after it.
    private static func firstClause(of message: String) -> String {
        message.firstRange(of: "; ").map { String(message[..<$0.lowerBound]) } ?? message
    }
}

/// Consumer profiles written by the admin verbs that issue or replace a key.
enum ConsumerProfile {
    /// Writes the consumer settings into profile `name` (keeping its other settings) and makes it current.
    static func save(_ name: String, _ consumer: Profile, product: String, context: CommandContext) async throws -> String {
        guard let endpoint = consumer.gateway else {
            throw ShellError("product '\(product)' has no production endpoint yet: run `promote \(product)` and then `login`")
        }
        let admin = try context.resolvedProfile().settings
        let sandboxOrigins = await context.interpreter.sandboxOrigins()
        try context.profileStore.update { document throws(ProfileError) in
            let before = document.profiles[name]
            var profile = before ?? Profile()
            try profile.set(.gateway, to: endpoint)
            try profile.set(.apiKey, to: consumer.apiKey)
            if let model = consumer.model { try profile.set(.model, to: model) }
            profile.authHeader = consumer.authHeader
            profile.authQuery = consumer.authQuery
            // Keep admin access from the profile in force, so one profile does both jobs.
            if profile.adminURL == nil, let url = admin.adminURL, let token = admin.adminToken {
                try profile.set(.adminURL, to: url)
                try profile.set(.adminToken, to: token)
                profile.caFile = profile.caFile ?? consumer.caFile
                profile.insecure = profile.insecure ?? consumer.insecure
            }
            SandboxMark.update(&profile, before: before, origins: sandboxOrigins)
            document.profiles[name] = profile
            document.current = name
        }
        context.interpreter.profileBecameCurrent(name)
        return "'\(name)' saved and now current"
    }

    /// Puts `newKey` in every saved profile that called `gateway` with `oldKey` (the old
    /// key no longer works anywhere); returns their names, sorted.
    static func replaceKey(_ oldKey: String, with newKey: String, on gateway: ProductGateway, context: CommandContext) throws -> [String] {
        let origins = Set([gateway.production, gateway.staging].compactMap { $0.flatMap(origin) })
        return try context.profileStore.update { document throws(ProfileError) in
            var replaced: [String] = []
            for (name, profile) in document.profiles where profile.apiKey == oldKey {
                guard let url = profile.gateway, let held = origin(url), origins.contains(held) else { continue }
                var updated = profile
                try updated.set(.apiKey, to: newKey)
                document.profiles[name] = updated
                replaced.append(name)
            }
            return replaced.sorted()
        }
    }

    /// `scheme://host:port` with the scheme's default port spelled out, so `http://h` and
    /// `http://h:80/` are the same gateway.
    private static func origin(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased()
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }
}
