/// Runs `body`, then `cleanup` whether `body` returned or threw (async `defer`).
func withCleanup<T: Sendable>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    do {
        let result = try await body()
        await cleanup()
        return result
    } catch {
        await cleanup()
        throw error
    }
}
