import Foundation
import OpenAPIRuntime
import XFollows
import Testing
import XSandbox

/// Starts a sandbox in-process on a free port for the body, and always shuts it down. Clients
/// made in the body send over the transport `XAPI_TEST_TRANSPORT` names (``TestTransport``).
func withSandbox<Result: Sendable>(
    limits: SandboxLimits = .documented,
    clock: SandboxClock = .system,
    _ body: (SandboxServer) async throws -> Result
) async throws -> Result {
    let server = try await SandboxServer.start(SandboxConfiguration(limits: limits, clock: clock, http: patientHTTP))
    do {
        let result = try await TestTransport.with { try await body(server) }
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// X's HTTP limits with a minute for headers and bodies instead of 10 s: the whole suite runs in
/// parallel on two cores, where a request body can wait its turn for seconds. The timeouts
/// themselves are tested in XSandboxTests, with short ones.
let patientHTTP = SandboxHTTPLimits(headerTimeout: .seconds(60), bodyTimeout: .seconds(60))

/// Limits generous enough for tests that send many requests, with X's daily caps.
let roomyLimits: SandboxLimits = {
    var limits = SandboxLimits.documented
    for operation in SandboxLimits.operations {
        limits.setRateLimits(operation.rateLimits.map { RateLimitRule(scope: $0.scope, requests: 100_000, windowSeconds: 900) },
                             for: operation)
    }
    return limits
}()

extension SandboxServer {
    /// A client configuration pointed at this sandbox, over the test's transport (``TestTransport``).
    func clientConfiguration(
        middlewares: [any ClientMiddleware] = [],
        clock: ClientClock = .system,
        rateLimitPolicy: RateLimitPolicy = .fail,
        dailyCaps: DailyCapLedger? = nil
    ) -> ClientConfiguration {
        var configuration = ClientConfiguration(serverURL: baseURL, middlewares: middlewares, rateLimitPolicy: rateLimitPolicy,
                                                dailyCaps: dailyCaps, clock: clock)
        configuration.transport = TestTransport.transport
        return configuration
    }

    /// An OAuth 1.0a client acting for a demo user.
    func oauth1Client(_ userID: String, _ configuration: ClientConfiguration? = nil) -> UserClient {
        UserClient(credentials: credentials.userCredentials(for: userID)!,
                   configuration: configuration ?? clientConfiguration())
    }

    /// An OAuth 2.0 client of a demo user with exactly `scopes`.
    func oauth2Client(_ userID: String, scopes: Set<String>, _ configuration: ClientConfiguration? = nil) -> UserClient {
        let token = credentials.oauth2Tokens.first { $0.userID == userID && $0.scopes == scopes }!
        return UserClient(credentials: credentials.userCredentials(for: token),
                          configuration: configuration ?? clientConfiguration())
    }

    /// An App-only client (bearer token).
    func appClient(_ configuration: ClientConfiguration? = nil) -> AppOnlyClient {
        AppOnlyClient(credentials: credentials.appOnlyCredentials, configuration: configuration ?? clientConfiguration())
    }
}

/// The error a call throws, or a recorded issue when it does not throw one.
func expectXAPIError<Value>(
    _ operation: () async throws -> Value,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) async -> XAPIError? {
    do {
        _ = try await operation()
        Issue.record("Expected an XAPIError, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as XAPIError {
        return error
    } catch {
        Issue.record("Expected an XAPIError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
