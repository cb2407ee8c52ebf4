// libFuzzer entry point: an admin API request body, as a form and as JSON.
import CFuzzDriver
import Foundation
import Glibc
@testable import Sandbox

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? FormDecoding.parse(Substring(String(decoding: bytes, as: UTF8.self)))
    _ = try? JSONValue.parse(Data(bytes))
    return 0
})
