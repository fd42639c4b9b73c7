import Foundation
import Testing
import XFollows
import XSandbox

@Suite("End to end: user lookup")
struct UserLookupEndToEndTests {
    @Test("me() answers the authenticated user, with OAuth 1.0a and OAuth 2.0; an App-only token gets X's 403")
    func me() async throws {
        try await withSandbox { server in
            let oauth1 = try await server.oauth1Client(SandboxAccounts.bob).me(userFields: [.createdAt])
            #expect(oauth1.data?.id == SandboxAccounts.bob)
            #expect(oauth1.data?.createdAt != nil)
            let oauth2 = try await server.oauth2Client(SandboxAccounts.alice, scopes: SandboxCredentials.allFollowsScopes).me()
            #expect(oauth2.data?.id == SandboxAccounts.alice)
            #expect(oauth2.rateLimit?.limit == 75)

            let refused = try await server.raw(.get, "/2/users/me", authorization: server.appBearer)
            #expect(refused.status == 403)
            #expect(refused.object["title"] as? String == "Unsupported Authentication")
        }
    }

    @Test("user(id:) and user(username:) find the same user; the username ignores case")
    func singleUser() async throws {
        try await withSandbox { server in
            let client = server.appClient()
            let byID = try await client.user(id: SandboxAccounts.xDevelopers, userFields: [.description, .publicMetrics])
            let byName = try await client.user(username: "xdevelopers", userFields: [.description, .publicMetrics])
            let user = try #require(byID.data)
            #expect(user.username == "XDevelopers")
            #expect(byName.data == user)
            // Live counts from the graph, as in the follows lookups.
            #expect(user.publicMetrics?.followersCount == (await server.followerIDs(of: SandboxAccounts.xDevelopers)).count)
            #expect(byID.rateLimit?.limit == 300)
        }
    }

    @Test("An unknown ID or username answers 200 with only X's not-found error, which decodes")
    func unknownUser() async throws {
        try await withSandbox { server in
            let client = server.appClient()
            let byID = try await client.user(id: "1")
            #expect(byID.data == nil)
            let problem = try #require(byID.errors?.first)
            #expect(problem.kind == .resourceNotFound)
            #expect(problem.detail == "Could not find user with id: [1].")
            #expect(problem.additionalProperties["parameter"] == .string("id"))

            let byName = try await client.user(username: "nobody_here_42")
            #expect(byName.data == nil)
            #expect(byName.errors?.first?.detail == "Could not find user with username: [nobody_here_42].")
        }
    }

    @Test("users(ids:) returns the users found in order and one error per unknown ID")
    func manyByID() async throws {
        try await withSandbox { server in
            let ids = [SandboxAccounts.alice, "1", SandboxAccounts.xDevelopers, "2"]
            let response = try await server.appClient().users(ids: ids)
            #expect(response.data?.map(\.id) == [SandboxAccounts.alice, SandboxAccounts.xDevelopers])
            #expect(response.errors?.map(\.detail) == ["Could not find user with ids: [1].", "Could not find user with ids: [2]."])
            let sent = try #require(await server.requests().last)
            #expect(sent.queryValue("ids") == ids.joined(separator: ","))
        }
    }

    @Test("users(usernames:) finds users by handle, whatever the case")
    func manyByUsername() async throws {
        try await withSandbox { server in
            let response = try await server.appClient().users(usernames: ["XDEVELOPERS", "sandbox_alice", "no_such_user_9"])
            #expect(response.data?.map(\.id) == [SandboxAccounts.xDevelopers, SandboxAccounts.alice])
            #expect(response.errors?.first?.detail == "Could not find user with usernames: [no_such_user_9].")
        }
    }

    @Test("Expanded Tweets come with X's defaults, edit_history_tweet_ids included, and resolve into the user")
    func expansions() async throws {
        try await withSandbox { server in
            let response = try await server.appClient().user(
                id: SandboxAccounts.everyField, expansions: [.pinnedPostID, .mostRecentPostID], postFields: [.lang])
            let user = try #require(response.data)
            let pinned = try #require(user.pinnedTweet)
            #expect(pinned.editHistoryTweetIDs?.isEmpty == false)
            #expect(pinned.lang != nil && pinned.createdAt == nil)
            #expect(user.pinnedTweetID == pinned.id)
            // Expanding a field returns it: @every_field's most recent Tweet is its pinned one, included once.
            let recent = try #require(user.mostRecentTweetID, "most_recent_tweet_id did not come back with its expansion")
            #expect(recent == pinned.id)
            #expect(user.mostRecentTweet?.id == recent)
            #expect(response.includes?.tweets?.map(\.id) == [recent])

            // @XDevelopers' most recent Tweet is another one: both are included and resolved.
            let developers = try #require(try await server.appClient().user(
                id: SandboxAccounts.xDevelopers, expansions: [.pinnedPostID, .mostRecentPostID]).data)
            let latest = try #require(developers.mostRecentTweetID, "most_recent_tweet_id did not come back with its expansion")
            #expect(latest != developers.pinnedTweetID)
            #expect(developers.mostRecentTweet?.id == latest)
            #expect(developers.pinnedTweet?.id == developers.pinnedTweetID)
        }
    }

    @Test("Raw requests with a bad ID list are refused with X's 400 messages")
    func invalidLists() async throws {
        try await withSandbox { server in
            let empty = try await server.raw(.get, "/2/users?ids=", authorization: server.appBearer)
            #expect(empty.status == 400)
            #expect(empty.errorMessage() == "The `ids` query parameter can not be empty")
            let missing = try await server.raw(.get, "/2/users", authorization: server.appBearer)
            #expect(missing.errorMessage() == "The `ids` query parameter can not be empty")
            let bad = try await server.raw(.get, "/2/users?ids=1,abc", authorization: server.appBearer)
            #expect(bad.errorMessage() == "The `ids` query parameter value [abc] does not match ^[0-9]{1,19}$")
            let many = (1...101).map(String.init).joined(separator: ",")
            let tooMany = try await server.raw(.get, "/2/users?ids=\(many)", authorization: server.appBearer)
            #expect(tooMany.errorMessage() == "The number of values in the `ids` query parameter list [101] is not between 1 and 100")
            let badName = try await server.raw(.get, "/2/users/by/username/not-a-handle", authorization: server.appBearer)
            #expect(badName.errorMessage() == "The `username` query parameter value [not-a-handle] does not match ^[A-Za-z0-9_]{1,15}$")
        }
    }

    @Test("A suspended user answers X's suspended error, alone or among others, and cannot be followed")
    func suspended() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let client = server.oauth1Client(SandboxAccounts.alice)
            let single = try await client.user(id: SandboxAccounts.suspendedSpammer)
            #expect(single.data == nil)
            let problem = try #require(single.errors?.first)
            #expect(problem.title == "Forbidden" && problem.kind == .resourceNotFound)
            #expect(problem.detail == "User has been suspended: [\(SandboxAccounts.suspendedSpammer)].")

            let many = try await client.users(ids: [SandboxAccounts.alice, SandboxAccounts.suspendedTroll])
            #expect(many.data?.map(\.id) == [SandboxAccounts.alice])
            #expect(many.errors?.first?.detail == "User has been suspended: [\(SandboxAccounts.suspendedTroll)].")

            let followers = try await client.followers(of: SandboxAccounts.suspendedSpammer)
            #expect(followers.data == nil && followers.errors?.first?.title == "Forbidden")

            let follow = try await client.follow(SandboxAccounts.suspendedTroll)
            #expect(follow.data == nil && follow.errors?.first?.title == "Forbidden")
            #expect(!(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.suspendedTroll)))
        }
    }
}
