// libFuzzer entry point: a script file's text through the line joiner and tokenizer, and
// each logical line through the history redactor.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Shell

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ScriptParser.parse(text, file: "fuzz.maas")
    for line in text.split(separator: "\n", maxSplits: 64) {
        _ = SecretRedactor.redact(String(line))
    }
    return 0
})
