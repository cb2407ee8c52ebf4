// libFuzzer entry point: an `apply -f` file through the YAML resource loader and validator,
// and the same text as an OpenAPI document.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThreeScaleAdmin

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    // As `apply -f` loads it: with ${NAME} filled in (names of even length are defined).
    let variables = VariableExpansion { $0.count.isMultiple(of: 2) ? "value" : nil }
    _ = try? ResourceCodec.load(yaml: text, file: "fuzz.yaml", variables: variables)
    _ = try? OpenAPIDocumentCheck.check(text, source: "fuzz.yaml")
    return 0
})
