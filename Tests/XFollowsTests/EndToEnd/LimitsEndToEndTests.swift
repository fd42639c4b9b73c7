import Foundation
import Testing
import XFollows
import XSandbox

@Suite("End to end: rate limits and daily caps", .timeLimit(.minutes(3)))
struct LimitsEndToEndTests {
    private static func limits(followers window: RateLimitRule? = nil, followCaps: [DailyCapRule]? = nil,
                               unfollowCaps: [DailyCapRule]? = nil) -> SandboxLimits {
        var limits = SandboxLimits.documented
        if let window { limits.setRateLimits([window], for: .usersIdFollowers) }
        if let followCaps { limits.setDailyCaps(followCaps, for: .usersIdFollow) }
        if let unfollowCaps { limits.setDailyCaps(unfollowCaps, for: .usersIdUnfollow) }
        return limits
    }

    @Test("A used-up window answers 429 with the reset header, as a typed error; other users keep their own window")
    func windowExhausted() async throws {
        let clock = VirtualClock()
        let limits = Self.limits(followers: RateLimitRule(scope: .user, requests: 2, windowSeconds: 900))
        try await withSandbox(limits: limits, clock: clock.sandboxClock) { server in
            let client = server.oauth1Client(SandboxAccounts.alice, server.clientConfiguration(clock: clock.clientClock))
            let first = try await client.followers(of: SandboxAccounts.bob)
            #expect(first.rateLimit == RateLimitStatus(limit: 2, remaining: 1, reset: clock.now.addingTimeInterval(900)))
            clock.advance(by: .seconds(10))
            let second = try await client.followers(of: SandboxAccounts.bob)
            #expect(second.rateLimit?.remaining == 0)
            let error = await expectXAPIError { try await client.followers(of: SandboxAccounts.bob) }
            #expect(error?.code == .rateLimited && error?.status == 429)
            #expect(error?.problem == Problem(type: "about:blank", title: "Too Many Requests", detail: "Too Many Requests", status: 429))
            #expect(error?.rateLimit == RateLimitStatus(limit: 2, remaining: 0, reset: first.rateLimit?.reset))
            #expect(error?.retryAfter == first.rateLimit?.reset)

            let bob = try await server.oauth1Client(SandboxAccounts.bob, server.clientConfiguration(clock: clock.clientClock))
                .followers(of: SandboxAccounts.bob)
            #expect(bob.rateLimit?.remaining == 1)
        }
    }

    @Test("RateLimitPolicy.wait sleeps until the window resets, then succeeds")
    func waitForReset() async throws {
        let clock = VirtualClock()
        let limits = Self.limits(followers: RateLimitRule(scope: .app, requests: 1, windowSeconds: 900))
        try await withSandbox(limits: limits, clock: clock.sandboxClock) { server in
            let configuration = server.clientConfiguration(clock: clock.clientClock, rateLimitPolicy: .wait(maximum: .seconds(1000)))
            let client = server.appClient(configuration)
            let start = clock.now
            _ = try await client.followers(of: SandboxAccounts.alice)
            let second = try await client.followers(of: SandboxAccounts.alice)
            #expect(second.data != nil)
            #expect(second.rateLimit?.remaining == 0)
            #expect(clock.now.timeIntervalSince(start) >= 900)
            #expect(clock.totalSleep >= .seconds(900) && clock.totalSleep <= .seconds(902))
            #expect(await server.requests().map(\.status) == [200, 429, 200])

            let impatient = server.appClient(server.clientConfiguration(clock: clock.clientClock,
                                                                        rateLimitPolicy: .wait(maximum: .seconds(60))))
            let error = await expectXAPIError { try await impatient.followers(of: SandboxAccounts.alice) }
            #expect(error?.code == .rateLimited)
        }
    }

    @Test("The sandbox's daily follow cap answers 429 with the 24-hour headers, until a slot frees")
    func dailyFollowCap() async throws {
        let clock = VirtualClock()
        let limits = Self.limits(followCaps: [DailyCapRule(scope: .user, limit: 2), DailyCapRule(scope: .app, limit: 1000)])
        try await withSandbox(limits: limits, clock: clock.sandboxClock) { server in
            let client = server.oauth1Client(SandboxAccounts.alice, server.clientConfiguration(clock: clock.clientClock))
            let firstAction = clock.now
            let first = try await client.follow(SandboxAccounts.quietQuinn)
            #expect(first.dailyLimits?.user == RateLimitStatus(limit: 2, remaining: 1, reset: firstAction.addingTimeInterval(86_400)))
            clock.advance(by: .seconds(60))
            _ = try await client.follow(SandboxAccounts.tenThousandClub)
            clock.advance(by: .seconds(60))
            let error = await expectXAPIError { try await client.follow(SandboxAccounts.xDevelopers) }
            #expect(error?.code == .rateLimited && error?.status == 429)
            #expect(error?.problem?.title == "Too Many Requests")
            #expect(error?.dailyLimits?.user == RateLimitStatus(limit: 2, remaining: 0, reset: firstAction.addingTimeInterval(86_400)))
            #expect(error?.dailyLimits?.app?.remaining == 998)
            #expect(error?.retryAfter == firstAction.addingTimeInterval(86_400))
            #expect(!(await server.isFollowing(SandboxAccounts.alice, SandboxAccounts.xDevelopers)))

            clock.advance(by: .seconds(86_400 - 120))
            let afterADay = try await client.follow(SandboxAccounts.xDevelopers)
            #expect(afterADay.data == .following)
            #expect(afterADay.dailyLimits?.user?.remaining == 0)
        }
    }

    @Test("The App's daily unfollow cap counts across users")
    func dailyUnfollowCap() async throws {
        let limits = Self.limits(unfollowCaps: [DailyCapRule(scope: .app, limit: 1)])
        try await withSandbox(limits: limits) { server in
            let alice = try await server.oauth1Client(SandboxAccounts.alice).unfollow(SandboxAccounts.bob)
            #expect(alice.dailyLimits?.app?.remaining == 0)
            let error = await expectXAPIError { try await server.oauth1Client(SandboxAccounts.bob).unfollow(SandboxAccounts.alice) }
            #expect(error?.code == .rateLimited)
            #expect(error?.dailyLimits?.app?.remaining == 0 && error?.dailyLimits?.user == nil)
            #expect(await server.isFollowing(SandboxAccounts.bob, SandboxAccounts.alice))
        }
    }

    @Test("Without limits nothing is refused and no limit headers are sent")
    func noLimits() async throws {
        try await withSandbox(limits: .unlimited) { server in
            let client = server.appClient()
            for _ in 0..<20 {
                let response = try await client.followers(of: SandboxAccounts.alice, maxResults: 1)
                #expect(response.rateLimit == nil)
            }
            let follow = try await server.oauth1Client(SandboxAccounts.alice).follow(SandboxAccounts.quietQuinn)
            #expect(follow.rateLimit == nil && follow.dailyLimits == nil)
        }
    }
}
