import Foundation
import Testing
import XFollows
import XSandbox

@Suite("Rate-limit windows and daily caps")
struct LimitTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    @Test("A 15-request window allows 15 requests, refuses the 16th, and resets when it ends")
    func window() {
        var windows = RateLimitWindows()
        let rule = RateLimitRule(scope: .app, requests: 15, windowSeconds: 900)
        for index in 0..<15 {
            let decision = windows.consume(rule, operationID: "usersIdFollowers", subject: "app",
                                           at: start.addingTimeInterval(Double(index * 10)))
            #expect(decision.isAllowed)
            #expect(decision.status.remaining == 14 - index)
            #expect(decision.status.reset == start.addingTimeInterval(900))
        }
        let refused = windows.consume(rule, operationID: "usersIdFollowers", subject: "app", at: start.addingTimeInterval(899))
        #expect(!refused.isAllowed)
        #expect(refused.status == RateLimitStatus(limit: 15, remaining: 0, reset: start.addingTimeInterval(900)))
        let next = windows.consume(rule, operationID: "usersIdFollowers", subject: "app", at: start.addingTimeInterval(900))
        #expect(next.isAllowed)
        #expect(next.status == RateLimitStatus(limit: 15, remaining: 14, reset: start.addingTimeInterval(1800)))
    }

    @Test("Windows count per operation and per user or App separately")
    func separateWindows() {
        var windows = RateLimitWindows()
        let rule = RateLimitRule(scope: .user, requests: 1, windowSeconds: 900)
        #expect(windows.consume(rule, operationID: "usersIdFollowers", subject: "1", at: start).isAllowed)
        #expect(!windows.consume(rule, operationID: "usersIdFollowers", subject: "1", at: start).isAllowed)
        #expect(windows.consume(rule, operationID: "usersIdFollowers", subject: "2", at: start).isAllowed)
        #expect(windows.consume(rule, operationID: "usersIdFollowing", subject: "1", at: start).isAllowed)
        let appRule = RateLimitRule(scope: .app, requests: 1, windowSeconds: 900)
        #expect(windows.consume(appRule, operationID: "usersIdFollowers", subject: "1", at: start).isAllowed)
        #expect(windows.status(rule, operationID: "usersIdFollowers", subject: "3", at: start)
            == RateLimitStatus(limit: 1, remaining: 1, reset: start.addingTimeInterval(900)))
    }

    @Test("Limit headers carry epoch seconds, rounded up")
    func headers() {
        let status = RateLimitStatus(limit: 50, remaining: 49, reset: Date(timeIntervalSince1970: 1_750_000_900.2))
        let headers = status.headerFields(.userDailyCap)
        #expect(headers.map(\.name.rawName) == ["x-user-limit-24hour-limit", "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset"])
        #expect(headers.map(\.value) == ["50", "49", "1750000901"])
    }

    @Test("A daily cap counts actions over a rolling 24 hours")
    func rollingCap() {
        var caps = DailyCapWindows()
        let key = DailyCapWindows.Key(operationID: "usersIdFollow", scope: .user, subject: "1")
        let rule = DailyCapRule(scope: .user, limit: 3)
        #expect(caps.status(rule, key: key, at: start) == RateLimitStatus(limit: 3, remaining: 3, reset: start.addingTimeInterval(86_400)))
        for hour in 0..<3 { caps.record(key, at: start.addingTimeInterval(Double(hour) * 3600)) }
        let exhausted = caps.status(rule, key: key, at: start.addingTimeInterval(10 * 3600))
        #expect(exhausted == RateLimitStatus(limit: 3, remaining: 0, reset: start.addingTimeInterval(86_400)))
        #expect(caps.status(rule, key: key, at: start.addingTimeInterval(86_399)).remaining == 0)
        let oneFree = caps.status(rule, key: key, at: start.addingTimeInterval(86_400))
        #expect(oneFree == RateLimitStatus(limit: 3, remaining: 1, reset: start.addingTimeInterval(86_400 + 3600)))
        #expect(caps.count(for: key, at: start.addingTimeInterval(2 * 86_400)) == 0)
        let other = DailyCapWindows.Key(operationID: "usersIdFollow", scope: .app, subject: "app")
        #expect(caps.count(for: other, at: start.addingTimeInterval(3 * 3600)) == 0)
    }

    @Test("A request stamped a moment before the window opened counts in it instead of opening a new one")
    func outOfOrderRequest() {
        var windows = RateLimitWindows()
        let rule = RateLimitRule(scope: .user, requests: 2, windowSeconds: 900)
        #expect(windows.consume(rule, operationID: "usersIdFollowers", subject: "1", at: start).isAllowed)
        let early = windows.consume(rule, operationID: "usersIdFollowers", subject: "1", at: start.addingTimeInterval(-0.01))
        #expect(early.isAllowed)
        #expect(early.status == RateLimitStatus(limit: 2, remaining: 0, reset: start.addingTimeInterval(900)))
        #expect(!windows.consume(rule, operationID: "usersIdFollowers", subject: "1", at: start.addingTimeInterval(-0.02)).isAllowed)
        #expect(windows.status(rule, operationID: "usersIdFollowers", subject: "1", at: start.addingTimeInterval(-0.02)).remaining == 0)
    }

    @Test("An action recorded with a later stamp than the check's still uses its slot")
    func outOfOrderAction() {
        var caps = DailyCapWindows()
        let key = DailyCapWindows.Key(operationID: "usersIdFollow", scope: .app, subject: "app")
        let rule = DailyCapRule(scope: .app, limit: 2)
        caps.record(key, at: start.addingTimeInterval(0.02))
        caps.record(key, at: start)
        #expect(caps.count(for: key, at: start.addingTimeInterval(-0.01)) == 2)
        #expect(caps.status(rule, key: key, at: start.addingTimeInterval(-0.01))
            == RateLimitStatus(limit: 2, remaining: 0, reset: start.addingTimeInterval(86_400)))
        #expect(caps.status(rule, key: key, at: start.addingTimeInterval(86_400.01)).remaining == 1)
    }

    /// X's 15-minute windows of every operation, as its rate-limit page gives them today (X's
    /// follows documentation of 2023 said 15 lookups per 15 minutes).
    static let xRateLimits: [String: [RateLimitRule]] = {
        func per15Minutes(_ scope: LimitScope, _ requests: Int) -> RateLimitRule {
            RateLimitRule(scope: scope, requests: requests, windowSeconds: 900)
        }
        let lists = [per15Minutes(.app, 300), per15Minutes(.user, 300)]
        let writes = [per15Minutes(.user, 50)]
        let lookups = [per15Minutes(.app, 300), per15Minutes(.user, 900)]
        // "Activity & Webhooks" on X's rate-limit page: per App only.
        let subscriptions = [per15Minutes(.app, 500)]
        let webhooks = [per15Minutes(.app, 450)]
        return [
            "usersIdFollowers": lists, "usersIdFollowing": lists, "usersIdFollow": writes, "usersIdUnfollow": writes,
            "getUsersMe": [per15Minutes(.user, 75)],
            "getUsersById": lookups, "getUsersByIds": lookups, "getUsersByUsername": lookups, "getUsersByUsernames": lookups,
            "createActivitySubscription": subscriptions, "getActivitySubscriptions": subscriptions,
            "updateActivitySubscription": subscriptions, "deleteActivitySubscription": subscriptions,
            "activityStream": webhooks, "createWebhooks": webhooks, "getWebhooks": webhooks, "validateWebhooks": webhooks,
            "deleteWebhooks": webhooks,
        ]
    }()

    /// X's 24-hour caps today: 400 follows per account (X's help centre); X lists no App cap
    /// and no unfollow cap any more (its 2023 documentation had 1,000 and 500 per App).
    static let xDailyCaps: [String: [DailyCapRule]] = [
        "usersIdFollow": [DailyCapRule(scope: .user, limit: 400)],
    ]

    @Test("The documented limits are X's, as the spec writes them, for every operation; unlimited applies none")
    func documentedLimits() {
        let documented = SandboxLimits.documented
        #expect(Set(SandboxLimits.operations.map(\.id)) == Set(Self.xRateLimits.keys))
        for operation in SandboxLimits.operations {
            #expect(documented.rateLimits(for: operation) == Self.xRateLimits[operation.id], "\(operation.id)")
            #expect(documented.dailyCaps(for: operation) == Self.xDailyCaps[operation.id, default: []], "\(operation.id)")
        }
        #expect(SandboxLimits.unlimited.rateLimits(for: .usersIdFollowers).isEmpty)
        #expect(SandboxLimits.unlimited.dailyCaps(for: .usersIdFollow).isEmpty)
        var custom = SandboxLimits.documented
        custom.setRateLimits([RateLimitRule(scope: .user, requests: 2, windowSeconds: 60)], for: .usersIdFollow)
        #expect(custom.rateLimits(for: .usersIdFollow) == [RateLimitRule(scope: .user, requests: 2, windowSeconds: 60)])
    }
}
