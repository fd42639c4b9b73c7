import Foundation
import Testing
import XAPIOfficialDocument
import XSandbox

/// The client the build plugin generated from X's own published OpenAPI
/// document (`openapi-2.159.json`, the whole v2 API, none of this project's
/// extensions) compiles with warnings as errors, or this target would not
/// build, and its follows operations, under X's names, work against x-sandbox
/// over HTTP.
@Suite("X's published OpenAPI document, end to end", .timeLimit(.minutes(3)))
struct OfficialDocumentEndToEndTests {
    @Test("getUsersFollowers and getUsersFollowing list, page and carry the requested fields")
    func lookups() async throws {
        try await withSandbox { server in
            let client = server.client(SandboxAccounts.alice)
            let first = try await client.getUsersFollowers(
                id: SandboxAccounts.xDevelopers,
                maxResults: 5,
                userFields: [.createdAt, .publicMetrics, .description],
                expansions: [.pinnedTweetID],
                tweetFields: [.createdAt]
            )
            #expect(first.status == 200)
            let users = try #require(first.data)
            #expect(users.count == 5)
            #expect(users.allSatisfy { $0.createdAt != nil && $0.publicMetrics != nil })
            #expect(first.meta?.resultCount == 5)
            let token = try #require(first.meta?.nextToken)

            let second = try await client.getUsersFollowers(id: SandboxAccounts.xDevelopers, maxResults: 5, paginationToken: token)
            let secondIDs = Set(second.data?.map(\.id) ?? [])
            #expect(secondIDs.count == 5)
            #expect(secondIDs.isDisjoint(with: users.map(\.id)))
            // Only the default fields come back when none are asked for.
            #expect(second.data?.allSatisfy { $0.createdAt == nil } == true)

            let following = try await client.getUsersFollowing(id: SandboxAccounts.alice, maxResults: 1000)
            #expect(following.data?.map(\.id) == (await server.followingIDs(of: SandboxAccounts.alice)))
        }
    }

    @Test("The lookups are also open to the App's bearer token, as X's document says")
    func appOnlyLookup() async throws {
        try await withSandbox { server in
            let app = XAPIClient<AppOnlyContext>(
                credentials: server.credentials.appOnlyCredentials,
                configuration: ClientConfiguration(serverURL: server.baseURL)
            )
            let page = try await app.getUsersFollowing(id: SandboxAccounts.bob, maxResults: 10)
            #expect(page.data?.map(\.id) == Array((await server.followingIDs(of: SandboxAccounts.bob)).prefix(10)))
        }
    }

    @Test("followUser follows once and again with no change; a protected account answers pending_follow")
    func follow() async throws {
        try await withSandbox { server in
            let client = server.client(SandboxAccounts.alice)
            for _ in 0..<2 {
                let response = try await client.followUser(id: SandboxAccounts.alice, targetUserID: SandboxAccounts.quietQuinn)
                #expect(response.data?.following == true)
                #expect(response.data?.pendingFollow == false)
            }
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))

            let pending = try await client.followUser(id: SandboxAccounts.alice, targetUserID: SandboxAccounts.lockedLucy)
            #expect(pending.data?.following == false)
            #expect(pending.data?.pendingFollow == true)
            #expect(await server.hasPendingRequest(from: SandboxAccounts.alice, to: SandboxAccounts.lockedLucy))
        }
    }

    @Test("unfollowUser unfollows, and repeating it changes nothing")
    func unfollow() async throws {
        try await withSandbox { server in
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.bob))
            let client = server.client(SandboxAccounts.alice)
            for _ in 0..<2 {
                let response = try await client.unfollowUser(sourceUserID: SandboxAccounts.alice, targetUserID: SandboxAccounts.bob)
                #expect(response.data?.following == false)
            }
            #expect(!(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.bob)))
        }
    }

    @Test("X's document's rules are checked before any request; the sandbox's refusals arrive as XAPIError")
    func errors() async throws {
        try await withSandbox { server in
            let client = server.client(SandboxAccounts.alice)
            let badID = await caught { try await client.getUsersFollowers(id: "../1") }
            #expect(badID?.code == .invalidArgument)
            #expect(badID?.parameter == "id")
            let tooMany = await caught { try await client.getUsersFollowing(id: SandboxAccounts.alice, maxResults: 5000) }
            #expect(tooMany?.message == #"The value "5000" of parameter "max_results" is greater than the maximum 1000 (allowed: 1...1000)."#)
            #expect(await server.requests().isEmpty)

            // Alice cannot make Bob follow anyone: X's 403, decoded.
            let forbidden = await caught { try await client.followUser(id: SandboxAccounts.bob, targetUserID: SandboxAccounts.carol) }
            #expect(forbidden?.code == .http)
            #expect(forbidden?.status == 403)
            #expect(!(await server.isFollowing(SandboxAccounts.bob, SandboxAccounts.carol)))
        }
    }
}

/// A page sequence the generator inferred from X's conventions (`pagination_token`,
/// `data`, `meta.next_token`), for an operation that is not a follows one: 2.159's
/// `getActivitySubscriptions` walks the sandbox's list of subscriptions.
@Suite("X's published OpenAPI document: an inferred pager", .timeLimit(.minutes(3)))
struct OfficialDocumentPagerTests {
    @Test("getActivitySubscriptionsPages walks every subscription, two at a time")
    func subscriptionsPager() async throws {
        try await withSandbox { server in
            let app = XAPIClient<AppOnlyContext>(credentials: server.credentials.appOnlyCredentials,
                                                 configuration: ClientConfiguration(serverURL: server.baseURL))
            var created: [String] = []
            for user in [SandboxAccounts.alice, SandboxAccounts.bob, SandboxAccounts.carol, SandboxAccounts.xDevelopers, SandboxAccounts.quietQuinn] {
                let response = try await app.createActivitySubscription(body: ActivitySubscriptionCreateRequest(
                    eventType: .followFollow, filter: ActivitySubscriptionFilter(userID: user)))
                created.append(try #require(response.data?.subscription?.subscriptionID))
            }
            #expect(OperationDescriptor.getActivitySubscriptions.pagination?.tokenParameter == "pagination_token")
            var walked: [String] = []
            var pages = 0
            for try await page in app.getActivitySubscriptionsPages(maxResults: 2) {
                pages += 1
                walked += page.body.data?.map(\.subscriptionID) ?? []
            }
            #expect(walked == created)
            #expect(pages == 3)
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
    /// An OAuth 1.0a client acting for a demo user.
    fileprivate func client(_ userID: String) -> XAPIClient<UserContext> {
        XAPIClient<UserContext>(
            credentials: credentials.userCredentials(for: userID)!,
            configuration: ClientConfiguration(serverURL: baseURL)
        )
    }
}

/// The `XAPIError` a call throws, or `nil` (and a recorded issue) when it throws none.
private func caught<Value>(
    _ call: () async throws -> Value, sourceLocation: SourceLocation = #_sourceLocation
) async -> XAPIError? {
    do {
        _ = try await call()
        Issue.record("expected an XAPIError", sourceLocation: sourceLocation)
    } catch let error as XAPIError {
        return error
    } catch {
        Issue.record("expected an XAPIError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
