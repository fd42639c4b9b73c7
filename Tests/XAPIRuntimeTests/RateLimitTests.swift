import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Rate limits", .timeLimit(.minutes(3)))
struct RateLimitTests {
    static let ok = Reply.json(
        #"{"meta":{"result_count":0}}"#,
        headers: [("x-rate-limit-limit", "15"), ("x-rate-limit-remaining", "14"), ("x-rate-limit-reset", "1700000900")]
    )

    static func tooMany(resetIn seconds: Int, from clock: VirtualClock, daily: [(String, String)] = []) -> Reply {
        let reset = Int(clock.now.timeIntervalSince1970) + seconds
        return .problem(
            #"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#,
            status: 429,
            headers: [("x-rate-limit-limit", "15"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "\(reset)")] + daily
        )
    }

    static func client(_ transport: ScriptedTransport, clock: VirtualClock, policy: RateLimitPolicy) -> AppOnlyClient {
        var configuration = configuration(transport)
        configuration.clock = clock.clock
        configuration.rateLimitPolicy = policy
        return AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
    }

    @Test func a429IsATypedErrorWithTheResetTime() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([Self.tooMany(resetIn: 300, from: clock)])
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, policy: .fail).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.status == 429)
        #expect(error?.retryAfter == clock.now.addingTimeInterval(300))
        #expect(error?.rateLimit?.remaining == 0)
        #expect(error?.problem?.kind == .aboutBlank)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func dailyHeadersAreExposedAndAnExhaustedDailyCapDecidesTheRetryTime() async throws {
        let clock = VirtualClock()
        let dailyReset = Int(clock.now.timeIntervalSince1970) + 40_000
        let transport = ScriptedTransport([Self.tooMany(resetIn: 300, from: clock, daily: [
            ("x-user-limit-24hour-limit", "400"), ("x-user-limit-24hour-remaining", "0"), ("x-user-limit-24hour-reset", "\(dailyReset)"),
            ("x-app-limit-24hour-limit", "1000"), ("x-app-limit-24hour-remaining", "600"), ("x-app-limit-24hour-reset", "\(dailyReset + 5)"),
        ])])
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(900)))
                .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.dailyLimits?.user == RateLimitStatus(limit: 400, remaining: 0, reset: Date(timeIntervalSince1970: TimeInterval(dailyReset))))
        #expect(error?.dailyLimits?.app?.remaining == 600)
        #expect(error?.retryAfter == Date(timeIntervalSince1970: TimeInterval(dailyReset)))
        #expect(error?.message.contains("maximum wait") == true)
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
    }

    @Test func successResponsesExposeDailyHeaders() async throws {
        let transport = ScriptedTransport([.json(#"{"data":{"following":true,"pending_follow":false}}"#, headers: [
            ("x-user-limit-24hour-limit", "400"), ("x-user-limit-24hour-remaining", "399"), ("x-user-limit-24hour-reset", "1700086400"),
            ("x-app-limit-24hour-limit", "1000"), ("x-app-limit-24hour-remaining", "999"), ("x-app-limit-24hour-reset", "1700086401"),
        ])])
        let client = UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration(transport))
        let response = try await client.send(try ClientTests.followRequest(), decoding: FollowResult.self)
        #expect(response.dailyLimits?.user?.remaining == 399)
        #expect(response.dailyLimits?.app == RateLimitStatus(limit: 1000, remaining: 999, reset: Date(timeIntervalSince1970: 1_700_086_401)))
        #expect(response.rateLimit == nil)
    }

    @Test func waitPolicyWaitsUntilTheResetAndRetries() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([Self.tooMany(resetIn: 120, from: clock), Self.ok])
        let response = try await Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(900)))
            .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        #expect(response.status == 200)
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.seconds(121)])
    }

    @Test func waitsAreBoundedByTheMaximumAcrossRetries() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport { _, _ in Self.tooMany(resetIn: 299, from: clock) }
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(700)))
                .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .rateLimited)
        #expect(clock.sleeps == [.seconds(300), .seconds(300)])
        #expect(transport.requests.count == 3)
    }

    @Test func aResetCenturiesAwayFailsAtOnce() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([.problem(#"{"title":"Too Many Requests"}"#, status: 429, headers: [
            ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "32503680000000"),
        ]), Self.ok])
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(900)))
                .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == Date(timeIntervalSince1970: 32_503_680_000_000))
        #expect(error?.message.contains("maximum wait") == true)
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
    }

    /// A 429 whose headers report no exhausted limit (X's usage caps come with healthy ones) says
    /// nothing about when to retry: waiting for the window's reset would only repeat it.
    @Test func aResetWithoutAnExhaustedLimitIsNotWaitedFor() async throws {
        for headers in [
            [("x-rate-limit-reset", "1700000060")],
            [("x-rate-limit-limit", "15"), ("x-rate-limit-remaining", "3"), ("x-rate-limit-reset", "1700000060")],
            [("x-user-limit-24hour-limit", "400"), ("x-user-limit-24hour-remaining", "1"), ("x-user-limit-24hour-reset", "1700000060")],
        ] {
            let clock = VirtualClock()
            let transport = ScriptedTransport([.problem(#"{"title":"Too Many Requests"}"#, status: 429, headers: headers), Self.ok])
            let error = await #expect(throws: XAPIError.self) {
                try await Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(900)))
                    .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
            }
            #expect(error?.code == .rateLimited)
            #expect(error?.retryAfter == nil)
            #expect(error?.message == "The server answered HTTP 429. None of the limits it reports is exhausted, so waiting for a reset would not help.")
            #expect(clock.sleeps.isEmpty)
            #expect(transport.requests.count == 1)
        }
    }

    @Test func a429WithoutHeadersFailsAtOnceEvenWhenWaiting() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([Reply(status: 429, headers: [], body: nil), Self.ok])
        let error = await #expect(throws: XAPIError.self) {
            try await Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(900)))
                .send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == nil)
        #expect(error?.rateLimit == nil)
        #expect(error?.problem == nil)
        #expect(error?.message.contains("no rate-limit headers") == true)
        #expect(transport.requests.count == 1)
    }

    @Test func waitingIsCancellable() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([Self.tooMany(resetIn: 600, from: clock), Self.ok])
        var configuration = configuration(transport)
        configuration.rateLimitPolicy = .wait(maximum: .seconds(3600))
        configuration.clock = ClientClock(now: { clock.now }, sleep: { try await Task.sleep(for: $0) })
        let client = AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
        let task = Task { try await client.send(ClientTests.followersRequest(), decoding: FollowsPage.self) }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(transport.requests.count == 1)
    }

    @Test func pagesWaitOutARateLimitInsteadOfDying() async throws {
        let clock = VirtualClock()
        let counter = Counter()
        let transport = ScriptedTransport { request, _ in
            switch request.query["pagination_token"] {
            case nil: return .json(userPage(ids: 1...2, next: "p2"))
            case "p2":
                return counter.increment() == 1 ? Self.tooMany(resetIn: 60, from: clock) : .json(userPage(ids: 3...3))
            default: return Reply(status: 400)
            }
        }
        let client = Self.client(transport, clock: clock, policy: .wait(maximum: .seconds(900)))
        var ids: [String] = []
        for try await user in PaginationTests.walk(client).items { ids.append(user.id) }
        #expect(ids == ["1", "2", "3"])
        #expect(clock.sleeps == [.seconds(61)])
        #expect(transport.requests.map { $0.query["pagination_token"] } == [nil, "p2", "p2"])
        #expect(transport.requests.allSatisfy { $0.query["max_results"] == "2" })
    }
}
