// libFuzzer entry point: bytes from a model server's event stream, cut into network
// reads at points the input chooses, through the SSE decoder and the chunk scanner.
import CFuzzDriver
import Glibc
@testable import ModelGateway
import NIOCore

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let cut = bytes.first else { return 0 }
    let body = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
    // The first byte picks the read size, so one input covers events split across reads.
    let readSize = Int(cut % 64) + 1
    var decoder = SSEDecoder()
    var offset = 0
    while offset < body.count {
        let end = min(offset + readSize, body.count)
        decoder.feed(bytes: UnsafeRawBufferPointer(rebasing: body[offset..<end])) { event in
            _ = try? StreamChunk(parsing: event.data)
        }
        offset = end
    }
    return 0
})
