import Synchronization

/// Collects what is written up to a limit, then only notes that more came: the output of
/// a script `maas test` runs, kept for its report without growing with a chatty script.
final class BoundedCapturingSink: TextSink {
    private struct Buffer {
        var text = ""
        var truncated = false
    }

    let limit: Int
    private let buffer = Mutex(Buffer())

    init(limit: Int) { self.limit = limit }

    func write(_ text: String) {
        buffer.withLock { buffer in
            guard !buffer.truncated else { return }
            let room = limit - buffer.text.utf8.count
            if text.utf8.count <= room {
                buffer.text += text
            } else {
                // Whole characters only, so the kept text stays valid UTF-8.
                var kept = 0
                buffer.text += text.prefix { character in
                    kept += character.utf8.count
                    return kept <= room
                }
                buffer.truncated = true
            }
        }
    }

    /// What was kept, with a last line saying when the rest was dropped.
    var text: String {
        buffer.withLock { $0.truncated ? $0.text + "\n[output cut at \(limit) bytes]\n" : $0.text }
    }
}
