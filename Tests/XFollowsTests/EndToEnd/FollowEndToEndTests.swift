import Foundation
import Testing
import XFollows
import XSandbox

@Suite("End to end: follow and unfollow")
struct FollowEndToEndTests {
    @Test("Following a public user succeeds once and again with no further change, with the 24-hour headers and its price")
    func followIsIdempotent() async throws {
        try await withSandbox { server in
            let client = server.oauth1Client(SandboxAccounts.alice)
            let first = try await client.follow(SandboxAccounts.quietQuinn)
            #expect(first.data == .following)
            #expect(first.rateLimit?.limit == 50 && first.rateLimit?.remaining == 49)
            #expect(first.dailyLimits?.user?.limit == 400 && first.dailyLimits?.user?.remaining == 399)
            // X's help centre caps follows per account; X lists no App cap today.
            #expect(first.dailyLimits?.app == nil)
            // X's pricing page: User Interaction: Create, $0.015 per request, every request.
            #expect(first.charge == Charge(category: "User Interaction: Create", billableUnits: 1, chargedUnits: 1,
                                           unitPrice: USD("0.015")!, isOwnedRead: false))
            let second = try await client.follow(SandboxAccounts.quietQuinn, as: SandboxAccounts.alice)
            #expect(second.data == .following)
            #expect(second.dailyLimits?.user?.remaining == 398)
            #expect(second.charge?.amount == USD("0.015"))
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.quietQuinn))
            #expect(await server.followerIDs(of: SandboxAccounts.quietQuinn) == [SandboxAccounts.alice])
            #expect(await server.followingIDs(of: SandboxAccounts.alice).first == SandboxAccounts.quietQuinn)
        }
    }

    @Test("Following a protected user leaves a pending request, and asking again stays pending")
    func protectedUserIsPending() async throws {
        try await withSandbox { server in
            let client = server.oauth2Client(SandboxAccounts.bob, scopes: SandboxCredentials.allFollowsScopes)
            let followersBefore = await server.followerIDs(of: SandboxAccounts.lockedLucy)
            for _ in 0..<2 {
                let response = try await client.follow(SandboxAccounts.lockedLucy)
                #expect(response.data == .pending)
            }
            #expect(await server.hasPendingRequest(from: SandboxAccounts.bob, to: SandboxAccounts.lockedLucy))
            #expect(!(await server.isFollowing(SandboxAccounts.bob, SandboxAccounts.lockedLucy)))
            #expect(await server.followerIDs(of: SandboxAccounts.lockedLucy) == followersBefore)

            #expect(await server.approveFollowRequest(from: SandboxAccounts.bob, to: SandboxAccounts.lockedLucy))
            let afterApproval = try await client.follow(SandboxAccounts.lockedLucy)
            #expect(afterApproval.data == .following)
        }
    }

    @Test("Unfollowing succeeds and repeating it changes nothing; no 24-hour cap today, $0.010 a request")
    func unfollowIsIdempotent() async throws {
        try await withSandbox { server in
            #expect(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.bob))
            let client = server.oauth1Client(SandboxAccounts.alice)
            for remaining in [49, 48] {
                let response = try await client.unfollow(SandboxAccounts.bob)
                #expect(response.data == UnfollowResult(following: false))
                // X's 2023 documentation capped unfollows at 500 a day per App; X lists no cap today.
                #expect(response.dailyLimits == nil)
                #expect(response.rateLimit?.limit == 50 && response.rateLimit?.remaining == remaining)
                #expect(response.charge?.amount == USD("0.010") && response.charge?.category == "Interaction: Delete")
            }
            #expect(!(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.bob)))
            #expect(!(await server.followerIDs(of: SandboxAccounts.bob).contains(SandboxAccounts.alice)))
        }
    }

    @Test("Unfollowing a protected user cancels the pending follow request")
    func unfollowCancelsPendingRequest() async throws {
        try await withSandbox { server in
            #expect(await server.hasPendingRequest(from: SandboxAccounts.alice, to: SandboxAccounts.privatePete))
            let response = try await server.oauth1Client(SandboxAccounts.alice).unfollow(SandboxAccounts.privatePete)
            #expect(response.data?.following == false)
            #expect(!(await server.hasPendingRequest(from: SandboxAccounts.alice, to: SandboxAccounts.privatePete)))
        }
    }

    @Test("Acting for another user is refused by the client before sending, and by the sandbox with 403")
    func actingForAnotherUser() async throws {
        try await withSandbox { server in
            let recorder = RequestRecorder()
            let client = server.oauth1Client(SandboxAccounts.alice, server.clientConfiguration(middlewares: [recorder.middleware]))
            let follow = await expectXAPIError { try await client.follow(SandboxAccounts.quietQuinn, as: SandboxAccounts.bob) }
            #expect(follow?.code == .authenticatedUserMismatch)
            let unfollow = await expectXAPIError { try await client.unfollow(SandboxAccounts.alice, as: SandboxAccounts.carol) }
            #expect(unfollow?.code == .authenticatedUserMismatch)
            #expect(await recorder.entries.isEmpty)
            #expect(await server.requests().isEmpty)

            let raw = try await server.rawSigned(.post, "/2/users/\(SandboxAccounts.bob)/following", as: SandboxAccounts.alice,
                                                 json: #"{"target_user_id": "\#(SandboxAccounts.quietQuinn)"}"#)
            #expect(raw.status == 403)
            #expect(raw.header("content-type") == "application/problem+json")
            #expect(raw.object["title"] as? String == "Forbidden")
            #expect(raw.object["type"] as? String == "about:blank")
            #expect(raw.object["status"] as? Int == 403)
            let rawUnfollow = try await server.rawSigned(
                .delete, "/2/users/\(SandboxAccounts.bob)/following/\(SandboxAccounts.alice)", as: SandboxAccounts.alice)
            #expect(rawUnfollow.status == 403)
            #expect(await server.isFollowing(SandboxAccounts.bob, SandboxAccounts.alice))
            #expect(!(await server.isFollowing(SandboxAccounts.bob, SandboxAccounts.quietQuinn)))
        }
    }
}
