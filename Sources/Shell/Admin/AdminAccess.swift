import Profiles
import ThreeScaleAdmin

/// An admin API client for the profile in force, closed after the command.
struct AdminAccess {
    let context: CommandContext
    let profile: ResolvedProfile
    let client: AdminClient

    static func with<T: Sendable>(_ context: CommandContext, _ body: (AdminAccess) async throws -> T) async throws -> T {
        let profile = try context.resolvedProfile()
        let settings = profile.settings
        guard let url = settings.adminURL, let token = settings.adminToken else {
            throw ShellError("profile '\(profile.name)' has no admin portal URL and token: run `admin login --url URL` (or start `maas --sandbox`)")
        }
        context.warnIfInsecure(profile)
        let client = try AdminClient(configuration: AdminConfiguration(
            adminURL: url, accessToken: token, caFile: settings.caFile, insecureTLS: settings.insecure ?? false,
            logger: context.logger))
        let access = AdminAccess(context: context, profile: profile, client: client)
        return try await withCleanup({ try await body(access) }, cleanup: { try? await client.shutdown() })
    }
}
