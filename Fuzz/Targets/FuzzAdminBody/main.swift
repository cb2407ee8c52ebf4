// libFuzzer entry point: a request body as the sandbox reads it: an admin API form, an
// admin API JSON object, and a JSON body to the model.
import CFuzzDriver
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
@testable import Sandbox
@testable import SandboxModel

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? FormDecoding.parse(Substring(String(decoding: bytes, as: UTF8.self)))
    _ = try? AdminResponder.jsonBody(Data(bytes))
    _ = try? JSON.parse(ByteBuffer(bytes: bytes))
    return 0
})
