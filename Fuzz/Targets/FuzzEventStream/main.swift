// libFuzzer entry point: bytes from a model server's event stream, cut into network
// reads at points the input chooses, through the SSE decoder and the chunk scanner.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ModelGateway

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let cut = bytes.first else { return 0 }
    let body = Array(bytes.dropFirst())
    // The first byte picks the read size, so one input covers events split across reads.
    let readSize = Int(cut % 64) + 1
    let chunks = stride(from: 0, to: body.count, by: readSize).map { Array(body[$0..<min($0 + readSize, body.count)]) }
    _ = StreamEventDecoder.decode(chunks)
    return 0
})
