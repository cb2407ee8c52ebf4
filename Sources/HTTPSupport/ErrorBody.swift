import AsyncHTTPClient
import NIOCore

/// What is read of a failed answer's body. The status decides the error; the body
/// only explains it, so it is read for a bounded size and time and its end is never
/// awaited: a 401 may come with gigabytes, or trickle forever. Both HTTP clients use it.
public enum ErrorBody {
    public static let maxSize = 64 * 1024
    public static let maxTime: Duration = .seconds(5)

    /// The first `limit` bytes, or those that arrived within `time` or before the
    /// connection broke. The rest is dropped, which closes the connection.
    public static func prefix(of body: HTTPClientResponse.Body, limit: Int = maxSize, within time: Duration = maxTime) async
        -> [UInt8]
    {
        await withTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                var bytes: [UInt8] = []
                do {
                    for try await chunk in body {
                        bytes += chunk.readableBytesView.prefix(limit - bytes.count)
                        if bytes.count >= limit { break }
                    }
                } catch {
                    // Broken, timed out or cancelled: what arrived still explains the status.
                }
                return bytes
            }
            group.addTask {
                try? await Task.sleep(for: time)
                return nil
            }
            // The first to finish ends the other: the reader then returns what it has.
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first }
            let rest = await group.next() ?? nil
            return rest ?? []
        }
    }
}
