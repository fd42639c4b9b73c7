import Foundation
import OpenAPIRuntime
import OpenAPIURLSession
import Testing
#if XAPI_ASYNC_HTTP_CLIENT
import AsyncHTTPClient
import OpenAPIAsyncHTTPClient
#endif

/// The transport the end-to-end suites send over: URLSession's (the runtime's default), or
/// AsyncHTTPClient's when `XAPI_TEST_TRANSPORT=asynchttpclient` (CI runs the suites once more
/// that way, with the tests already built).
///
/// AsyncHTTPClient is part of this suite only with `XAPI_END_TO_END_SUITES=1` (Package.swift,
/// the `XAPI_ASYNC_HTTP_CLIENT` condition); without it, asking for it fails the test that asks.
///
/// ```swift
/// try await TestTransport.with(.asyncHTTPClient) {
///     let configuration = server.clientConfiguration()   // AsyncHTTPClient inside the scope
/// }
/// ```
enum TestTransport: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case urlSession = "urlsession"
    case asyncHTTPClient = "asynchttpclient"

    static let variable = "XAPI_TEST_TRANSPORT"

    /// The transport the environment asks for; URLSession's by default.
    static let current: TestTransport = ProcessInfo.processInfo.environment[variable]
        .flatMap { TestTransport(rawValue: $0.lowercased()) } ?? .urlSession

    /// The transports this build of the suite has.
    static var built: [TestTransport] {
        #if XAPI_ASYNC_HTTP_CLIENT
        allCases
        #else
        [.urlSession]
        #endif
    }

    /// The transports that stream response bodies here: swift-openapi-urlsession streams on
    /// Apple's platforms only, and buffers whole bodies on Linux.
    static var streaming: [TestTransport] {
        #if canImport(Darwin)
        built
        #else
        built.filter { $0 == .asyncHTTPClient }
        #endif
    }

    /// Why the tests that read a stream are skipped in this build (`.needsStreamingTransport`).
    static let streamingUnavailable: Comment =
        "Needs a transport that streams: on Linux AsyncHTTPClient's, built with XAPI_END_TO_END_SUITES=1"

    /// A transport that streams response bodies here (the first of ``streaming``), or `nil`.
    static func streamingTransport() -> (any ClientTransport)? {
        switch streaming.first {
        case .urlSession: URLSessionTransport()
        case .asyncHTTPClient: asyncHTTPClientTransport()
        case nil: nil
        }
    }

    #if XAPI_ASYNC_HTTP_CLIENT
    /// The AsyncHTTPClient of the test running now, inside ``with(_:_:)``.
    @TaskLocal static var httpClient: HTTPClient?

    /// AsyncHTTPClient's transport, over the test's own client inside ``with(_:_:)``.
    private static func asyncHTTPClientTransport() -> (any ClientTransport)? {
        AsyncHTTPClientTransport(configuration: .init(client: httpClient ?? .shared))
    }

    /// Whether the test running now is inside ``with(_:_:)`` for AsyncHTTPClient.
    static var isInsideAsyncHTTPClientScope: Bool { httpClient != nil }
    #else
    private static func asyncHTTPClientTransport() -> (any ClientTransport)? { nil }

    static var isInsideAsyncHTTPClientScope: Bool { false }
    #endif

    /// A transport for a client made now: AsyncHTTPClient's inside ``with(_:_:)`` for it,
    /// URLSession's otherwise.
    static var transport: any ClientTransport {
        if isInsideAsyncHTTPClientScope, let transport = asyncHTTPClientTransport() { return transport }
        return URLSessionTransport()
    }

    /// Runs `body` with clients made inside it sending over `kind`: for AsyncHTTPClient, an
    /// `HTTPClient` of the test's own, shut down when `body` returns or throws.
    static func with<Result: Sendable>(_ kind: TestTransport = current, _ body: () async throws -> Result) async throws -> Result {
        guard kind == .asyncHTTPClient else { return try await body() }
        #if XAPI_ASYNC_HTTP_CLIENT
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let result: Result
        do {
            result = try await $httpClient.withValue(client) { try await body() }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
        #else
        throw Unavailable()
        #endif
    }

    /// `XAPI_TEST_TRANSPORT=asynchttpclient` in a build without AsyncHTTPClient.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String {
            "\(TestTransport.variable)=asynchttpclient needs AsyncHTTPClient in the suite: build and run with XAPI_END_TO_END_SUITES=1"
        }
    }

    var testDescription: String {
        switch self {
        case .urlSession: "URLSession"
        case .asyncHTTPClient: "AsyncHTTPClient"
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Enabled only where a transport streams response bodies (``TestTransport/streaming``);
    /// elsewhere the test says it is skipped, and why.
    static var needsStreamingTransport: Self {
        .enabled(if: !TestTransport.streaming.isEmpty, TestTransport.streamingUnavailable)
    }
}
