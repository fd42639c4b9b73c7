import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import XAPILoopback
import XFollows
import XSandbox
import XSandboxTesting

/// Every flow of the authorization lifecycle against a real x-sandbox over HTTP: what a new
/// user with only an App's client ID (or API key and secret) does.
@Suite("End to end: obtaining, refreshing and revoking tokens", .timeLimit(.minutes(3)))
struct AuthorizationFlowEndToEndTests {
    static let allScopes: Set<OAuth2Scope> = [.tweetRead, .usersRead, .followsRead, .followsWrite, .offlineAccess]
    static let callback = URL(string: "http://127.0.0.1:3000/callback")!

    /// An OAuth 2.0 authorizer for the sandbox's public (or confidential) demo client.
    func authorizer(_ server: SandboxServer, confidential: Bool = false, redirectURI: URL = callback,
                    configuration: ClientConfiguration? = nil) -> OAuth2Authorizer {
        let client = confidential ? server.credentials.confidentialOAuth2Client! : server.credentials.publicOAuth2Client!
        return OAuth2Authorizer(clientID: client.clientID, clientSecret: client.clientSecret, redirectURI: redirectURI,
                                endpoints: server.oauth2Endpoints, configuration: configuration ?? server.clientConfiguration())
    }

    /// Authorizes as `user` in the sandbox's page and finishes the flow.
    func authorize(_ authorizer: OAuth2Authorizer, as user: String = SandboxAccounts.alice,
                   scopes: Set<OAuth2Scope> = allScopes) async throws -> OAuth2UserToken {
        let pending = authorizer.startAuthorization(scopes: scopes)
        guard case .redirect(let callback) = try await SandboxBrowser().approve(pending.authorizationURL, as: user) else {
            throw SandboxBrowser.Failure(description: "the consent page did not redirect")
        }
        return try await authorizer.finishAuthorization(redirect: callback, pending: pending)
    }

    @Test("PKCE from the authorize page to a follow with the obtained token")
    func pkceToFollow() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let authorizer = authorizer(server)
            let token = try await authorize(authorizer)
            #expect(token.scopes == Self.allScopes && token.refreshToken != nil)
            #expect(abs((token.expiresAt ?? .distantPast).timeIntervalSinceNow - 7200) < 60)
            // The token does not say whose it is: follow(_:) asks GET /2/users/me first.
            #expect(token.userID == nil)
            let client = UserClient(credentials: .oauth2Session(authorizer.session(token: token)),
                                    configuration: server.clientConfiguration())
            let followed = try await client.follow(SandboxAccounts.quietQuinn)
            #expect(followed.data == .following)
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
            let records = await server.requests().suffix(2)
            #expect(records.map(\.operationID) == ["getUsersMe", "usersIdFollow"])
            #expect(records.allSatisfy { $0.authentication == .oauth2UserContext && $0.userID == SandboxAccounts.alice })
        }
    }

    @Test("The authenticated user is looked up once with GET /2/users/me, and the session keeps it")
    func userLookup() async throws {
        let me = OperationDescriptor.getUsersMe
        try await withSandbox(limits: roomyLimits) { server in
            let authorizer = authorizer(server)
            let session = authorizer.session(token: try await authorize(authorizer, as: SandboxAccounts.bob))
            let client = UserClient(credentials: .oauth2Session(session), configuration: server.clientConfiguration())
            let id = try await client.authenticatedUserID(nil, parameter: "id", operation: .usersIdFollow, lookup: me)
            #expect(id == SandboxAccounts.bob)
            #expect(await session.currentToken?.userID == SandboxAccounts.bob)
            #expect(try await client.follow(SandboxAccounts.quietQuinn).data == .following)
            // One lookup: the follow used the ID the session kept.
            #expect(await server.requests().filter { $0.operationID == "getUsersMe" }.count == 1)
        }
    }

    @Test("A confidential client with a wrong secret gets X's unauthorized_client through the runtime")
    func confidentialClient() async throws {
        try await withSandbox { server in
            var authorizer = authorizer(server, confidential: true)
            let token = try await authorize(authorizer)
            #expect(token.refreshToken != nil)
            authorizer.clientSecret = "not-the-secret"
            let pending = authorizer.startAuthorization(scopes: Self.allScopes)
            guard case .redirect(let callback) = try await SandboxBrowser().approve(pending.authorizationURL, as: SandboxAccounts.alice)
            else { Issue.record("no redirect"); return }
            let error = await expectXAPIError { try await authorizer.finishAuthorization(redirect: callback, pending: pending) }
            #expect(error?.status == 401 && error?.oauthError?.error == "unauthorized_client")
            #expect(error?.oauthError?.errorDescription == "Missing valid authorization header")
            #expect(error?.description.contains("not-the-secret") == false)
        }
    }

    @Test("100 concurrent calls while the token expires send exactly one refresh request, and the new tokens are stored")
    func oneRefreshForManyCalls() async throws {
        let clock = VirtualClock()
        try await withSandbox(limits: roomyLimits, clock: clock.sandboxClock) { server in
            let configuration = server.clientConfiguration(clock: clock.clientClock)
            let authorizer = authorizer(server, configuration: configuration)
            let stored = StoredTokens()
            let session = authorizer.session(token: try await authorize(authorizer)) { await stored.save($0) }
            let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
            clock.advance(by: .seconds(7200 - 30))   // inside the refresh margin
            await server.clearRequests()
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<100 {
                    group.addTask { try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            let records = await server.requests()
            #expect(records.filter { $0.path == SandboxAuthorizationPaths.oauth2Token }.count == 1)
            #expect(records.filter { $0.operationID == "usersIdFollowers" && $0.status == 200 }.count == 100)
            let saved = await stored.tokens
            let current = await session.currentToken
            #expect(saved.count == 1 && saved.first??.accessToken == current?.accessToken)
            // Past the old expiry, the stored token keeps working without anyone doing anything.
            clock.advance(by: .seconds(3600))
            #expect(try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status == 200)
        }
    }

    @Test("Two processes on one stored token: the second takes the token the first refreshed, before or after its own refresh is refused")
    func sessionsSharingAStoredToken() async throws {
        let clock = VirtualClock()
        try await withSandbox(limits: roomyLimits, clock: clock.sandboxClock) { server in
            let configuration = server.clientConfiguration(clock: clock.clientClock)
            let authorizer = authorizer(server, configuration: configuration)
            let initial = try await authorize(authorizer)
            let store = SharedTokenFile(initial)
            func session(reload: @escaping @Sendable () async -> OAuth2UserToken?) -> OAuth2Session {
                authorizer.session(token: initial, onChange: { token in if let token { await store.save(token) } }, reload: reload)
            }
            let first = session { await store.load() }
            let second = session { await store.load() }
            clock.advance(by: .seconds(7200 - 30))   // both inside the refresh margin
            await server.clearRequests()
            let refreshed = try await first.validToken()
            #expect(try await second.validToken() == refreshed)
            #expect(await server.requests().filter { $0.path == SandboxAuthorizationPaths.oauth2Token }.count == 1)

            // A third that read the store before the first saved: its own refresh token was
            // rotated away, and the store then holds the first's.
            let reads = Counter()
            let third = session { await reads.next() == 0 ? initial : await store.load() }
            #expect(try await third.refresh() == refreshed)
            let client = UserClient(credentials: .oauth2Session(third), configuration: configuration)
            #expect(try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status == 200)

            // Without reload, the slower one must authorize again.
            let alone = authorizer.session(token: initial)
            let refused = await expectXAPIError { try await alone.refresh() }
            #expect(refused?.code == .reauthorizationRequired)
        }
    }

    @Test("A token the server already considers expired is refreshed once after the 401, and the call succeeds")
    func refreshAfterUnauthorized() async throws {
        let clock = VirtualClock()
        let skew = Skew()
        let sandboxClock = SandboxClock(now: { clock.now.addingTimeInterval(skew.seconds) })
        try await withSandbox(limits: roomyLimits, clock: sandboxClock) { server in
            let configuration = server.clientConfiguration(clock: clock.clientClock)
            let authorizer = authorizer(server, configuration: configuration)
            let session = authorizer.session(token: try await authorize(authorizer))
            let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
            skew.seconds = 7300   // the server's clock runs two hours ahead of the client's
            await server.clearRequests()
            #expect(try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status == 200)
            #expect(await server.requests().map(\.status) == [401, 200, 200])
            #expect(await server.requests().map(\.path)[1] == SandboxAuthorizationPaths.oauth2Token)
        }
    }

    @Test("A revoked session, and a refresh token rotated away, give the typed authorize-again error")
    func revokedAndRotatedAway() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let configuration = server.clientConfiguration()
            let authorizer = authorizer(server, configuration: configuration)

            // Revoked: the session ends, the hook forgets the token, the server refuses it.
            let stored = StoredTokens()
            let token = try await authorize(authorizer)
            let session = authorizer.session(token: token) { await stored.save($0) }
            let client = UserClient(credentials: .oauth2Session(session), configuration: configuration)
            #expect(try await client.followers(of: SandboxAccounts.tenThousandClub).status == 200)
            try await session.revoke()
            let forgotten = await stored.tokens
            #expect(forgotten.count == 1 && forgotten.last! == nil)
            let afterRevoke = await expectXAPIError { try await client.followers(of: SandboxAccounts.tenThousandClub) }
            #expect(afterRevoke?.code == .reauthorizationRequired)
            let raw = try await server.raw(.get, "/2/users/\(SandboxAccounts.tenThousandClub)/followers",
                                           authorization: "Bearer \(token.accessToken)")
            #expect(raw.status == 401)

            // Rotated away: another copy (a second process with stale storage) refreshes after this one did.
            let fresh = try await authorize(authorizer)
            let first = authorizer.session(token: fresh)
            let stale = authorizer.session(token: fresh)
            try await first.refresh()
            let rotated = await expectXAPIError { try await stale.refresh() }
            #expect(rotated?.code == .reauthorizationRequired)
            #expect(rotated?.oauthError == OAuthErrorResponse(error: "invalid_request", errorDescription: "Value passed for the token was invalid."))
            let staleClient = UserClient(credentials: .oauth2Session(stale), configuration: configuration)
            let later = await expectXAPIError { try await staleClient.followers(of: SandboxAccounts.tenThousandClub) }
            #expect(later?.code == .reauthorizationRequired)
            #expect(try await UserClient(credentials: .oauth2Session(first), configuration: configuration)
                .followers(of: SandboxAccounts.tenThousandClub).status == 200)
        }
    }

    @Test("OAuth 1.0a three-legged with a callback: request token, approval, access token, follow")
    func oauth1WithCallback() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let authorizer = OAuth1Authorizer(consumerKey: server.credentials.consumerKey,
                                              consumerSecret: server.credentials.consumerSecret,
                                              endpoints: server.oauth1Endpoints, configuration: server.clientConfiguration())
            let requestToken = try await authorizer.requestToken(callback: .url(URL(string: "http://127.0.0.1:4567/callback")!))
            guard case .redirect(let callback) = try await SandboxBrowser().approve(requestToken.authorizationURL, as: SandboxAccounts.bob)
            else { Issue.record("no redirect"); return }
            let granted = try await authorizer.finishAuthorization(callback: callback, requestToken: requestToken)
            #expect(granted.userID == SandboxAccounts.bob && granted.screenName == "sandbox_bob")
            let client = UserClient(credentials: .oauth1(granted.credentials), configuration: server.clientConfiguration())
            #expect(try await client.follow(SandboxAccounts.quietQuinn).data == .following)
            #expect(await server.isFollowing(SandboxAccounts.bob, SandboxAccounts.quietQuinn))

            let declined = try await authorizer.requestToken(callback: .url(URL(string: "http://127.0.0.1:4567/callback")!))
            guard case .redirect(let refusal) = try await SandboxBrowser().deny(declined.authorizationURL) else {
                Issue.record("no redirect"); return
            }
            let error = await expectXAPIError { try await authorizer.finishAuthorization(callback: refusal, requestToken: declined) }
            #expect(error?.code == .authorizationDenied)
        }
    }

    @Test("OAuth 1.0a with a PIN: the page shows it, the App exchanges it")
    func oauth1WithPIN() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let authorizer = OAuth1Authorizer(consumerKey: server.credentials.consumerKey,
                                              consumerSecret: server.credentials.consumerSecret,
                                              endpoints: server.oauth1Endpoints, configuration: server.clientConfiguration())
            let requestToken = try await authorizer.requestToken(callback: .outOfBand)
            guard case .pin(let pin) = try await SandboxBrowser().approve(requestToken.authorizationURL, as: SandboxAccounts.carol)
            else { Issue.record("no PIN"); return }
            let wrong = await expectXAPIError { try await authorizer.accessToken(for: requestToken, verifier: "0000000" == pin ? "1" : "0000000") }
            #expect(wrong?.status == 401)
            let granted = try await authorizer.accessToken(for: requestToken, verifier: pin)
            #expect(granted.userID == SandboxAccounts.carol)
            let client = UserClient(credentials: .oauth1(granted.credentials), configuration: server.clientConfiguration())
            #expect(try await client.following(of: SandboxAccounts.carol, maxResults: 5).status == 200)
        }
    }

    @Test("App-only: a bearer token from the key and secret, invalidated, and a new one")
    func appOnly() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let authorizer = AppOnlyAuthorizer(apiKey: server.credentials.consumerKey, apiSecret: server.credentials.consumerSecret,
                                               endpoints: server.appOnlyEndpoints, configuration: server.clientConfiguration())
            let bearer = try await authorizer.bearerToken()
            #expect(bearer.bearerToken == server.credentials.bearerToken)
            let app = AppOnlyClient(credentials: bearer, configuration: server.clientConfiguration())
            #expect(try await app.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status == 200)
            try await authorizer.invalidate(bearer)
            let refused = await expectXAPIError { try await app.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5) }
            #expect(refused?.status == 401)
            let renewed = try await authorizer.bearerToken()
            #expect(renewed != bearer)
            #expect(try await AppOnlyClient(credentials: renewed, configuration: server.clientConfiguration())
                .followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status == 200)
        }
    }

    @Test("App-only invalidation signed with OAuth 1.0a and the owner's token, as X's page shows it; a forged one is refused")
    func appOnlySignedInvalidation() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let authorizer = AppOnlyAuthorizer(apiKey: server.credentials.consumerKey, apiSecret: server.credentials.consumerSecret,
                                               endpoints: server.appOnlyEndpoints, configuration: server.clientConfiguration())
            let owner = try #require(server.credentials.accessTokens.first)
            let bearer = try await authorizer.bearerToken()
            let app = AppOnlyClient(credentials: bearer, configuration: server.clientConfiguration())
            let forged = await expectXAPIError {
                try await authorizer.invalidate(bearer, ownerAccessToken: owner.accessToken, ownerAccessTokenSecret: "not-the-secret")
            }
            #expect(forged?.status == 403)
            #expect(try await app.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5).status == 200)
            try await authorizer.invalidate(bearer, ownerAccessToken: owner.accessToken, ownerAccessTokenSecret: owner.accessTokenSecret)
            let refused = await expectXAPIError { try await app.followers(of: SandboxAccounts.tenThousandClub, maxResults: 5) }
            #expect(refused?.status == 401)
        }
    }

    @Test("A command-line app: the loopback receiver gets the browser's redirect and the flow finishes")
    func loopback() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let receiver = try await LoopbackRedirectReceiver.start(path: "/callback")
            let authorizer = authorizer(server, redirectURI: receiver.redirectURI)
            let pending = authorizer.startAuthorization(scopes: Self.allScopes)
            guard case .redirect(let callback) = try await SandboxBrowser().approve(pending.authorizationURL, as: SandboxAccounts.alice)
            else { Issue.record("no redirect"); await receiver.stop(); return }
            #expect(callback.host == "127.0.0.1" && callback.port == receiver.port)
            // The browser follows the redirect to the receiver.
            let (page, response) = try await URLSession.shared.data(from: callback)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: page, as: UTF8.self).contains("You can close this window"))
            let redirect = try await receiver.redirect(timeout: .seconds(30))
            let token = try await authorizer.finishAuthorization(redirect: redirect, pending: pending)
            #expect(token.scopes == Self.allScopes)
        }
    }
}

/// A token store several sessions share, as processes share a file.
actor SharedTokenFile {
    private var token: OAuth2UserToken
    init(_ token: OAuth2UserToken) { self.token = token }
    func load() -> OAuth2UserToken { token }
    func save(_ token: OAuth2UserToken) { self.token = token }
}

/// Counts calls: 0, 1, 2, …
actor Counter {
    private var count = 0
    func next() -> Int {
        defer { count += 1 }
        return count
    }
}

/// What a session's persistence hook received.
actor StoredTokens {
    private(set) var tokens: [OAuth2UserToken?] = []
    func save(_ token: OAuth2UserToken?) { tokens.append(token) }
}

/// How far the sandbox's clock runs ahead of the client's.
final class Skew: @unchecked Sendable {
    private let lock = NSLock()
    private var value: TimeInterval = 0
    var seconds: TimeInterval {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
