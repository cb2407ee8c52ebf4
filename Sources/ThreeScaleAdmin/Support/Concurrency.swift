/// Maps with at most `limit` transforms in flight; results keep the input order.
func concurrentMap<T: Sendable, R: Sendable>(
    _ items: [T], limit: Int, _ transform: @escaping @Sendable (T) async throws -> R
) async throws(AdminError) -> [R] {
    let outcome: Result<[R], AdminError> = await withTaskGroup(of: (Int, Result<R, AdminError>).self) { group in
        var results: [R?] = Array(repeating: nil, count: items.count)
        var next = 0
        func start() {
            let index = next
            let item = items[index]
            group.addTask {
                do {
                    return (index, .success(try await transform(item)))
                } catch {
                    return (index, .failure(AdminError(error)))
                }
            }
            next += 1
        }
        while next < min(max(limit, 1), items.count) { start() }
        while let (index, result) = await group.next() {
            switch result {
            case .success(let value):
                results[index] = value
                if next < items.count { start() }
            case .failure(let error):
                group.cancelAll()
                return .failure(error)
            }
        }
        return .success(results.compactMap { $0 })
    }
    return try outcome.get()
}

/// Maps with at most `limit` transforms in flight, every item to its own result (one
/// failing item stops none of the others); results keep the input order.
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ transform: @escaping @Sendable (T) async -> R) async -> [R] {
    await withTaskGroup(of: (Int, R).self) { group in
        var results: [R?] = Array(repeating: nil, count: items.count)
        var next = 0
        func start() {
            let index = next
            let item = items[index]
            group.addTask { (index, await transform(item)) }
            next += 1
        }
        while next < min(max(limit, 1), items.count) { start() }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count { start() }
        }
        return results.compactMap { $0 }
    }
}
