// libFuzzer entry point: an admin API query string through the parameter readers and paging.
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Sandbox
import Untrusted

exit(maas_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Page.window(query: Substring(text), count: 7)
    guard let query = try? FormDecoding.parse(Substring(text)) else { return 0 }
    let params = Params(query)
    let rules: [IntegerRule] = [.column, .position, .delta, .nonNegativeColumn, .pricingBound, .errorStatus, .page, .perPage]
    for key in ["page", "per_page", "position", "delta", "id", "value", "period"] {
        for rule in rules { _ = try? params.int(key, rule) }
        _ = try? params.reference(key)
        _ = try? params.double(key)
        _ = try? params.bool(key)
    }
    _ = Page(params).render("items", (0..<7).map { JSONValue.int($0) })
    return 0
})
