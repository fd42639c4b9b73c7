import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import OpenAPIURLSession
import Testing

/// The transport the end-to-end suites send over: URLSession's (the runtime's default), or
/// AsyncHTTPClient's when `XAPI_TEST_TRANSPORT=asynchttpclient` (CI runs the suites once more
/// that way, with the tests already built).
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

    /// The transports that stream response bodies here: swift-openapi-urlsession streams on
    /// Apple's platforms only, and buffers whole bodies on Linux.
    static var streaming: [TestTransport] {
        #if canImport(Darwin)
        allCases
        #else
        [.asyncHTTPClient]
        #endif
    }

    /// The AsyncHTTPClient of the test running now, inside ``with(_:_:)``.
    @TaskLocal static var httpClient: HTTPClient?

    /// A transport for a client made now: AsyncHTTPClient's inside ``with(_:_:)`` for it,
    /// URLSession's otherwise.
    static var transport: any ClientTransport {
        if let httpClient { return AsyncHTTPClientTransport(configuration: .init(client: httpClient)) }
        return URLSessionTransport()
    }

    /// Runs `body` with clients made inside it sending over `kind`: for AsyncHTTPClient, an
    /// `HTTPClient` of the test's own, shut down when `body` returns or throws.
    static func with<Result: Sendable>(_ kind: TestTransport = current, _ body: () async throws -> Result) async throws -> Result {
        guard kind == .asyncHTTPClient else { return try await body() }
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
    }

    var testDescription: String {
        switch self {
        case .urlSession: "URLSession"
        case .asyncHTTPClient: "AsyncHTTPClient"
        }
    }
}
