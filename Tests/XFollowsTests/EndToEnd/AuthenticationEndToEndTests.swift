import Foundation
import HTTPTypes
import Testing
import XFollows
import XSandbox

@Suite("End to end: authentication")
struct AuthenticationEndToEndTests {
    @Test("An OAuth 1.0a request the client signed is accepted; one altered after signing gets 401")
    func tamperedAfterSigning() async throws {
        try await withSandbox { server in
            let genuine = try await server.oauth1Client(SandboxAccounts.alice)
                .followers(of: SandboxAccounts.xDevelopers, maxResults: 5)
            #expect(genuine.data?.count == 5)

            let transport = AlteringTransport(alteration: .rewrite { request in
                var altered = request
                altered.path = request.path?.replacingOccurrences(of: "max_results=5", with: "max_results=6")
                return altered
            })
            var configuration = server.clientConfiguration()
            configuration.transport = transport
            let error = await expectXAPIError {
                try await server.oauth1Client(SandboxAccounts.alice, configuration)
                    .followers(of: SandboxAccounts.xDevelopers, maxResults: 5)
            }
            #expect(error?.code == .http && error?.status == 401)
            #expect(error?.problem == Problem(type: "about:blank", title: "Unauthorized", detail: "Unauthorized", status: 401))
            let refused = try #require(await server.requests().last)
            #expect(refused.status == 401 && refused.queryValue("max_results") == "6")
        }
    }

    @Test("A replayed signed request (same nonce) is refused, and a stale timestamp too")
    func replayAndStaleTimestamp() async throws {
        try await withSandbox { server in
            var replaying = server.clientConfiguration()
            replaying.transport = AlteringTransport(alteration: .replay)
            let replay = await expectXAPIError {
                try await server.oauth1Client(SandboxAccounts.alice, replaying).following(of: SandboxAccounts.bob)
            }
            #expect(replay?.status == 401)
            #expect(await server.requests().map(\.status) == [200, 401])

            let lateClock = ClientClock(now: { Date().addingTimeInterval(-600) }, sleep: ClientClock.system.sleep)
            let stale = await expectXAPIError {
                try await server.oauth1Client(SandboxAccounts.alice, server.clientConfiguration(clock: lateClock))
                    .following(of: SandboxAccounts.bob)
            }
            #expect(stale?.status == 401)
        }
    }

    @Test("An App-only bearer token on follow or unfollow gets X's 403 Unsupported Authentication")
    func appOnlyOnWrites() async throws {
        try await withSandbox { server in
            let expected: NSDictionary = [
                "title": "Unsupported Authentication",
                "detail": "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
                "type": "https://api.twitter.com/2/problems/unsupported-authentication",
                "status": 403,
            ]
            let follow = try await server.raw(.post, "/2/users/\(SandboxAccounts.alice)/following", authorization: server.appBearer,
                                              json: #"{"target_user_id": "\#(SandboxAccounts.xDevelopers)"}"#)
            #expect(follow.status == 403)
            #expect(follow.object == expected)
            #expect(follow.header("content-type") == "application/problem+json")
            let unfollow = try await server.raw(.delete, "/2/users/\(SandboxAccounts.alice)/following/\(SandboxAccounts.bob)",
                                                authorization: server.appBearer)
            #expect(unfollow.status == 403)
            #expect(unfollow.object == expected)
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.bob))
        }
    }

    @Test("A read-only OAuth 2.0 token cannot follow: the client refuses before sending, the sandbox answers 403")
    func readOnlyScopes() async throws {
        try await withSandbox { server in
            let recorder = RequestRecorder()
            let client = server.oauth2Client(SandboxAccounts.alice, scopes: SandboxCredentials.readOnlyScopes,
                                             server.clientConfiguration(middlewares: [recorder.middleware]))
            let error = await expectXAPIError { try await client.follow(SandboxAccounts.quietQuinn) }
            #expect(error?.code == .authentication)
            #expect(error?.message.contains("follows.write") == true)
            #expect(await recorder.entries.isEmpty)
            #expect(await server.requests().isEmpty)

            let raw = try await server.raw(
                .post, "/2/users/\(SandboxAccounts.alice)/following",
                authorization: server.oauth2Bearer(SandboxAccounts.alice, scopes: SandboxCredentials.readOnlyScopes),
                json: #"{"target_user_id": "\#(SandboxAccounts.quietQuinn)"}"#)
            #expect(raw.status == 403)
            #expect(raw.object == ["title": "Forbidden", "type": "about:blank", "status": 403, "detail": "Forbidden"] as NSDictionary)
            #expect(raw.header("x-rate-limit-limit") == "50" && raw.header("x-rate-limit-remaining") == "50")
            #expect(!(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn)))
        }
    }

    @Test("Missing or unknown credentials get 401 Unauthorized")
    func unknownCredentials() async throws {
        try await withSandbox { server in
            let path = "/2/users/\(SandboxAccounts.xDevelopers)/followers"
            for authorization in [nil, "Bearer not-a-token", "OAuth oauth_consumer_key=\"nope\""] {
                let response = try await server.raw(.get, path, authorization: authorization)
                #expect(response.status == 401)
                #expect(response.object == ["title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"] as NSDictionary)
            }
            let stranger = AppOnlyClient(credentials: AppOnlyCredentials(bearerToken: "AAAAstranger"),
                                         configuration: server.clientConfiguration())
            let error = await expectXAPIError { try await stranger.followers(of: SandboxAccounts.xDevelopers) }
            #expect(error?.status == 401 && error?.problem?.title == "Unauthorized")
        }
    }
}
