import Foundation
import Testing
import XFollows
import XSandbox

@Suite("End to end: followers and following lookups")
struct LookupEndToEndTests {
    @Test("followers(of:) without fields returns id, name and username only, with a next_token")
    func defaultFields() async throws {
        try await withSandbox { server in
            let response = try await server.appClient().followers(of: SandboxAccounts.xDevelopers, maxResults: 5)
            let users = try #require(response.data)
            #expect(users.count == 5)
            for user in users {
                #expect(user == User(id: user.id, name: user.name, username: user.username))
            }
            #expect(response.meta?.resultCount == 5)
            #expect(response.meta?.nextToken != nil)
            #expect(response.meta?.previousToken == nil)
            #expect(response.includes == nil)
            let expected = await server.followerIDs(of: SandboxAccounts.xDevelopers).prefix(5)
            #expect(users.map(\.id) == Array(expected))
            #expect(response.rateLimit?.limit == 300)
            #expect(response.rateLimit?.remaining == 299)
        }
    }

    @Test("Fields and expansions go on the wire and come back decoded, pinned Tweets resolved")
    func fieldsAndExpansions() async throws {
        try await withSandbox { server in
            let recorder = RequestRecorder()
            let client = server.oauth1Client(SandboxAccounts.alice,
                                             server.clientConfiguration(middlewares: [recorder.middleware]))
            let response = try await client.followers(
                of: SandboxAccounts.xDevelopers, maxResults: 3,
                userFields: [.verified, .createdAt, .publicMetrics],
                expansions: [.pinnedPostID],
                postFields: [.lang, .createdAt, .publicMetrics]
            )

            let sent = try #require(await recorder.entries.first)
            #expect(sent.query == [
                "max_results": "3",
                "user.fields": "created_at,public_metrics,verified",
                "expansions": "pinned_post_id",
                "post.fields": "created_at,lang,public_metrics",
            ])
            let received = try #require(await server.requests().last)
            #expect(received.operationID == "usersIdFollowers")
            #expect(received.authentication == .oauth1UserContext && received.userID == SandboxAccounts.alice)
            #expect(received.queryValue("user.fields") == "created_at,public_metrics,verified")
            #expect(received.queryValue("expansions") == "pinned_post_id")
            #expect(received.queryValue("post.fields") == "created_at,lang,public_metrics")

            let users = try #require(response.data)
            #expect(users.count == 3)
            for user in users {
                #expect(user.createdAt != nil && user.verified != nil && user.publicMetrics != nil)
                #expect(user.description == nil && user.location == nil && user.entities == nil)
                let followers = await server.followerIDs(of: user.id).count
                #expect(user.publicMetrics?.followersCount == followers)
            }
            let everyField = try #require(users.first { $0.id == SandboxAccounts.everyField })
            let pinned = try #require(everyField.pinnedTweet)
            #expect(pinned.id == everyField.pinnedTweetID)
            #expect(pinned.lang == "en" && pinned.createdAt != nil && pinned.publicMetrics != nil)
            #expect(pinned.entities == nil && pinned.authorID == nil && pinned.nonPublicMetrics == nil)
            #expect(response.includes?.tweets == [pinned])
            #expect(users.filter { $0.id != SandboxAccounts.everyField }.allSatisfy { $0.pinnedTweet == nil })
        }
    }

    @Test("following(of:) lists whom a user follows, newest first, for every kind of credentials")
    func following() async throws {
        try await withSandbox { server in
            let expected = await server.followingIDs(of: SandboxAccounts.alice)
            #expect(expected.count > 20)
            let clients: [(String, @Sendable () async throws -> APIResponse<FollowsLookupResponse>)] = [
                ("App-only", { try await server.appClient().following(of: SandboxAccounts.alice, maxResults: 1000) }),
                ("OAuth 1.0a", { try await server.oauth1Client(SandboxAccounts.bob).following(of: SandboxAccounts.alice, maxResults: 1000) }),
                ("OAuth 2.0 read-only", {
                    try await server.oauth2Client(SandboxAccounts.alice, scopes: SandboxCredentials.readOnlyScopes)
                        .following(of: SandboxAccounts.alice, maxResults: 1000)
                }),
            ]
            for (name, call) in clients {
                let response = try await call()
                #expect(response.data?.map(\.id) == expected, "\(name)")
                #expect(response.meta?.nextToken == nil, "\(name)")
            }
        }
    }

    @Test("A user ID that does not exist answers 200 with only errors, and that decodes")
    func missingUser() async throws {
        try await withSandbox { server in
            let response = try await server.appClient().followers(of: "123")
            #expect(response.status == 200)
            #expect(response.data == nil && response.meta == nil)
            let problem = try #require(response.errors?.first)
            #expect(response.errors?.count == 1)
            #expect(problem.kind == .resourceNotFound)
            #expect(problem.title == "Not Found Error")
            #expect(problem.detail == "Could not find user with id: [123].")
            #expect(problem.additionalProperties == [
                "value": .string("123"), "resource_type": .string("user"),
                "parameter": .string("id"), "resource_id": .string("123"),
            ])
        }
    }
}
