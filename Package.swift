// swift-tools-version: 6.1
//
// XAPI follows: a build-time code generator for the X API v2 follows endpoints.
//
// spec/follows.yaml is the single source of truth. `xapi-gen` turns it into the
// `XFollows` library (committed in Generated/, checked against the spec by the
// golden tests and by CI; the build tool plugin does the same at build time for
// a spec of your own); the `XAPIRuntime` module carries what every generated
// endpoint shares; the `x-sandbox` server emulates the endpoints on loopback for
// offline use.

import PackageDescription

/// `XAPI_END_TO_END_SUITES=1`: the suites that take long or build late are part of the run
/// (CI sets it on every submission, `.ci/run`). See `endToEndSuites` below.
let endToEnd = Context.environment["XAPI_END_TO_END_SUITES"] == "1"

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The test bundle links with the toolchain's lld on Linux: 1.1 s against gold's 2.2 s for its
/// 190 MB, the last step before any test runs (Benchmarks/RESULTS.md, T1). A test target's linker
/// settings apply to the one bundle every test target links into, so XAPIRuntimeTests carries
/// them for all; a test target is in no product, so the flag never reaches a package that
/// depends on this one.
let testBundleLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux])),
]

/// Test targets that compile generated code hold it to zero warnings.
let generatedCodeTestSettings: [SwiftSetting] = strictSettings + [
    .unsafeFlags(["-warnings-as-errors"]),
]

/// A shape-matrix test target (Tests/ShapeMatrix/generate.py writes its document and samples):
/// the document generated through the plugin, compiled with warnings as errors.
func shapeMatrixTests(version: String) -> Target {
    .testTarget(
        name: "XAPIShapeMatrix\(version)Tests",
        dependencies: [
            "XAPIRuntime",
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ],
        exclude: ["xapi-gen.json", "shape-matrix.json"],
        swiftSettings: generatedCodeTestSettings,
        plugins: ["XAPIGeneratorPlugin"]
    )
}

/// AsyncHTTPClient for XFollowsTests, with `XAPI_END_TO_END_SUITES=1` only (and then the
/// `XAPI_ASYNC_HTTP_CLIENT` condition): the transport that streams on Linux, for the activity
/// stream's end-to-end tests there, and for CI's second run of the end-to-end suites over it
/// (`XAPI_TEST_TRANSPORT=asynchttpclient`). SwiftPM's build starts the ready job with the
/// greatest name first, so this package's X… targets go before dependencies named A…, and
/// AsyncHTTPClient (after swift-algorithms) is built last: without it, this suite compiles
/// while the dependencies still build, not after them. Without it, the tests that need a
/// streaming transport on Linux say they are skipped, and why.
let asyncHTTPClientTestDependencies: [Target.Dependency] = [
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
]

let package = Package(
    name: "xapi-follows",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .library(name: "XFollows", targets: ["XFollows"]),
        .library(name: "XAPIRuntime", targets: ["XAPIRuntime"]),
        .library(name: "XAPIServerRuntime", targets: ["XAPIServerRuntime"]),
        .library(name: "XFollowsServer", targets: ["XFollowsServer"]),
        .library(name: "XAPIGenerator", targets: ["XAPIGenerator"]),
        .library(name: "XSandbox", targets: ["XSandbox"]),
        .library(name: "XSandboxTesting", targets: ["XSandboxTesting"]),
        .library(name: "XAPILoopback", targets: ["XAPILoopback"]),
        .library(name: "XAPIPostgres", targets: ["XAPIPostgres"]),
        .library(name: "XAPIWebhooks", targets: ["XAPIWebhooks"]),
        .executable(name: "xapi-gen", targets: ["xapi-gen"]),
        .executable(name: "x-sandbox", targets: ["x-sandbox"]),
        .executable(name: "xfollows", targets: ["XFollowsTool"]),
        .plugin(name: "XAPIGeneratorPlugin", targets: ["XAPIGeneratorPlugin"]),
        .plugin(name: "XAPIGeneratorCommand", targets: ["XAPIGeneratorCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // XAPIPostgres: daily caps, spend and OAuth 2.0 tokens shared by machines in PostgreSQL.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // A transport that streams on Linux, where Foundation's URLSession delivers a body only
        // once it ends: `xfollows watch` and the streaming tests read the activity stream with it.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        // `swift package generate-documentation`: the DocC catalogues of XFollows and XAPIRuntime.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: Generator (never imports the runtime)
        // Yams for libyaml: the loader reads libyaml's events through Yams'
        // CYaml module (YAMLEventLoader), not Yams' own node tree.
        .target(
            name: "XAPIGenerator",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "xapi-gen",
            dependencies: [
                "XAPIGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // What the plugins run: `xapi-gen generate` without swift-argument-parser, so a package
        // using them does not build the argument parser a second time, for its host.
        .executableTarget(
            name: "xapi-gen-plugin",
            dependencies: ["XAPIGenerator"],
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "XAPIGeneratorPlugin",
            capability: .buildTool(),
            dependencies: ["xapi-gen-plugin"]
        ),
        .plugin(
            name: "XAPIGeneratorCommand",
            capability: .command(
                intent: .custom(
                    verb: "generate-xapi",
                    description: "Regenerate the committed Generated/ sources from their specs."
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "Writes the generated Swift sources into Generated/.")
                ]
            ),
            dependencies: ["xapi-gen-plugin"]
        ),

        // MARK: Runtime (never imports the generator)
        .target(
            name: "XAPIRuntime",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Server-side runtime (what generated server code shares; clients never compile it)
        .target(
            name: "XAPIServerRuntime",
            dependencies: [
                "XAPIRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Loopback redirect receiver (kept apart so the runtime needs no web server)
        .target(
            name: "XAPILoopback",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: PostgreSQL stores (apart, so client-only users never compile postgres-nio)
        .target(
            name: "XAPIPostgres",
            dependencies: [
                "XAPIRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Webhook receiver (kept apart so the runtime needs no web server)
        // X's CRC and signed deliveries on a Hummingbird route, as an AsyncSequence of events.
        // XAPIServerRuntime for its problem-JSON responses; never XSandbox.
        .target(
            name: "XAPIWebhooks",
            dependencies: [
                "XAPIRuntime",
                "XAPIServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: The generated library
        // Compiled from the committed Generated/XFollows (Sources/XFollows/Generated links to
        // it), which `swift run xapi-gen` or `swift package generate-xapi` (reading
        // xapi-gen.json) writes from the spec, and the golden tests and CI hold to it. Not
        // through the build plugin, so that an app depending on XFollows does not build the
        // generator, Yams and ArgumentParser a second time, for the host, to get it.
        .target(
            name: "XFollows",
            dependencies: ["XAPIRuntime"],
            exclude: ["xapi-gen.json"],
            swiftSettings: strictSettings
        ),

        // MARK: The generated server side (the same way: Generated/XFollowsServer)
        .target(
            name: "XFollowsServer",
            dependencies: ["XFollows", "XAPIRuntime", "XAPIServerRuntime"],
            exclude: ["xapi-gen.json"],
            swiftSettings: strictSettings
        ),

        // MARK: Sandbox
        .target(
            name: "XSandbox",
            dependencies: [
                "XFollows",
                "XFollowsServer",
                "XAPIRuntime",
                "XAPIServerRuntime",
                // ListeningServer: starting Hummingbird and reporting the bound port, shared with the receiver.
                "XAPILoopback",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // The HTTP/1 pipeline around Hummingbird's (Server/HTTP): llhttp's decoder and the codec.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings
        ),
        // What a test does in a browser on the sandbox's authorization pages: apart, so the
        // sandbox itself exports no test helper.
        .target(
            name: "XSandboxTesting",
            dependencies: ["XSandbox"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "x-sandbox",
            dependencies: [
                "XSandbox",
                "XFollows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        .executableTarget(
            name: "xfollows-demo",
            dependencies: [
                "XFollows",
                "XSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: xfollows, the command-line tool (the logic in a library the tests reach)
        .target(
            name: "XFollowsCLI",
            dependencies: [
                "XFollows",
                "XAPILoopback",
                "XAPIPostgres",
                "XAPIWebhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "XFollowsTool",
            dependencies: [
                "XFollowsCLI",
                // What `xfollows watch` streams with (StreamingTransport): the executable's, so
                // the library and its tests build without waiting for AsyncHTTPClient.
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Tests
        .testTarget(
            name: "XAPIGeneratorTests",
            // Yams' own composer is the reference the YAML event loader is tested against.
            dependencies: ["XAPIGenerator", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XAPIRuntimeTests",
            dependencies: ["XAPIRuntime"],
            swiftSettings: strictSettings,
            linkerSettings: testBundleLinkerSettings
        ),
        .testTarget(
            name: "XAPIServerRuntimeTests",
            dependencies: ["XAPIServerRuntime", "XAPIRuntime"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XAPIGenEndToEndTests",
            dependencies: ["XAPIGenerator"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XAPILoopbackTests",
            dependencies: ["XAPILoopback"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XAPIWebhooksTests",
            dependencies: [
                "XAPIWebhooks",
                "XAPIRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XSandboxTests",
            dependencies: [
                "XSandbox",
                "XFollows",
                "XFollowsServer",
                "XAPIServerRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // Raw HTTP over a socket, for requests URLSession cannot send.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XFollowsTests",
            dependencies: [
                "XFollows",
                "XSandbox",
                "XSandboxTesting",
                "XAPILoopback",
                "XAPIWebhooks",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ] + (endToEnd ? asyncHTTPClientTestDependencies : []),
            swiftSettings: strictSettings + (endToEnd ? [.define("XAPI_ASYNC_HTTP_CLIENT")] : [])
        ),
        .testTarget(
            name: "XFollowsCLITests",
            dependencies: [
                "XFollowsCLI",
                "XFollows",
                // The X its unit tests talk to is an in-process x-sandbox, not a third X.
                "XSandbox",
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XAPIPostgresTests",
            dependencies: [
                "XAPIPostgres",
                "XAPIRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

/// The end-to-end suites of the tools as processes: x-sandbox and xfollows run as a user runs
/// them, killed, restarted and fed X's failures. They take a minute and a half of a test run
/// (the rest takes about 15 s), so `swift test` leaves them out unless
/// `XAPI_END_TO_END_SUITES=1` is set; CI sets it on every submission (`.ci/run`).
let endToEndSuites: [Target] = [
    .testTarget(
        name: "XFollowsCLIEndToEndTests",
        dependencies: [
            "XFollows",
            "XSandbox",
            "XSandboxTesting",
            // The ledgers the processes share across "machines", read back by the tests.
            "XAPIPostgres",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "CSV", package: "CSV.swift"),
        ],
        swiftSettings: strictSettings
    ),
]

/// The compatibility suites: code generated from documents nobody here wrote or from the shape
/// matrix, compiled with warnings as errors, and their tests. Compiling them takes most of a
/// full test run, so `swift test` leaves them out unless `XAPI_COMPATIBILITY_SUITES=1` is set;
/// CI sets it on every submission (`.ci/run`), in the same build directory.
let compatibilitySuites: [Target] = [
    .testTarget(
        name: "XAPICompatibilityTests",
        dependencies: ["XAPIRuntime"],
        exclude: ["xapi-gen.json", "x-api-v2-subset.yaml"],
        swiftSettings: generatedCodeTestSettings,
        plugins: ["XAPIGeneratorPlugin"]
    ),
    // The shape matrix (Tests/ShapeMatrix/generate.py): every schema
    // construct in every position, in OpenAPI 3.0 and 3.1.
    shapeMatrixTests(version: "30"),
    shapeMatrixTests(version: "31"),
    // X's own published OpenAPI document of the whole v2 API, generated
    // whole on both sides (client and server, targets of their own so the
    // server can import the client's types; in no product, so never built
    // for users of this package); its follows operations run against
    // x-sandbox, and its server side routes and checks them.
    .target(
        name: "XAPIOfficialDocument",
        dependencies: ["XAPIRuntime"],
        path: "Tests/XAPIOfficialDocument",
        exclude: ["xapi-gen.json"],
        swiftSettings: generatedCodeTestSettings,
        plugins: ["XAPIGeneratorPlugin"]
    ),
    .target(
        name: "XAPIOfficialDocumentServer",
        dependencies: ["XAPIOfficialDocument", "XAPIRuntime", "XAPIServerRuntime"],
        path: "Tests/XAPIOfficialDocumentServer",
        exclude: ["xapi-gen.json"],
        swiftSettings: generatedCodeTestSettings,
        plugins: ["XAPIGeneratorPlugin"]
    ),
    .testTarget(
        name: "XAPIOfficialDocumentTests",
        dependencies: [
            "XAPIOfficialDocument", "XAPIOfficialDocumentServer", "XSandbox", "XAPIServerRuntime",
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ],
        exclude: ["openapi-2.159.json", "README.md"],
        swiftSettings: generatedCodeTestSettings
    ),
    // X's current published document (2.167), client side, generated the same way: its
    // follows operations, under 2.167's names (post.fields, pinned_post_id), run against
    // x-sandbox.
    .target(
        name: "XAPICurrentDocument",
        dependencies: ["XAPIRuntime"],
        path: "Tests/XAPICurrentDocument",
        exclude: ["xapi-gen.json"],
        swiftSettings: generatedCodeTestSettings,
        plugins: ["XAPIGeneratorPlugin"]
    ),
    .testTarget(
        name: "XAPICurrentDocumentTests",
        dependencies: [
            "XAPICurrentDocument", "XSandbox",
            // The media test server reads multipart bodies with swift-openapi-runtime's parser.
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
        ],
        exclude: ["openapi-2.167.json", "README.md"],
        // XFollows, which XSandbox brings along, has an `activityStream` too: members of a
        // module count only where it is imported.
        swiftSettings: generatedCodeTestSettings + [.enableUpcomingFeature("MemberImportVisibility")]
    ),
]

if endToEnd {
    package.targets += endToEndSuites
}
if Context.environment["XAPI_COMPATIBILITY_SUITES"] == "1" {
    package.targets += compatibilitySuites
}
