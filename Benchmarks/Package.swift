// swift-tools-version: 6.1
//
// Benchmarks of the generator and the client, side by side with
// swift-openapi-generator reading the same spec/follows.yaml, and with the
// floor (hand-written Codable). A package of its own so that users of the
// main package never resolve a benchmark dependency.
//
//     swift package --package-path Benchmarks benchmark   # G4 decode, in-process generate
//     Benchmarks/Scripts/run-all                          # G1–G6, writes the figures
//
// RESULTS.md lists every figure with the command that reproduces it.

import PackageDescription

let package = Package(
    name: "xapi-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "xapi-follows", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
    ],
    targets: [
        // swift-openapi-generator's types and client for spec/follows.yaml,
        // made by its own build plugin (openapi.yaml links to the spec).
        .target(
            name: "OpenAPIFollows",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            // Its output has unused `public import` warnings in Swift 6 mode;
            // they are not ours to fix, and would bury ours.
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The floor: Codable structs written by hand for the same JSON.
        .target(name: "HandWrittenFollows"),
        // G4: the page and the three decoders, shared by ClientBenchmarks
        // (wall clock) and decode-page (instruction counts under callgrind).
        .target(
            name: "DecodeComparison",
            dependencies: [
                "HandWrittenFollows",
                "OpenAPIFollows",
                .product(name: "XFollows", package: "xapi-follows"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .executableTarget(name: "decode-page", dependencies: ["DecodeComparison"], path: "Sources/DecodePage"),
        // G2: writes synthetic specs of N operations.
        .executableTarget(name: "synthetic-spec", path: "Sources/SyntheticSpec"),
        // G5: pages followers from a running x-sandbox through the paginator.
        .executableTarget(
            name: "follows-pager",
            dependencies: [.product(name: "XFollows", package: "xapi-follows")],
            path: "Sources/FollowsPager"
        ),
        // L1: reservation latency of the ledgers, file stores against PostgreSQL.
        .executableTarget(
            name: "ledger-latency",
            dependencies: [
                .product(name: "XFollows", package: "xapi-follows"),
                .product(name: "XAPIPostgres", package: "xapi-follows"),
            ],
            path: "Sources/LedgerLatency"
        ),
        .executableTarget(
            name: "ClientBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "XFollows", package: "xapi-follows"),
                "DecodeComparison",
                // ST1's in-memory stream transport.
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/ClientBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "GeneratorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "XAPIGenerator", package: "xapi-follows"),
                .product(name: "XFollows", package: "xapi-follows"),
            ],
            path: "Benchmarks/GeneratorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
