import Foundation
import HTTPTypes
import Testing
@testable import XAPIRuntime

/// A server for session tests: an API that accepts only the current access token, and a token
/// endpoint that rotates it, counting every request.
final class RotatingServer: @unchecked Sendable {
    private let lock = NSLock()
    private var current = AuthSecrets.accessToken
    private var refreshToken = AuthSecrets.refreshToken
    private var rotation = 0
    private(set) var refreshRequests = 0
    private(set) var revocations: [[String: String]] = []
    private(set) var apiAuthorizations: [String] = []
    /// When each API request arrived.
    private(set) var apiTimes: [ContinuousClock.Instant] = []
    /// When set, the token endpoint refuses every refresh as X refuses a dead refresh token.
    var refusesRefresh = false
    /// When set, the API refuses even the current token.
    var refusesEverything = false
    /// When set, the API refuses the first token although it has not expired (revoked elsewhere).
    var refusesFirstToken = false

    var transport: ScriptedTransport {
        ScriptedTransport { request, _ in try await self.answer(request) }
    }

    var refreshes: Int { lock.withLock { refreshRequests } }
    var accessToken: String { lock.withLock { current } }

    private func answer(_ request: RecordedRequest) async throws -> Reply {
        switch request.url.path {
        case "/2/oauth2/token":
            let form = request.form
            try await Task.sleep(for: .milliseconds(20))   // long enough for every caller to pile up
            return lock.withLock {
                refreshRequests += 1
                guard !refusesRefresh, form["refresh_token"] == refreshToken else {
                    return .json(#"{"error":"invalid_request","error_description":"Value passed for the token was invalid."}"#, status: 400)
                }
                rotation += 1
                current = "access-\(rotation)-" + String(repeating: "x", count: 40)
                refreshToken = "refresh-\(rotation)-" + String(repeating: "y", count: 40)
                return tokenAnswer(access: current, refresh: refreshToken)
            }
        case "/2/oauth2/revoke":
            lock.withLock { revocations.append(request.form) }
            return .json(#"{"revoked":true}"#)
        case "/2/users/me":
            return .json(#"{"data":{"id":"6253282","name":"API","username":"API"}}"#)
        default:
            let authorization = request.authorization ?? ""
            let accepted = lock.withLock {
                apiAuthorizations.append(authorization)
                apiTimes.append(ContinuousClock.now)
                return !refusesEverything && authorization == "Bearer \(current)"
                    && !(refusesFirstToken && current == AuthSecrets.accessToken)
            }
            return accepted ? .json(#"{"meta":{"result_count":0}}"#)
                : .json(#"{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}"#, status: 401)
        }
    }
}

/// Collects what a session hands its persistence hook.
actor HookLog {
    private(set) var tokens: [OAuth2UserToken?] = []
    private(set) var times: [ContinuousClock.Instant] = []
    /// How long the hook takes, like a slow disk or database.
    var delay: Duration = .zero
    func setDelay(_ delay: Duration) { self.delay = delay }
    func record(_ token: OAuth2UserToken?) async {
        try? await Task.sleep(for: delay)
        tokens.append(token)
        times.append(ContinuousClock.now)
    }
}

@Suite("OAuth 2.0: session", .timeLimit(.minutes(3)))
struct OAuth2SessionTests {
    static let me = OperationDescriptor(
        id: "findMyUser", method: .get, path: "/2/users/me",
        security: [.oauth2UserContext(scopes: ["tweet.read", "users.read"]), .oauth1UserContext], isIdempotent: true)

    struct Setup {
        let server = RotatingServer()
        let clock = VirtualClock()
        let hook = HookLog()
        let session: OAuth2Session
        let client: UserClient
        let transport: ScriptedTransport

        init(expiresIn seconds: TimeInterval, refreshToken: String? = AuthSecrets.refreshToken, userID: String? = nil) {
            transport = server.transport
            let configuration = authConfiguration(transport, clock: clock)
            let authorizer = OAuth2Authorizer(clientID: AuthSecrets.clientID, redirectURI: URL(string: "https://example.com/cb")!,
                                              endpoints: TestEndpoints.oauth2, configuration: configuration)
            let hook = self.hook
            session = OAuth2Session(
                token: OAuth2UserToken(accessToken: AuthSecrets.accessToken, userID: userID,
                                       scopes: ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"],
                                       refreshToken: refreshToken, expiresAt: clock.now.addingTimeInterval(seconds)),
                authorizer: authorizer, onChange: { await hook.record($0) })
            client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
        }

        func followers() async throws -> APIResponse<FollowsPage> {
            try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
    }

    @Test("100 concurrent calls while the token expires send exactly one refresh, and all use the new token")
    func singleFlightBeforeExpiry() async throws {
        let setup = Setup(expiresIn: 30)   // inside the one-minute margin
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 { group.addTask { try await setup.followers().status } }
            for try await status in group { #expect(status == 200) }
        }
        #expect(setup.server.refreshes == 1)
        #expect(setup.server.apiAuthorizations.count == 100)
        #expect(Set(setup.server.apiAuthorizations) == ["Bearer \(setup.server.accessToken)"])
        let stored = await setup.hook.tokens
        #expect(stored.count == 1)
        #expect(stored.first??.accessToken == setup.server.accessToken)
        #expect(stored.first??.refreshToken?.hasPrefix("refresh-1-") == true)
        #expect(await setup.session.currentToken?.expiresAt == setup.clock.now.addingTimeInterval(7200))
        #expect(setup.client.credentials.description.contains("refreshToken: <redacted>"))
    }

    @Test("No request uses a new token before the persistence hook stored it")
    func hookBeforeUse() async throws {
        let setup = Setup(expiresIn: 30)
        await setup.hook.setDelay(.milliseconds(100))
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Callers keep arriving while the refresh runs and while the hook stores its result.
            for index in 0..<20 {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(10 * index))
                    _ = try await setup.followers()
                }
            }
            try await group.waitForAll()
        }
        let stored = try #require(await setup.hook.times.first)
        #expect(setup.server.refreshes == 1 && setup.server.apiTimes.count == 20)
        #expect(setup.server.apiTimes.allSatisfy { $0 >= stored })
    }

    @Test("A token refused with 401 before its expiry is refreshed once for all concurrent calls, which then succeed")
    func refreshOnceAfter401() async throws {
        let setup = Setup(expiresIn: 3600)
        setup.server.refusesFirstToken = true
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 { group.addTask { try await setup.followers().status } }
            for try await status in group { #expect(status == 200) }
        }
        #expect(setup.server.refreshes == 1)
        #expect(setup.server.apiAuthorizations.filter { $0 == "Bearer \(setup.server.accessToken)" }.count == 100)
    }

    @Test("A second 401 stands: one refresh, one retry, then the 401 error")
    func secondUnauthorizedStands() async throws {
        let setup = Setup(expiresIn: 3600)
        setup.server.refusesEverything = true
        let error = await #expect(throws: XAPIError.self) { try await setup.followers() }
        #expect(error?.code == .http && error?.status == 401)
        #expect(setup.server.refreshes == 1)
        #expect(setup.server.apiAuthorizations.count == 2)
    }

    @Test("A refused refresh token ends the session: every caller gets reauthorizationRequired, the hook gets nil, nothing more is sent")
    func refusedRefreshEndsTheSession() async throws {
        let setup = Setup(expiresIn: -1)
        setup.server.refusesRefresh = true
        await withTaskGroup(of: XAPIError.Code?.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    do { _ = try await setup.followers(); return nil } catch let error as XAPIError { return error.code } catch { return nil }
                }
            }
            for await code in group { #expect(code == .reauthorizationRequired) }
        }
        #expect(setup.server.refreshes == 1)
        #expect(setup.server.apiAuthorizations.isEmpty)
        let stored = await setup.hook.tokens
        #expect(stored.count == 1 && stored.first! == nil)
        #expect(await setup.session.currentToken == nil)
        let later = await #expect(throws: XAPIError.self) { try await setup.followers() }
        #expect(later?.code == .reauthorizationRequired)
        #expect(setup.server.refreshes == 1 && setup.transport.requests.count == 1)
    }

    @Test("Without a refresh token the token is used until it expires, then authorization is asked for again")
    func noRefreshToken() async throws {
        let setup = Setup(expiresIn: 30, refreshToken: nil)
        #expect(try await setup.followers().status == 200)
        setup.clock.advance(by: 31)
        let error = await #expect(throws: XAPIError.self) { try await setup.followers() }
        #expect(error?.code == .reauthorizationRequired)
        #expect(setup.server.refreshes == 0 && setup.server.apiAuthorizations.count == 1)
    }

    @Test("Revoking revokes the refresh token and then the access token, ends the session and tells the hook")
    func revoke() async throws {
        let setup = Setup(expiresIn: 3600)
        try await setup.session.revoke()
        #expect(setup.server.revocations == [
            ["token": AuthSecrets.refreshToken, "token_type_hint": "refresh_token", "client_id": AuthSecrets.clientID],
            ["token": AuthSecrets.accessToken, "token_type_hint": "access_token", "client_id": AuthSecrets.clientID],
        ])
        let stored = await setup.hook.tokens
        #expect(stored.count == 1 && stored.first! == nil)
        let error = await #expect(throws: XAPIError.self) { try await setup.followers() }
        #expect(error?.code == .reauthorizationRequired)
        #expect(setup.server.apiAuthorizations.isEmpty)
        try await setup.session.revoke()   // ended: nothing more
        #expect(setup.server.revocations.count == 2)
    }

    @Test("The user's ID is looked up once with the given operation, kept in the session and handed to the hook")
    func userLookupThroughTheSession() async throws {
        let setup = Setup(expiresIn: 3600)
        #expect(setup.client.credentials.userID == nil)
        let client = setup.client
        #expect(throws: XAPIError.self) { try client.authenticatedUserID(nil, parameter: "id", operation: .follow) }
        let id = try await setup.client.authenticatedUserID(nil, parameter: "id", operation: .follow, lookup: Self.me)
        #expect(id == "6253282")
        #expect(try await setup.client.authenticatedUserID("6253282", parameter: "id", operation: .follow, lookup: Self.me) == "6253282")
        let mismatch = await #expect(throws: XAPIError.self) {
            try await setup.client.authenticatedUserID("42", parameter: "id", operation: .follow, lookup: Self.me)
        }
        #expect(mismatch?.code == .authenticatedUserMismatch)
        #expect(setup.transport.requests.filter { $0.url.path == "/2/users/me" }.count == 1)
        #expect(setup.transport.requests.first?.operationID == "findMyUser")
        #expect(setup.client.credentials.userID == "6253282")
        #expect(try client.authenticatedUserID(nil, parameter: "id", operation: .follow) == "6253282")
        let stored = await setup.hook.tokens
        #expect(stored.last??.userID == "6253282")
    }

    @Test("A fixed OAuth 2.0 token without a user is looked up once per client")
    func userLookupForAFixedToken() async throws {
        let server = RotatingServer()
        let transport = server.transport
        let client = UserClient(credentials: .oauth2(accessToken: AuthSecrets.accessToken, scopes: ["tweet.read", "users.read"]),
                                configuration: authConfiguration(transport))
        for _ in 0..<3 {
            #expect(try await client.authenticatedUserID(nil, parameter: "id", operation: .follow, lookup: Self.me) == "6253282")
        }
        #expect(transport.requests.count == 1)
        let withoutScope = UserClient(credentials: .oauth2(accessToken: AuthSecrets.accessToken, scopes: ["follows.write"]),
                                      configuration: authConfiguration(transport))
        let error = await #expect(throws: XAPIError.self) {
            try await withoutScope.authenticatedUserID(nil, parameter: "id", operation: .follow, lookup: Self.me)
        }
        #expect(error?.code == .authentication && error?.operationID == "findMyUser")
        #expect(transport.requests.count == 1)
    }
}
