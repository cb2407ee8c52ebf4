import Foundation
import Profiles
import Sandbox
import Testing
import ThreeScaleAdmin
@testable import Shell

/// `app create` asks the product's gateway for the model with the new key, bounded,
/// against an in-process sandbox.
@Suite(.serialized) struct AppCreateTests {
    struct Harness {
        let interpreter: Interpreter
        let out = CapturingSink()
        let err = CapturingSink()
        let folder: String

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("maas-app-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            interpreter = Interpreter(
                environment: [:], output: Output(out: out, err: err, isTerminal: false, color: false),
                profileStore: ProfileStore(path: folder + "/profiles.yaml"),
                input: TerminalInput(fd: -1, interrupts: nil), interactive: false)
        }

        func script(_ text: String) async -> Int32 {
            await interpreter.run(script: ScriptSource(name: "t.maas", text: text, directory: folder), continueOnError: false)
        }

        func profile(_ name: String) throws -> Profile? {
            try interpreter.profileStore.load().profiles[name]
        }
    }

    /// A sandbox with product `chat` published on the model, and an admin profile for it.
    static func withPublishedChat(_ body: (Harness, RunningSandbox) async throws -> Void) async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration())
        do {
            let h = try Harness()
            let endpoints = sandbox.endpoints
            let status = await h.script("""
                admin login --url \(endpoints.adminURL) --token \(endpoints.accessToken)
                backend create Model --url \(endpoints.modelURL)
                product create Chat --backend model --preset vllm
                promote chat
                """)
            #expect(status == 0, "\(h.err.text)")
            try await body(h, sandbox)
        } catch {
            try? await sandbox.shutdown()
            throw error
        }
        try await sandbox.shutdown()
    }

    @Test func theModelComesFromTheProductionGatewayWithTheNewKey() async throws {
        try await Self.withPublishedChat { h, sandbox in
            let status = await h.script("app create \(sandbox.endpoints.developerAccount) chat --name a1 --save-profile c1\n")
            #expect(status == 0, "\(h.err.text)")
            #expect(h.out.text.contains(sandbox.endpoints.modelName))
            #expect(!h.err.text.contains("note:"))
            let saved = try #require(try h.profile("c1"))
            #expect(saved.model == sandbox.endpoints.modelName)
            #expect(saved.gateway?.isEmpty == false && saved.apiKey?.isEmpty == false)
            // The lab's products read the key from Authorization, the profiles' default.
            #expect(saved.authHeader == nil && saved.authQuery == nil)
        }
    }

    @Test func anUnreachableGatewayGivesANoteAndTheApplicationStill() async throws {
        try await Self.withPublishedChat { h, sandbox in
            let endpoints = sandbox.endpoints
            let admin = try AdminClient(configuration: AdminConfiguration(adminURL: endpoints.adminURL, accessToken: endpoints.accessToken))
            let productID = try await admin.productID(.name("chat"))
            // A port nothing listens on: connecting is refused at once.
            _ = try await admin.updateProxy(productID: productID, ProxyChanges(endpoint: "http://127.0.0.1:1"))
            try await admin.shutdown()

            let status = await h.script("app create \(endpoints.developerAccount) chat --name a2 --save-profile c2\n")
            #expect(status == 0, "\(h.err.text)")
            let notes = h.err.text.split(separator: "\n").filter { $0.hasPrefix("note:") }
            #expect(notes.count == 1)
            let note = try #require(notes.first)
            // Refused, not timed out: the command did not wait for the deadline.
            #expect(note.contains("could not list the gateway's models (cannot connect to http://127.0.0.1:1"))
            #expect(note.contains("connection refused"))
            #expect(note.hasSuffix("set one with `profile set model NAME`"))
            #expect(h.out.text.contains("a2 (id "))
            let saved = try #require(try h.profile("c2"))
            #expect(saved.gateway == "http://127.0.0.1:1" && saved.model == nil && saved.apiKey?.isEmpty == false)
        }
    }

    @Test func aDeadlineEndsASlowCallAndPassesAQuickOne() async throws {
        let slow = try await withDeadline(.milliseconds(50)) { () async throws -> Int in
            try await Task.sleep(for: .seconds(60))
            return 1
        }
        #expect(slow == nil)
        #expect(try await withDeadline(.seconds(60)) { 2 } == 2)
        await #expect(throws: ShellError.self) {
            try await withDeadline(.seconds(60)) { () async throws -> Int in throw ShellError("boom") }
        }
    }

    @Test func severalOrNoModelsLeaveTheChoiceToTheUser() {
        #expect(GatewayModelProbe.choice(["m"]) == .model("m"))
        #expect(GatewayModelProbe.choice([]) == .unknown("the gateway lists no models"))
        #expect(GatewayModelProbe.choice(["a", "b"]) == .unknown("the gateway serves several models (a, b)"))
    }

    @Test func theKeyGoesWhereTheProductReadsIt() {
        let admin = Profile(caFile: "/ca.pem", insecure: true)
        let query = ConsumerSettings.make(
            for: ProductGateway(production: "https://p", staging: nil, key: .query("user_key")), key: "k", admin: admin)
        #expect(query.authQuery == "user_key" && query.authHeader == nil && query.caFile == "/ca.pem" && query.insecure == true)
        let header = ConsumerSettings.make(
            for: ProductGateway(production: "https://p", staging: nil, key: .header("X-Key")), key: "k", admin: Profile())
        #expect(header.authHeader == "X-Key" && header.apiKey == "k" && header.gateway == "https://p")
        let bearer = ConsumerSettings.make(
            for: ProductGateway(production: "https://p", staging: nil, key: .header("authorization")), key: "k", admin: Profile())
        #expect(bearer.authHeader == nil && bearer.authQuery == nil)
    }
}
