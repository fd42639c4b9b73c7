// swift-tools-version: 6.1
//
// The libFuzzer harness of xapi-gen's spec loader and checker: a package of
// its own that compiles the generator's sources (Sources/XAPIGenerator links
// to them) with Yams and nothing else, so a fuzzing build
// (`--sanitize=fuzzer`) never reaches the main package's build plugin and
// its host tool. Run it with `.ci/fuzz`, which also runs the target of YAML
// alias expansion (xapi-gen-fuzz-aliases).

import PackageDescription

let package = Package(
    name: "xapi-gen-fuzzing",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "XAPIGenerator",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "xapi-gen-fuzz",
            dependencies: ["XAPIGenerator"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // YAML alias expansion: documents of anchored sequences and aliases of any shape,
        // held to what they expand to (`.ci/fuzz` runs it after the loader's target).
        .executableTarget(
            name: "xapi-gen-fuzz-aliases",
            dependencies: ["XAPIGenerator"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
