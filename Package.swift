// swift-tools-version:6.1
import PackageDescription

/// Property tests (Swift Testing) for the hostile-input classes: sanitising, redaction, arithmetic.
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "maas",
    // Linux is where it is built and tested. macOS 15 is the first with Synchronization's
    // Mutex and Atomic; every libc call is guarded for Glibc and Darwin.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "maas", targets: ["maas"]),
        // For the decoder's micro-benchmark in Benchmarks/ (its own package); building
        // `maas` compiles nothing more for it.
        .library(name: "ModelGateway", targets: ["ModelGateway"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Without its default ExternalLoading trait: maas never follows external references, and the trait slows the build.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Bounds and displays for what comes from outside (JSON nesting and the JSON tree
        // read under that bound, URLs with user-info), and the JSON writer of what goes out;
        // shared by the clients, the sandbox, the profile store and the prompt log; depends on nothing.
        .target(name: "Untrusted"),
        // What both HTTP clients share: the AsyncHTTPClient set-up, the one transport
        // error mapper, the bounded read of an error body, the `-v` request log.
        .target(
            name: "HTTPSupport",
            dependencies: [
                "Untrusted",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "Profiles",
            dependencies: ["Untrusted", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ModelGateway",
            dependencies: [
                "Untrusted", "HTTPSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SandboxModel",
            dependencies: [
                "Untrusted",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "SandboxModel", "Untrusted", "HTTPSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .target(
            name: "LoadTest",
            dependencies: [
                "ModelGateway",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        // The prompt log: an SQLite file of what was sent and answered, with full-text search
        // and a size bound. Storage only; it never prints.
        .target(
            name: "PromptLog",
            dependencies: [
                "Untrusted",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Shell",
            dependencies: [
                "CEditLine", "Profiles", "Sandbox", "SandboxModel", "ModelGateway", "ThreeScaleAdmin", "LoadTest", "Untrusted", "PromptLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // YAMLLimits also imports CYaml, Yams's libyaml target: it is not a product and
        // cannot be declared; it comes with Yams.
        .target(
            name: "ThreeScaleAdmin",
            dependencies: [
                "Untrusted", "HTTPSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ]
        ),
        .executableTarget(
            name: "maas", dependencies: ["Shell"],
            // A release binary is linked at a fixed address, as Go links its binaries, and exports
            // no symbols (swiftc's -static-stdlib exports all of them): the loader then has no
            // 150,000 relocations to apply and no 48,000-symbol table to search at every start
            // (about 4 ms of a one-shot verb); the libraries it loads still move.
            linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]
        ),
        .testTarget(name: "ProfilesTests", dependencies: ["Profiles", "Untrusted", propertyBased]),
        .testTarget(name: "PromptLogTests", dependencies: ["PromptLog", .product(name: "SQLiteNIO", package: "sqlite-nio")]),
        .testTarget(name: "UntrustedTests", dependencies: ["Untrusted", propertyBased]),
        .testTarget(
            name: "ThreeScaleAdminTests",
            dependencies: [
                "ThreeScaleAdmin", "Sandbox", "Untrusted", "LoopbackSockets", propertyBased,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ShellTests",
            dependencies: [
                "Shell", "Profiles", "ModelGateway", "Sandbox", "ThreeScaleAdmin", propertyBased,
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "HTTPSupportTests",
            dependencies: [
                "HTTPSupport", "LoopbackSockets",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(name: "LoadTestTests", dependencies: ["LoadTest", "ModelGateway", "Sandbox", "SandboxModel"]),
        // Raw-socket helpers (hold a port, refuse one, misbehave on a connection) for the test targets.
        .target(name: "LoopbackSockets", path: "Tests/LoopbackSockets"),
        .testTarget(name: "EndToEndTests", dependencies: ["maas", "LoopbackSockets"]),
        .testTarget(
            name: "SandboxModelTests",
            dependencies: [
                "SandboxModel", "Untrusted",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ModelGatewayTests",
            dependencies: [
                "ModelGateway", "SandboxModel", "Untrusted", propertyBased,
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox", "SandboxModel", "Untrusted", "LoopbackSockets", propertyBased,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

// `scripts/fuzz` sets MAAS_FUZZ=1 to add the libFuzzer targets (built with -sanitize=fuzzer
// into .build-fuzz); an ordinary build never sees them.
if Context.environment["MAAS_FUZZ"] != nil {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzEventStream", ["ModelGateway"]),
        ("FuzzScript", ["Shell"]),
        ("FuzzResources", ["ThreeScaleAdmin"]),
        ("FuzzAdminBody", ["Sandbox", "SandboxModel", .product(name: "NIOCore", package: "swift-nio")]),
        ("FuzzAdminQuery", ["Sandbox", "Untrusted"]),
    ]
    package.targets.append(.target(name: "CFuzzDriver", path: "Fuzz/Targets/CFuzzDriver"))
    for (name, modules) in fuzzTargets {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["CFuzzDriver"] + modules, path: "Fuzz/Targets/\(name)"))
    }
}
