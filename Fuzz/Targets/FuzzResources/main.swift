// libFuzzer entry point: an `apply -f` file through the YAML resource loader and validator.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreeScaleAdmin

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ResourceCodec.load(yaml: text, file: "fuzz.yaml")
    return 0
})
