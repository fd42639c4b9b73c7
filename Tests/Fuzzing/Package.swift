// swift-tools-version: 6.1
//
// The libFuzzer harness of xapi-gen's spec loader and checker, a package of
// its own so a fuzzing build (`--sanitize=fuzzer`) never reaches the build
// tool plugin's host tool. Run it with `.ci/fuzz`.

import PackageDescription

let package = Package(
    name: "xapi-gen-fuzzing",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "xapi-follows", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "xapi-gen-fuzz",
            dependencies: [.product(name: "XAPIGenerator", package: "xapi-follows")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
