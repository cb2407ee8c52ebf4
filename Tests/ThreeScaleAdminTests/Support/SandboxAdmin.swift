import Sandbox

@testable import ThreeScaleAdmin

/// An in-process sandbox and an admin client for it, torn down after the body.
enum SandboxAdmin {
    static func with(_ body: (AdminClient, SandboxEndpoints) async throws -> Void) async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration())
        let endpoints = sandbox.endpoints
        let client = try AdminClient(configuration: AdminConfiguration(adminURL: endpoints.adminURL, accessToken: endpoints.accessToken))
        do {
            try await body(client, endpoints)
        } catch {
            try? await client.shutdown()
            try? await sandbox.shutdown()
            throw error
        }
        try await client.shutdown()
        try await sandbox.shutdown()
    }

    /// Backend `model` and product `chat` as `product create Chat --backend model --preset vllm`
    /// makes them, through the typed write and the reconciler.
    static func publishChat(_ client: AdminClient, _ endpoints: SandboxEndpoints) async throws {
        _ = try await client.createBackend(NewBackend(name: "Model", systemName: "model", privateEndpoint: endpoints.modelURL))
        let set = ResourceSet([.product(ProductPreset.vllm(name: "Chat", systemName: "chat", backend: "model"))])
        let state = try await StateFetcher(client: client).fetch(for: set)
        let plan = try Planner.plan(set, state: state, documents: [:])
        let report = await Applier(client: client, resources: set).apply(plan)
        guard report.succeeded else { throw report.failed.first?.error ?? .cancelled }
    }
}
