import Untrusted

/// `product import`: OpenAPI documents → products, through the resource model and the
/// one reconciler (`Planner`, `Applier`). Documents are read, checked and imported a few
/// at a time; one failing stops none of the others.
public struct ProductImporter: Sendable {
    public let client: AdminClient
    /// Documents imported at once.
    public let documents: Int
    /// Admin API calls in flight for one document.
    public let concurrency: Int

    public init(client: AdminClient, documents: Int = 4, concurrency: Int = 4) {
        self.client = client
        self.documents = max(1, documents)
        self.concurrency = max(1, concurrency)
    }

    /// One outcome per source, in input order. `progress` hears each change made, with
    /// the index of its source.
    public func run(
        _ sources: [ImportSource], settings: ImportSettings, dryRun: Bool,
        progress: (@Sendable (Int, Action) -> Void)? = nil
    ) async -> [ImportOutcome] {
        let client = self.client
        let loaded = await boundedMap(Array(sources.enumerated()), limit: documents) { index, source in
            (index, source, await Self.load(source, client: client))
        }
        var outcomes: [ImportOutcome?] = Array(repeating: nil, count: sources.count)
        var candidates: [ImportBatch.Candidate] = []
        var candidateSources: [Int] = []  // candidate → source index
        var checked: [JSONValue] = []
        for (index, source, result) in loaded {
            switch result {
            case .failure(let problem):
                outcomes[index] = ImportOutcome(source: source.display, status: .failed(problem.message))
            case .success(let (text, document)):
                let title = document["info"]?["title"]?.stringValue ?? ""
                candidates.append(ImportBatch.Candidate(
                    source: source.display, folder: ImportBatch.folder(of: source.display), text: text, name: settings.name ?? title))
                candidateSources.append(index)
                checked.append(document)
            }
        }
        var work: [(index: Int, translation: ImportTranslation, note: String?)] = []
        for (position, assignment) in ImportBatch.assign(candidates).enumerated() {
            let index = candidateSources[position]
            let source = candidates[position].source
            switch assignment {
            case .sameDocument(let first):
                outcomes[index] = ImportOutcome(source: source, status: .sameDocument(as: candidates[first].source))
            case .product(let name, let systemName, let note):
                do {
                    let translation = try ImportTranslator.translate(
                        checked[position], source: source, name: name, systemName: systemName, settings: settings)
                    work.append((index, translation, note))
                } catch {
                    outcomes[index] = ImportOutcome(source: source, product: systemName, note: note, status: .failed(error.message))
                }
            }
        }
        let imported = await boundedMap(work, limit: documents) { item in
            let status = await self.importOne(item.translation, dryRun: dryRun) { progress?(item.index, $0) }
            return (item.index, ImportOutcome(
                source: item.translation.resources.file, product: item.translation.product, note: item.note, status: status))
        }
        for (index, outcome) in imported { outcomes[index] = outcome }
        return outcomes.enumerated().map { $1 ?? ImportOutcome(source: sources[$0].display, status: .failed("not imported")) }
    }

    /// The document's text and its checked JSON tree.
    static func load(_ source: ImportSource, client: AdminClient) async -> Result<(String, JSONValue), ImportProblem> {
        switch await source.read(with: client) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let text):
            do {
                let checked = try OpenAPIDocumentCheck.check(text, source: source.display)
                guard let document = JSONValue.parse(checked.json) else {
                    return .failure(ImportProblem("\(source.display): the document cannot be read back as JSON"))
                }
                return .success((text, document))
            } catch {
                return .failure(ImportProblem(error.description))
            }
        }
    }

    /// Plans (and unless `dryRun` applies) one document's resources. A new product's
    /// gateway URL, which its API doc names, exists only once the product does: then the
    /// doc is planned as soon as the product and its gateway settings are in place, while
    /// the rest is still being applied.
    func importOne(_ translation: ImportTranslation, dryRun: Bool, progress: @escaping @Sendable (Action) -> Void) async
        -> ImportOutcome.Status
    {
        let fetcher = StateFetcher(client: client, concurrency: concurrency)
        do {
            let state = try await fetcher.fetch(for: translation.resources)
            let gateway = Self.gateway(of: translation.product, in: state)
            if dryRun {
                return .planned(try Planner.plan(translation.resources, state: state, documents: translation.documents(gateway: gateway)))
            }
            if state.product(translation.product) != nil {
                let plan = try Planner.plan(translation.resources, state: state, documents: translation.documents(gateway: gateway))
                return .applied(try await apply(plan, of: translation.resources, progress: progress))
            }
            return .applied(try await importNew(translation, state: state, progress: progress))
        } catch let error as ImportProblem {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    /// A new product: everything but the API doc, and alongside it the doc, once the
    /// product's gateway URLs are settled.
    private func importNew(_ translation: ImportTranslation, state: ServerState, progress: @escaping @Sendable (Action) -> Void)
        async throws -> [Action]
    {
        let first = try Planner.plan(translation.withoutActiveDoc, state: state)
        let settling = first.actions.filter { Self.settlesGateway($0, of: translation.product) }.count
        let (settled, settle) = AsyncStream<Void>.makeStream()
        func applyRest() async -> Result<[Action], ImportProblem> {
            defer { settle.finish() }
            do {
                return .success(try await apply(first, of: translation.withoutActiveDoc) { action in
                    progress(action)
                    if Self.settlesGateway(action, of: translation.product) { settle.yield() }
                })
            } catch {
                return .failure(error)
            }
        }
        func applyDoc() async -> Result<[Action], any Error> {
            do {
                return .success(try await settledDoc())
            } catch {
                return .failure(error)
            }
        }
        func settledDoc() async throws -> [Action] {
            var remaining = settling
            if remaining > 0 {
                for await _ in settled {
                    remaining -= 1
                    if remaining == 0 { break }
                }
            }
            guard remaining == 0 else { return [] }  // the rest failed before the product was ready, and says why
            let proxy = try await client.proxy(productID: try await client.productID(.name(translation.product)))
            let gateway = DocumentServers.Gateway(production: proxy.endpoint, staging: proxy.sandboxEndpoint)
            let full = try Planner.plan(translation.resources, state: state, documents: translation.documents(gateway: gateway))
            return try await apply(
                Plan(actions: full.actions.filter { $0.stage == .activeDocs }), of: translation.resources, progress: progress)
        }
        // Both run to the end: a failure of one leaves the other's changes made.
        if concurrency == 1 {
            let restResult = await applyRest()
            return try restResult.get() + (await applyDoc()).get()
        }
        async let rest = applyRest()
        async let doc = applyDoc()
        let (restResult, docResult) = await (rest, doc)
        return try restResult.get() + docResult.get()
    }

    /// The product's create and its gateway settings: what its gateway URLs depend on.
    private static func settlesGateway(_ action: Action, of product: String) -> Bool {
        switch action.operation {
        case .createProduct(product, _), .updateProxy(product, _): return true
        default: return false
        }
    }

    private func apply(
        _ plan: Plan, of set: ResourceSet, progress: @escaping @Sendable (Action) -> Void
    ) async throws(ImportProblem) -> [Action] {
        guard !plan.isEmpty else { return [] }
        let report = await Applier(client: client, resources: set, concurrency: concurrency).apply(plan) { action, status in
            if case .completed = status { progress(action) }
        }
        guard let failure = report.failed.first else {
            if report.notAttempted.isEmpty { return report.completed }
            throw ImportProblem("cancelled after \(report.completed.count) changes; run the same import again to finish")
        }
        throw ImportProblem("\(report.completed.count) changes made, then \(failure.action.summary): \(failure.error); "
            + "fix the cause and run the same import again to finish")
    }

    static func gateway(of product: String, in state: ServerState) -> DocumentServers.Gateway {
        let proxy = state.product(product)?.proxy
        return DocumentServers.Gateway(production: proxy?.endpoint, staging: proxy?.sandboxEndpoint)
    }
}
