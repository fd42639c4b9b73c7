import Foundation
import Testing
import XFollows
import XSandbox

@Suite("End to end: pagination", .timeLimit(.minutes(3)))
struct PaginationEndToEndTests {
    @Test("All 10,000 followers come back forward, and the same pages backward from the last page's token")
    func tenThousandFollowers() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            let client = server.appClient()
            var forward: [APIResponse<FollowsLookupResponse>] = []
            for try await page in client.followersPages(of: SandboxAccounts.tenThousandClub, maxResults: 1000) {
                forward.append(page)
            }
            #expect(forward.count == 10)
            #expect(forward.allSatisfy { $0.body.items.count == 1000 && $0.meta?.resultCount == 1000 })
            let ids = forward.flatMap { $0.body.items.map(\.id) }
            #expect(ids.count == 10_000)
            #expect(Set(ids).count == 10_000)
            #expect(ids == (await server.followerIDs(of: SandboxAccounts.tenThousandClub)))
            #expect(forward.first?.meta?.previousToken == nil)
            #expect(forward.last?.meta?.nextToken == nil)

            let lastPageToken = try #require(forward[forward.count - 2].meta?.nextToken)
            var backward: [APIResponse<FollowsLookupResponse>] = []
            for try await page in client.followersPages(
                of: SandboxAccounts.tenThousandClub, maxResults: 1000, direction: .backward, startingAt: lastPageToken
            ) {
                backward.append(page)
            }
            #expect(backward.count == 10)
            #expect(backward.map { $0.body.items.map(\.id) } == forward.reversed().map { $0.body.items.map(\.id) })
            #expect(backward.last?.meta?.previousToken == nil)
        }
    }

    @Test("The items of every page flatten into the whole list")
    func items() async throws {
        try await withSandbox(limits: roomyLimits) { server in
            var ids: [String] = []
            for try await user in server.oauth1Client(SandboxAccounts.bob)
                .followingPages(of: SandboxAccounts.alice, maxResults: 7).items {
                ids.append(user.id)
            }
            #expect(ids == (await server.followingIDs(of: SandboxAccounts.alice)))
        }
    }

    @Test("A token that was altered or belongs to another list is refused with 400 invalid-request")
    func invalidToken() async throws {
        try await withSandbox { server in
            let client = server.appClient()
            let first = try await client.followers(of: SandboxAccounts.tenThousandClub, maxResults: 10)
            let token = try #require(first.meta?.nextToken)
            let altered = String(token.dropLast()) + (token.last == "a" ? "b" : "a")
            for (id, candidate) in [(SandboxAccounts.tenThousandClub, altered), (SandboxAccounts.xDevelopers, token)] {
                let error = await expectXAPIError { try await client.followers(of: id, paginationToken: candidate) }
                #expect(error?.code == .http && error?.status == 400)
                #expect(error?.problem?.kind == .invalidRequest)
                let message = error?.problem?.additionalProperties["errors"]
                #expect(message == .array([.object([
                    "parameters": .object(["pagination_token": .array([.string(candidate)])]),
                    "message": .string("The `pagination_token` query parameter value [\(candidate)] is not valid"),
                ])]))
            }
        }
    }
}
