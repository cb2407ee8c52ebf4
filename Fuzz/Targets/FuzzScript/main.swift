// libFuzzer entry point: a script file's text through the tokenizer and line joiner.
import CFuzzDriver
import Glibc
@testable import Shell

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    var pending = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        pending += pending.isEmpty ? String(line) : "\n" + line
        if case .incomplete? = try? Tokenizer.tokenize(pending) { continue }
        _ = SecretRedactor.redact(pending)
        pending = ""
    }
    return 0
})
