import Foundation
import Testing
@testable import XAPIRuntime

/// Sessions of several workers sharing one token through an ``OAuth2TokenStore`` (here the
/// file store; the PostgreSQL store has the same tests in XAPIPostgresTests): one refresh per
/// expiry between them, and nobody logged out by X's rotation of the refresh token.
@Suite("OAuth 2.0: sessions sharing a token store", .timeLimit(.minutes(3)))
struct SharedTokenStoreTests {
    static let scopes: Set<OAuth2Scope> = ["tweet.read", "users.read", "follows.read", "follows.write", "offline.access"]

    /// `count` workers, each with its own session and authorizer (as separate processes have),
    /// sharing `store` and one token endpoint.
    struct Workers {
        let server = RotatingServer()
        let clock = VirtualClock()
        let sessions: [OAuth2Session]

        init(count: Int, store: any OAuth2TokenStore, expiresIn seconds: TimeInterval) async throws {
            let first = OAuth2UserToken(accessToken: AuthSecrets.accessToken, scopes: SharedTokenStoreTests.scopes,
                                        refreshToken: AuthSecrets.refreshToken, expiresAt: clock.now.addingTimeInterval(seconds))
            try await store.update { $0 = first }
            let transport = server.transport
            var sessions: [OAuth2Session] = []
            for _ in 0..<count {
                let authorizer = publicAuthorizer(transport, clock: clock)
                sessions.append(try #require(try await authorizer.session(store: store)))
            }
            self.sessions = sessions
        }

        /// Every worker asks for a valid token at once; returns the access tokens they got.
        func validTokens() async throws -> Set<String> {
            try await withThrowingTaskGroup(of: String.self) { group in
                for session in sessions { group.addTask { try await session.validToken().accessToken } }
                return try await group.reduce(into: []) { $0.insert($1) }
            }
        }
    }

    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("xapi-token-\(UUID().uuidString)/token.json")
    }

    @Test("Eight sessions over one token file refresh once per expiry, and all take the new token")
    func oneRefreshPerExpiry() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let store = try FileOAuth2TokenStore(url: file)
        let workers = try await Workers(count: 8, store: store, expiresIn: 30)   // inside the one-minute margin

        #expect(try await workers.validTokens() == [workers.server.accessToken])
        #expect(workers.server.refreshes == 1)
        #expect(try await store.load()?.accessToken == workers.server.accessToken)

        // The next expiry: again one refresh between all eight, with the rotated refresh token.
        workers.clock.advance(by: 7200)
        #expect(try await workers.validTokens() == [workers.server.accessToken])
        #expect(workers.server.refreshes == 2)
        #expect(try await store.load()?.refreshToken?.hasPrefix("refresh-2-") == true)
        // No refresh was refused: nobody was logged out.
        for session in workers.sessions { #expect(await session.currentToken != nil) }
    }

    @Test("A 401 after another worker refreshed takes the stored token instead of refreshing again")
    func adoptsAfter401() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let store = try FileOAuth2TokenStore(url: file)
        let workers = try await Workers(count: 2, store: store, expiresIn: 3600)
        let (first, second) = (workers.sessions[0], workers.sessions[1])
        let refreshed = try await first.refresh()
        #expect(workers.server.refreshes == 1)
        // The second still holds the first token, which the server now refuses.
        #expect(try await second.renew(afterRejecting: AuthSecrets.accessToken))
        #expect(await second.currentToken?.accessToken == refreshed.accessToken)
        #expect(workers.server.refreshes == 1)
    }

    @Test("A refused refresh token removes the stored token and ends every session that needs it")
    func refusedRefreshForgetsTheToken() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let store = try FileOAuth2TokenStore(url: file)
        let workers = try await Workers(count: 3, store: store, expiresIn: -1)
        workers.server.refusesRefresh = true
        let error = await #expect(throws: XAPIError.self) { try await workers.sessions[0].validToken() }
        #expect(error?.code == .reauthorizationRequired)
        #expect(try await store.load() == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("The token file is written 0600, and a file that is not a token is an error that does not quote it")
    func fileStore() async throws {
        let file = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let store = try FileOAuth2TokenStore(url: file)
        #expect(try await store.load() == nil)
        try await store.update { $0 = OAuth2UserToken(accessToken: AuthSecrets.accessToken, refreshToken: AuthSecrets.refreshToken) }
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        try Data(#"{"access_token": 42, "refresh_token": "\#(AuthSecrets.refreshToken)"}"#.utf8).write(to: file)
        let error = await #expect(throws: OAuth2TokenStoreError.self) { try await store.load() }
        #expect(error?.description == "\(file.standardizedFileURL.path) does not hold an OAuth 2.0 token.")
        // A failing store is the session's tokenStorage error, and the session keeps its token.
        let session = OAuth2Session(token: OAuth2UserToken(accessToken: AuthSecrets.accessToken, refreshToken: AuthSecrets.refreshToken),
                                    authorizer: publicAuthorizer(RotatingServer().transport), store: store)
        let failure = await #expect(throws: XAPIError.self) { try await session.refresh() }
        #expect(failure?.code == .tokenStorage)
        #expect(!(failure?.description.contains(AuthSecrets.refreshToken) ?? true))
        #expect(await session.currentToken?.accessToken == AuthSecrets.accessToken)
    }
}
