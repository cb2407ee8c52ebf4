import Foundation
import ModelGateway
import Profiles
import ThreeScaleAdmin

/// The interactive `maas>` session: read a line with libedit, run it through
/// the interpreter in a Task that Ctrl-C cancels, repeat until Ctrl-D or `exit`.
struct REPL {
    let interpreter: Interpreter
    let interrupts: InterruptHandler

    func run() async -> Int32 {
        // Completion and the history's redaction read the command tree: without it, say why and stop.
        if case let .failure(error) = CommandCatalog.loadedSession {
            interpreter.output.error("error: \(error)")
            return 70
        }
        let history = HistoryFile(environment: interpreter.environment)
        let values = dynamicValues()
        let completer = Completer { values.values(for: $0, after: $1) }
        guard let editor = LineEditor(interrupts: interrupts, completer: completer, history: history.load()) else {
            interpreter.output.error("error: cannot start the line editor; reading commands as a script")
            guard let script = standardInputScript(interpreter.output) else { return 1 }
            return await interpreter.run(script: script)
        }
        let output = interpreter.output
        if !interpreter.sessionOptions.quiet {
            output.print(output.style("maas \(MaasCommand.version)", .bold) + output.style(" · `help` lists the verbs, Tab completes, Ctrl-D leaves", .dim))
        }
        // The lines of a command still open (a quote, a trailing `\`).
        var pending: LineJoiner?
        while true {
            let prompt = pending == nil ? promptText() : "...> "
            var joiner = pending ?? LineJoiner()
            pending = nil
            switch await editor.read(prompt: prompt) {
            case .endOfInput:
                output.write("\n")
                return 0
            case .interrupted:
                output.write("^C\n")
                continue
            case let .line(text):
                if case .needsMore = joiner.append(text[...]) {
                    pending = joiner
                    continue
                }
            }
            if joiner.tooLong {
                output.error("error: \(TokenizeError.lineTooLong(limit: LineJoiner.maxLength))")
                continue
            }
            let line = joiner.text
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let entry = SecretRedactor.redact(line.trimmingCharacters(in: .whitespaces))
            editor.addHistory(entry)
            history.append(entry)
            let interpreter = self.interpreter
            let source = EditorLineSource(editor: editor, interrupts: interrupts)
            let outcome = await interrupts.cancellable { await interpreter.run(line: line, lineSource: source) }
            switch outcome {
            case .success:
                break
            case .interrupted:
                output.note("\n" + output.style("interrupted", .dim))
            case let .failure(error):
                if !error.message.isEmpty { output.error("error: \(error.message)") }
            }
            if let status = interpreter.exitStatus { return status }
        }
    }

    /// Tab's session values: profile names from the file, model ids from the gateway in force.
    private func dynamicValues() -> DynamicValues {
        let interpreter = self.interpreter
        @Sendable func profile() -> ResolvedProfile? {
            guard let document = try? interpreter.profileStore.load() else { return nil }
            return try? ResolvedProfile.resolve(document: document, selected: interpreter.sessionSettings.profile, environment: interpreter.environment)
        }
        /// Lists the admin API for Tab; nil when the profile has no admin access.
        @Sendable func adminNames(_ list: @escaping @Sendable (AdminClient) async throws -> [String]) -> DynamicValues.Fetch {
            {
                guard let settings = profile()?.settings, let url = settings.adminURL, let token = settings.adminToken,
                      let client = try? AdminClient(configuration: AdminConfiguration(
                        adminURL: url, accessToken: token, caFile: settings.caFile, insecureTLS: settings.insecure ?? false,
                        maxAttempts: 1))
                else { return nil }
                let names = try? await list(client)
                try? await client.shutdown()
                return names
            }
        }
        return DynamicValues(
            local: { name, positionals in
                switch name {
                case "profile": return (try? interpreter.profileStore.load().names) ?? []
                case "setting-value": return settingValues(positionals)
                case "model": return profile()?.settings.gateway.flatMap { interpreter.cachedModels(for: $0) }
                case "backend", "product", "doc", "account", "app":
                    return interpreter.rememberedNames(for: name, maxAge: DynamicValues.freshFor)
                default: return nil
                }
            },
            fetchers: [
                "backend": adminNames { try await $0.listBackends().map(\.systemName) },
                "product": adminNames { try await $0.listProducts().map(\.systemName) },
                "doc": adminNames { try await $0.activeDocs().map(\.systemName) },
                "account": adminNames { try await $0.accounts().compactMap(\.orgName) },
                "app": adminNames { try await $0.allApplications().compactMap(\.name) },
                "model": {
                    guard let profile = profile(), let configuration = try? GatewayAccess.configuration(for: profile),
                          let client = try? GatewayClient(configuration: configuration) else { return nil }
                    let ids = try? await client.models().map(\.id)
                    try? await client.shutdown()
                    if let ids { interpreter.cacheModels(ids, for: configuration.baseURL) }
                    return ids
                },
            ])
    }

    /// `maas> `, or `maas(NAME)> ` when the profile in force is not the default one.
    private func promptText() -> String {
        let document = (try? interpreter.profileStore.load()) ?? ProfileDocument()
        let name = (try? ResolvedProfile.resolve(
            document: document, selected: interpreter.sessionSettings.profile, environment: interpreter.environment).name)
            ?? ProfileDocument.defaultName
        return name == ProfileDocument.defaultName ? "maas> " : "maas(\(name))> "
    }
}

/// The script on standard input; nil, once the error is printed, when it cannot be read.
func standardInputScript(_ output: Output) -> ScriptSource? {
    do {
        return ScriptSource(name: "<stdin>", text: try BoundedInput.readStandardInput(limit: BoundedInput.scriptLimit), directory: nil)
    } catch {
        output.error("error: \(error.message)")
        return nil
    }
}
