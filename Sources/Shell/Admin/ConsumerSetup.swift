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
