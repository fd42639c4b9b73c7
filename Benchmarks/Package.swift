// swift-tools-version: 6.1
//
// Benchmarks of the generator, the runtime and the generated models, a
// package of their own so the main package does not depend on a benchmark
// library. Run them in release mode:
//
//     swift run --package-path Benchmarks -c release xapi-benchmarks

import PackageDescription

let package = Package(
    name: "xapi-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "xapi-follows", path: ".."),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
    ],
    targets: [
        .executableTarget(
            name: "xapi-benchmarks",
            dependencies: [
                .product(name: "XAPIGenerator", package: "xapi-follows"),
                .product(name: "XFollows", package: "xapi-follows"),
                .product(name: "Benchmark", package: "swift-benchmark"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
