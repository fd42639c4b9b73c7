import Foundation
import Testing
import XAPICurrentDocument
import XSandbox

/// The client the build plugin generated from X's current published OpenAPI document
/// (`openapi-2.167.json`, the whole v2 API, none of this project's extensions) compiles with
/// warnings as errors, or this target would not build, and its follows operations, under
/// 2.167's names, work against x-sandbox over HTTP.
@Suite("X's current published OpenAPI document (2.167), end to end", .timeLimit(.minutes(2)))
struct CurrentDocumentEndToEndTests {
    @Test("getUsersFollowers sends post.fields and pinned_post_id, pages with tokens of at least 16 characters, and the sandbox answers")
    func lookups() async throws {
        try await withSandbox { server in
            let client = server.client(SandboxAccounts.alice)
            let first = try await client.getUsersFollowers(
                id: SandboxAccounts.xDevelopers,
                maxResults: 5,
                userFields: [.createdAt, .publicMetrics, .subscribesToYou],
                expansions: [.pinnedPostID],
                postFields: [.createdAt, .lang]
            )
            #expect(first.status == 200)
            let users = try #require(first.data)
            #expect(users.map(\.id) == Array((await server.followerIDs(of: SandboxAccounts.xDevelopers)).prefix(5)))
            #expect(users.allSatisfy { $0.createdAt != nil && $0.publicMetrics != nil })
            // The names on the wire are 2.167's; the sandbox reads them.
            let sent = try #require(await server.requests().last)
            #expect(sent.queryValue("post.fields") == "created_at,lang")
            #expect(sent.queryValue("expansions") == "pinned_post_id")

            let token = try #require(first.meta?.nextToken)
            #expect(token.count >= 16)
            let second = try await client.getUsersFollowers(id: SandboxAccounts.xDevelopers, maxResults: 5, paginationToken: token)
            #expect(second.data?.map(\.id) == Array((await server.followerIDs(of: SandboxAccounts.xDevelopers)).dropFirst(5).prefix(5)))

            let following = try await client.getUsersFollowing(id: SandboxAccounts.alice, maxResults: 1000)
            #expect(following.data?.map(\.id) == (await server.followingIDs(of: SandboxAccounts.alice)))
        }
    }

    @Test("A token shorter than 2.167's minimum length of 16 is refused before any request")
    func shortToken() async throws {
        try await withSandbox { server in
            do {
                _ = try await server.client(SandboxAccounts.alice).getUsersFollowers(id: SandboxAccounts.xDevelopers, paginationToken: "page2")
                Issue.record("a 5-character token was sent")
            } catch let error as XAPIError {
                #expect(error.code == .invalidArgument && error.parameter == "pagination_token")
            }
            #expect(await server.requests().isEmpty)
        }
    }

    @Test("followUser and unfollowUser work on the sandbox's enterprise App, and are billed as X prices them")
    func followAndUnfollow() async throws {
        try await withSandbox { server in
            let client = server.client(SandboxAccounts.alice)
            let followed = try await client.followUser(id: SandboxAccounts.alice,
                                                       body: FollowUserRequest(targetUserID: SandboxAccounts.quietQuinn))
            #expect(followed.data?.following == true && followed.data?.pendingFollow == false)
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
            let unfollowed = try await client.unfollowUser(sourceUserID: SandboxAccounts.alice, targetUserID: SandboxAccounts.quietQuinn)
            #expect(unfollowed.data?.following == false)
            #expect(!(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn)))
            // X's document carries no prices, so this client knows none; the sandbox bills as X does.
            #expect(followed.charge == nil)
            let bill = try #require(await server.bill().app(SandboxAccounts.enterpriseAppID))
            #expect(bill.charges.map(\.operationID) == ["usersIdFollow", "usersIdUnfollow"])
            #expect(bill.spentToday == USD("0.025"))
        }
    }
}

// MARK: Support

/// Starts a sandbox in-process on a free port for the body, and always shuts it down.
private func withSandbox(_ body: (SandboxServer) async throws -> Void) async throws {
    let server = try await SandboxServer.start(SandboxConfiguration(limits: .unlimited))
    do {
        try await body(server)
        await server.shutdown()
    } catch {
        await server.shutdown()
        throw error
    }
}

extension SandboxServer {
    /// An OAuth 1.0a client acting for a demo user, on the enterprise App.
    fileprivate func client(_ userID: String) -> XAPIClient<UserContext> {
        XAPIClient<UserContext>(
            credentials: credentials.userCredentials(for: userID)!,
            configuration: ClientConfiguration(serverURL: baseURL)
        )
    }
}
