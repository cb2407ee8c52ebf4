// swift-tools-version:6.1
import PackageDescription

/// Property tests (Swift Testing) for the hostile-input classes: sanitising, redaction, arithmetic.
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "maas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "maas", targets: ["maas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Without its default ExternalLoading trait: maas never follows external references, and the trait slows the build.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Bounds and displays for what comes from outside (JSON nesting, URLs with
        // user-info), shared by the clients and the profile store; depends on nothing.
        .target(name: "Untrusted"),
        .target(
            name: "HTTPSupport",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
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
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SandboxModel",
            dependencies: [
                "Untrusted",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "SandboxModel", "Untrusted",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "LoadTest",
            dependencies: [
                "ModelGateway",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(
            name: "Shell",
            dependencies: [
                "CEditLine", "Profiles", "Sandbox", "SandboxModel", "ModelGateway", "ThreeScaleAdmin", "LoadTest", "Untrusted",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "ThreeScaleAdmin",
            dependencies: [
                "Untrusted", "HTTPSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ]
        ),
        .executableTarget(name: "maas", dependencies: ["Shell"]),
        .testTarget(name: "ProfilesTests", dependencies: ["Profiles", "Untrusted", propertyBased]),
        .testTarget(name: "ThreeScaleAdminTests", dependencies: ["ThreeScaleAdmin", "Untrusted", propertyBased], exclude: ["Fixtures"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Profiles", propertyBased]),
        .testTarget(name: "LoadTestTests", dependencies: ["LoadTest", "ModelGateway", "Sandbox", "SandboxModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["maas"]),
        .testTarget(
            name: "SandboxModelTests",
            dependencies: [
                "SandboxModel", "Untrusted",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ModelGatewayTests",
            dependencies: [
                "ModelGateway", "SandboxModel", "Untrusted", propertyBased,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox", "Untrusted", propertyBased,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

// `scripts/fuzz` sets MAAS_FUZZ=1 to add the libFuzzer targets (built with -sanitize=fuzzer
// into .build-fuzz); an ordinary build never sees them.
if Context.environment["MAAS_FUZZ"] != nil {
    let fuzzTargets: [(String, Target.Dependency)] = [
        ("FuzzEventStream", "ModelGateway"),
        ("FuzzScript", "Shell"),
        ("FuzzResources", "ThreeScaleAdmin"),
        ("FuzzAdminBody", "Sandbox"),
        ("FuzzAdminQuery", "Sandbox"),
    ]
    package.targets.append(.target(name: "CFuzzDriver", path: "Fuzz/Targets/CFuzzDriver"))
    for (name, module) in fuzzTargets {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["CFuzzDriver", module], path: "Fuzz/Targets/\(name)"))
    }
}
