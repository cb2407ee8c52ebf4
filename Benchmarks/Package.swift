// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks of maas's hot paths, kept out of the product's package so that
// `swift build` never compiles the benchmark library. Run: `swift package benchmark`.
let package = Package(
    name: "maas-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "maas", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "StreamDecoding",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ModelGateway", package: "maas"),
            ],
            path: "Benchmarks/StreamDecoding",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
