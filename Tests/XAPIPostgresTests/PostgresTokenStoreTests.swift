import Foundation
import Testing
import XAPIPostgres
import XAPIRuntime

/// OAuth 2.0 sessions of eight workers, each with its own connection pool (as processes on
/// several machines have), sharing one token in PostgreSQL: one refresh per expiry between
/// them, none refused (no one logged out by X's rotation), every worker on the new token.
@Suite("PostgreSQL: a shared OAuth 2.0 token", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason),
       .timeLimit(.minutes(2)))
struct PostgresTokenStoreTests {
    @Test("Eight workers refresh once per expiry through the row lock, over three expiries")
    func oneRefreshPerExpiry() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try await TestDatabase.withStorages(8, url: url) { storages in
                let endpoint = TokenEndpoint()
                let clock = ManualClock()
                let first = OAuth2UserToken(accessToken: TokenEndpoint.firstAccessToken, refreshToken: TokenEndpoint.firstRefreshToken,
                                            expiresAt: clock.now.addingTimeInterval(30))   // due: inside the one-minute margin
                try await storages[0].tokenStore(id: "alice").update { $0 = first }
                var sessions: [OAuth2Session] = []
                for storage in storages {
                    let session = try await endpoint.authorizer(clock: clock.clock).session(store: storage.tokenStore(id: "alice"))
                    sessions.append(try #require(session))
                }
                for expiry in 1...3 {
                    let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                        for session in sessions { group.addTask { try await session.validToken().accessToken } }
                        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                    }
                    #expect(tokens == ["access-\(expiry)-" + String(repeating: "a", count: 40)])
                    #expect(endpoint.refreshes == expiry && endpoint.refused == 0)
                    clock.advance(by: 7200)
                }
                let store = storages[5].tokenStore(id: "alice")
                #expect(try await store.load()?.refreshToken == endpoint.currentRefreshToken)
                #expect(try await store.rotations() == 3)
                // Another token's row is a lock of its own.
                #expect(try await storages[0].tokenStore(id: "bob").load() == nil)
            }
        }
    }

    @Test("A refused refresh token removes the shared token; a failing database is tokenStorage without secrets")
    func refusalAndFailure() async throws {
        try await TestDatabase.withFreshDatabase { url in
            try await TestDatabase.withStorages(2, url: url) { storages in
                let endpoint = TokenEndpoint()
                let clock = ManualClock()
                let stale = OAuth2UserToken(accessToken: TokenEndpoint.firstAccessToken, refreshToken: "already-rotated-away",
                                            expiresAt: clock.now)
                let store = storages[0].tokenStore(id: "carol")
                try await store.update { $0 = stale }
                let session = try #require(try await endpoint.authorizer(clock: clock.clock).session(store: store))
                let error = await #expect(throws: XAPIError.self) { try await session.validToken() }
                #expect(error?.code == .reauthorizationRequired)
                #expect(try await storages[1].tokenStore(id: "carol").load() == nil)
                #expect(endpoint.refreshes == 1)

                // The table goes away under a session: the error names the database and
                // PostgreSQL's reason, not a token, and the session keeps its token.
                let kept = OAuth2UserToken(accessToken: TokenEndpoint.firstAccessToken, refreshToken: TokenEndpoint.firstRefreshToken,
                                           expiresAt: clock.now)
                try await storages[1].client.query("ALTER TABLE xapi_oauth2_tokens RENAME TO xapi_oauth2_tokens_gone")
                let orphan = OAuth2Session(token: kept, authorizer: endpoint.authorizer(clock: clock.clock),
                                           store: storages[1].tokenStore(id: "dave"))
                let failure = await #expect(throws: XAPIError.self) { try await orphan.validToken() }
                #expect(failure?.code == .tokenStorage)
                #expect(failure?.message.contains("The OAuth 2.0 token \"dave\" in \(url.description): the server said: "
                    + "relation \"xapi_oauth2_tokens\" does not exist (SQLSTATE 42P01)") == true, "\(failure?.message ?? "")")
                for secret in [kept.accessToken, TokenEndpoint.firstRefreshToken, url.password ?? "-"] {
                    #expect(!(failure.map { String(reflecting: $0) } ?? "").contains(secret))
                }
                #expect(endpoint.refreshes == 1)
                #expect(await orphan.currentToken == kept)
            }
        }
    }
}
