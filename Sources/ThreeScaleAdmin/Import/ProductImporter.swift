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
    /// rest is applied first and the doc planned from a fresh snapshot.
    func importOne(_ translation: ImportTranslation, dryRun: Bool, progress: @escaping @Sendable (Action) -> Void) async
        -> ImportOutcome.Status
    {
        let fetcher = StateFetcher(client: client, concurrency: concurrency)
        do {
            var state = try await fetcher.fetch(for: translation.resources)
            var gateway = Self.gateway(of: translation.product, in: state)
            if dryRun {
                return .planned(try Planner.plan(translation.resources, state: state, documents: translation.documents(gateway: gateway)))
            }
            var completed: [Action] = []
            if state.product(translation.product) == nil {
                let first = try Planner.plan(translation.withoutActiveDoc, state: state)
                completed += try await apply(first, of: translation.withoutActiveDoc, progress: progress)
                state = try await fetcher.fetch(for: translation.resources)
                gateway = Self.gateway(of: translation.product, in: state)
            }
            let plan = try Planner.plan(translation.resources, state: state, documents: translation.documents(gateway: gateway))
            completed += try await apply(plan, of: translation.resources, progress: progress, before: completed.count)
            return .applied(completed)
        } catch let error as ImportProblem {
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    private func apply(
        _ plan: Plan, of set: ResourceSet, progress: @escaping @Sendable (Action) -> Void, before: Int = 0
    ) async throws(ImportProblem) -> [Action] {
        guard !plan.isEmpty else { return [] }
        let report = await Applier(client: client, resources: set, concurrency: concurrency).apply(plan) { action, status in
            if case .completed = status { progress(action) }
        }
        guard let failure = report.failed.first else {
            if report.notAttempted.isEmpty { return report.completed }
            throw ImportProblem("cancelled after \(before + report.completed.count) changes; run the same import again to finish")
        }
        throw ImportProblem("\(before + report.completed.count) changes made, then \(failure.action.summary): \(failure.error); "
            + "fix the cause and run the same import again to finish")
    }

    static func gateway(of product: String, in state: ServerState) -> DocumentServers.Gateway {
        let proxy = state.product(product)?.proxy
        return DocumentServers.Gateway(production: proxy?.endpoint, staging: proxy?.sandboxEndpoint)
    }
}
