import Foundation
import Testing
@testable import XAPIRuntime

// The priced operations of spec/follows.yaml, as the generator renders them.
extension OperationDescriptor {
    static let pricedFollowers = OperationDescriptor(
        id: "usersIdFollowers",
        method: .get,
        path: "/2/users/{id}/followers",
        security: [.appOnly, .oauth2UserContext(scopes: ["tweet.read", "users.read", "follows.read"]), .oauth1UserContext],
        rateLimits: [RateLimitRule(scope: .app, requests: 300, windowSeconds: 900)],
        isIdempotent: true,
        pricing: .followersRead
    )

    static let pricedUserLookup = OperationDescriptor(
        id: "getUsersById", method: .get, path: "/2/users/{id}", security: [.appOnly, .oauth1UserContext],
        isIdempotent: true, pricing: .userLookup
    )

    static let pricedFollow = OperationDescriptor(
        id: "usersIdFollow",
        method: .post,
        path: "/2/users/{id}/following",
        security: [.oauth2UserContext(scopes: ["tweet.read", "users.read", "follows.write"]), .oauth1UserContext],
        rateLimits: [RateLimitRule(scope: .user, requests: 50, windowSeconds: 900)],
        isIdempotent: true,
        pricing: .followCreate,
        availability: OperationAvailability(
            plans: ["enterprise"], since: "2026-04-20",
            note: "Since 2026-04-20 following through the API is part of no self-serve plan (X's changelog); it needs Enterprise access."
        )
    )
}

extension FollowsPage: BillableResponse {
    var billableResourceIDs: [String] { (data ?? []).map(\.id) }
}

/// A single-user response, as `GET /2/users/{id}` answers.
struct UserLookupResponse: Codable, Sendable, BillableResponse {
    var data: User?
    var billableResourceIDs: [String] { data.map { [$0.id] } ?? [] }
}

@Suite("Costs: the client")
struct ClientCostTests {
    static func usd(_ text: String) -> USD { USD(text)! }

    // X's bodies, as X sends them.
    static let creditsDepleted = #"{"title":"Payment Required","detail":"credits depleted","type":"https://api.x.com/2/problems/credits-depleted"}"#
    static let usageCapped = #"{"account_id":"1712345678901234567","product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}"#
    static let clientForbidden = #"{"client_id":"28470345","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}"#
    static let followed = Reply.json(#"{"data":{"following":true,"pending_follow":false}}"#)

    /// A configuration whose clock, ledger and policies the test controls; retries and waits on.
    static func configuration(
        _ transport: ScriptedTransport, clock: VirtualClock, budget: SpendBudget? = nil, appOwnerID: String? = nil
    ) -> ClientConfiguration {
        ClientConfiguration(
            serverURL: URL(string: "https://api.x.com")!, transport: transport,
            retryPolicy: RetryPolicy(baseDelay: .seconds(1), random: { 0 }),
            rateLimitPolicy: .wait(maximum: .seconds(900)),
            spending: SpendLedger(clock: clock.clock), budget: budget, appOwnerID: appOwnerID,
            clock: clock.clock
        )
    }

    static func followers(of id: String = "2244994945", maxResults: Int? = nil) -> OperationRequest {
        var request = OperationRequest(.pricedFollowers)
        request.setPathParameter("id", to: id)
        request.appendQueryItem("max_results", value: maxResults)
        return request
    }

    static func follow() throws -> OperationRequest {
        var request = OperationRequest(.pricedFollow)
        request.setPathParameter("id", to: "370773112")
        try request.setJSONBody(FollowBody(targetUserID: "2244994945"))
        return request
    }

    static func appOnly(_ configuration: ClientConfiguration) -> AppOnlyClient {
        AppOnlyClient(credentials: .init(bearerToken: Secrets.bearer), configuration: configuration)
    }

    static func user(_ configuration: ClientConfiguration) -> UserClient {
        UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
    }

    // MARK: Charges

    @Test func aPricedResponseCarriesItsChargeAfterDeduplication() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport([.json(userPage(ids: 1...5)), .json(userPage(ids: 4...8)), .json(userPage(ids: 1...8))])
        let configuration = Self.configuration(transport, clock: clock)
        let client = Self.appOnly(configuration)

        let first = try await client.send(Self.followers(maxResults: 5), decoding: FollowsPage.self)
        #expect(first.charge == Charge(category: "Following/Followers: Read", billableUnits: 5, chargedUnits: 5,
                                       unitPrice: Self.usd("0.010"), isOwnedRead: false))
        #expect(first.charge?.amount == Self.usd("0.05"))
        let second = try await client.send(Self.followers(maxResults: 5), decoding: FollowsPage.self)
        #expect(second.charge?.billableUnits == 5)
        #expect(second.charge?.chargedUnits == 3)
        #expect(second.charge?.amount == Self.usd("0.03"))
        let third = try await client.send(Self.followers(maxResults: 10), decoding: FollowsPage.self)
        #expect(third.charge?.chargedUnits == 0)
        #expect(third.charge?.amount == .zero)
        // map keeps the charge.
        #expect(third.map(\.items.count).charge == third.charge)

        #expect(try await configuration.spending.today()
            == SpendSummary(day: "2026-12-04", spent: Self.usd("0.08"), charges: 3, chargedResources: 8, reserved: .zero))
    }

    @Test func theConfigurationsClockDecidesTheDayEvenWhenSetAfterward() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport([.json(userPage(ids: 1...5)), .json(userPage(ids: 1...5))])
        // The default ledger is made with the system clock; the clock set later still decides the day.
        var configuration = ClientConfiguration(serverURL: URL(string: "https://api.x.com")!, transport: transport)
        configuration.clock = clock.clock
        let client = Self.appOnly(configuration)
        _ = try await client.send(Self.followers(maxResults: 5), decoding: FollowsPage.self)
        clock.advance(by: 1)  // 00:00:00Z the next day: the same users are charged again
        let next = try await client.send(Self.followers(maxResults: 5), decoding: FollowsPage.self)
        #expect(next.charge?.chargedUnits == 5)
        #expect(try await configuration.spending.summary(of: "2026-12-04").spent == Self.usd("0.05"))
        #expect(try await configuration.spending.summary(of: "2026-12-05").spent == Self.usd("0.05"))
    }

    @Test func a2xxThatDoesNotDecodeRecordsItsWorstCase() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport([.json(#"{"data": [{"id": 1}]}"#)])
        let configuration = Self.configuration(transport, clock: clock)
        await #expect(throws: XAPIError.self) {
            _ = try await Self.appOnly(configuration).send(Self.followers(maxResults: 20), decoding: FollowsPage.self)
        }
        // X charged for what it sent; without the IDs the ledger records the most it can have been.
        let today = try await configuration.spending.today()
        #expect(today.spent == Self.usd("0.20") && today.chargedResources == 0 && today.reserved == .zero)
    }

    @Test func ownedReadsNeedTheAppOwnerReadingTheirOwnList() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport { _, _ in .json(userPage(ids: 1...4)) }
        let owner = "370773112"  // the OAuth 1.0a access token's user
        let user = Self.user(Self.configuration(transport, clock: clock, appOwnerID: owner))

        let own = try await user.send(Self.followers(of: owner), decoding: FollowsPage.self)
        #expect(own.charge == Charge(category: "Following/Followers: Read", billableUnits: 4, chargedUnits: 4,
                                     unitPrice: Self.usd("0.001"), isOwnedRead: true))
        #expect(own.charge?.amount == Self.usd("0.004"))

        let someoneElses = try await Self.user(Self.configuration(transport, clock: clock, appOwnerID: owner))
            .send(Self.followers(of: "2244994945"), decoding: FollowsPage.self)
        #expect(someoneElses.charge?.isOwnedRead == false)
        #expect(someoneElses.charge?.amount == Self.usd("0.04"))

        let notTheOwner = try await Self.user(Self.configuration(transport, clock: clock, appOwnerID: "6253282"))
            .send(Self.followers(of: owner), decoding: FollowsPage.self)
        #expect(notTheOwner.charge?.isOwnedRead == false)

        let appOnly = try await Self.appOnly(Self.configuration(transport, clock: clock, appOwnerID: owner))
            .send(Self.followers(of: owner), decoding: FollowsPage.self)
        #expect(appOnly.charge?.isOwnedRead == false)
        #expect(appOnly.charge?.unitPrice == Self.usd("0.01"))
    }

    @Test func aSingleResourceAndARequestAreChargedAsOne() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport([
            .json(#"{"data":{"id":"2244994945","name":"X Developers","username":"XDevelopers"}}"#),
            .json(#"{"errors":[{"title":"Not Found Error","detail":"Could not find user with id: [1].","type":"https://api.twitter.com/2/problems/resource-not-found"}]}"#),
            Self.followed, Self.followed,
        ])
        let configuration = Self.configuration(transport, clock: clock)
        var lookup = OperationRequest(.pricedUserLookup)
        lookup.setPathParameter("id", to: "2244994945")
        let found = try await Self.user(configuration).send(lookup, decoding: UserLookupResponse.self)
        #expect(found.charge?.billableUnits == 1)
        #expect(found.charge?.amount == Self.usd("0.01"))
        // A 200 with only errors returns no resource and costs nothing.
        let missing = try await Self.user(configuration).send(lookup, decoding: UserLookupResponse.self)
        #expect(missing.charge == Charge(category: "User: Read", billableUnits: 0, chargedUnits: 0,
                                         unitPrice: Self.usd("0.01"), isOwnedRead: false))

        for _ in 0..<2 {
            let response = try await Self.user(configuration).send(try Self.follow(), decoding: FollowResult.self)
            #expect(response.charge == Charge(category: "User Interaction: Create", billableUnits: 1, chargedUnits: 1,
                                              unitPrice: Self.usd("0.015"), isOwnedRead: false))
        }
        #expect(try await configuration.spending.today().spent == Self.usd("0.04"))
    }

    @Test func anOperationWithoutPricingHasNoCharge() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport([.json(userPage(ids: 1...5))])
        let configuration = Self.configuration(transport, clock: clock, budget: SpendBudget(perDay: .zero))
        let response = try await Self.appOnly(configuration).send(ClientTests.followersRequest(), decoding: FollowsPage.self)
        #expect(response.charge == nil)
        #expect(try await configuration.spending.today().charges == 0)
    }

    // MARK: Budgets

    @Test func aBudgetRefusalSendsNothing() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport { _, _ in .json(userPage(ids: 1...50)) }
        let configuration = Self.configuration(transport, clock: clock, budget: SpendBudget(perDay: Self.usd("0.50")))
        let client = Self.appOnly(configuration)

        // max_results=100 could return 100 users at $0.01: $1.00 is more than the budget.
        for request in [Self.followers(maxResults: 100), Self.followers()] {
            let error = await #expect(throws: XAPIError.self) { try await client.send(request, decoding: FollowsPage.self) }
            #expect(error?.code == .budgetExceeded)
            #expect(error?.operationID == "usersIdFollowers")
            #expect(error?.status == nil)
            #expect(error?.budget == BudgetExhaustion(period: .day, limit: Self.usd("0.50"), spent: .zero, reserved: .zero,
                                                      requested: Self.usd("1.00")))
            #expect(error?.message == "This request could cost up to $1.00, and the daily budget of $0.50 has $0.50 left ($0.00 spent); nothing was sent.")
        }
        #expect(transport.requests.isEmpty)

        // Half the page fits.
        let response = try await client.send(Self.followers(maxResults: 50), decoding: FollowsPage.self)
        #expect(response.charge?.amount == Self.usd("0.50"))
        #expect(transport.requests.count == 1)
        let spent = await #expect(throws: XAPIError.self) {
            try await client.send(Self.followers(maxResults: 1), decoding: FollowsPage.self)
        }
        #expect(spent?.budget?.spent == Self.usd("0.50"))
        #expect(transport.requests.count == 1)
    }

    @Test func aFailedRequestReleasesItsReservation() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport([.problem(#"{"title":"Not Found Error"}"#, status: 404), .json(userPage(ids: 1...10))])
        let configuration = Self.configuration(transport, clock: clock, budget: SpendBudget(perDay: Self.usd("0.10")))
        let client = Self.appOnly(configuration)
        await #expect(throws: XAPIError.self) { try await client.send(Self.followers(maxResults: 10), decoding: FollowsPage.self) }
        #expect(try await configuration.spending.today()
            == SpendSummary(day: "2026-12-04", spent: .zero, charges: 0, chargedResources: 0, reserved: .zero))
        // The whole budget is there for the next request.
        #expect(try await client.send(Self.followers(maxResults: 10), decoding: FollowsPage.self).charge?.amount == Self.usd("0.10"))
    }

    // MARK: X's final refusals

    @Test func a402IsCreditsDepletedAndNeverRetried() async throws {
        for reply in [Reply.problem(Self.creditsDepleted, status: 402), Reply(status: 402, headers: [], body: nil)] {
            let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
            let transport = ScriptedTransport { _, _ in reply }
            let configuration = Self.configuration(transport, clock: clock)
            let error = await #expect(throws: XAPIError.self) {
                try await Self.appOnly(configuration).send(Self.followers(maxResults: 10), decoding: FollowsPage.self)
            }
            #expect(error?.code == .creditsDepleted)
            #expect(error?.status == 402)
            #expect(error?.isFinalRefusal == true)
            #expect(error?.retryAfter == nil)
            #expect(error?.message == "Out of credits: the account's pay-per-usage balance is spent. Add credits in the "
                + "Developer Console (https://console.x.com); waiting does not help.")
            #expect(transport.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
            #expect(try await configuration.spending.today().reserved == .zero)
        }
        // The problem type alone says it, whatever the status.
        let clock = VirtualClock()
        let transport = ScriptedTransport([.problem(Self.creditsDepleted, status: 403)])
        let error = await #expect(throws: XAPIError.self) {
            try await Self.appOnly(Self.configuration(transport, clock: clock)).send(Self.followers(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .creditsDepleted)
        #expect(error?.problem?.kind == .creditsDepleted)
    }

    @Test func a429UsageCappedIsThrownAtOnceThoughItsRateLimitIsFine() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let reset = Int(clock.now.timeIntervalSince1970) + 60
        let transport = ScriptedTransport { _, _ in
            .problem(Self.usageCapped, status: 429, headers: [
                ("x-rate-limit-limit", "40000"), ("x-rate-limit-remaining", "39999"), ("x-rate-limit-reset", "\(reset)"),
            ])
        }
        let configuration = Self.configuration(transport, clock: clock)
        let error = await #expect(throws: XAPIError.self) {
            try await Self.appOnly(configuration).send(Self.followers(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .usageCapped)
        #expect(error?.status == 429)
        #expect(error?.isFinalRefusal == true)
        #expect(error?.retryAfter == nil)
        #expect(error?.rateLimit == RateLimitStatus(limit: 40000, remaining: 39999, reset: Date(timeIntervalSince1970: TimeInterval(reset))))
        #expect(error?.usageCap?.period == "Monthly")
        #expect(error?.usageCap?.scope == "Product")
        #expect(error?.usageCap?.product == "standard-basic")
        #expect(error?.problem?.additionalProperties["account_id"] == "1712345678901234567")
        #expect(error?.message == "A usage cap of the App's plan is reached (Monthly, Product, standard-basic); it is not a rate "
            + "limit, so waiting for the rate-limit reset does not help. It lifts with the next period, or with another plan.")
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
        #expect(try await configuration.spending.today().reserved == .zero)
    }

    @Test func a429WithAnExhaustedLimitStillWaitsAndRetries() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay.addingTimeInterval(-3600))
        let reset = Int(clock.now.timeIntervalSince1970) + 30
        let transport = ScriptedTransport([
            .problem(#"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#, status: 429, headers: [
                ("x-rate-limit-limit", "300"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", "\(reset)"),
            ]),
            .json(userPage(ids: 1...3)),
        ])
        let configuration = Self.configuration(transport, clock: clock)
        let response = try await Self.appOnly(configuration).send(Self.followers(maxResults: 3), decoding: FollowsPage.self)
        #expect(clock.sleeps == [.seconds(31)])
        #expect(transport.requests.count == 2)
        // One reservation across the wait, settled once.
        #expect(response.charge?.chargedUnits == 3)
        #expect(try await configuration.spending.today()
            == SpendSummary(day: "2026-12-04", spent: Self.usd("0.03"), charges: 1, chargedResources: 3, reserved: .zero))
    }

    @Test func a429WithNothingExhaustedIsNotWaitedOn() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let reset = Int(clock.now.timeIntervalSince1970) + 60
        let transport = ScriptedTransport { _, _ in
            .problem(#"{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"#, status: 429, headers: [
                ("x-rate-limit-limit", "300"), ("x-rate-limit-remaining", "12"), ("x-rate-limit-reset", "\(reset)"),
                ("x-app-limit-24hour-limit", "1000"), ("x-app-limit-24hour-remaining", "5"), ("x-app-limit-24hour-reset", "\(reset + 9)"),
            ])
        }
        let error = await #expect(throws: XAPIError.self) {
            try await Self.appOnly(Self.configuration(transport, clock: clock)).send(Self.followers(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == nil)
        #expect(error?.isFinalRefusal == false)
        #expect(error?.rateLimit?.remaining == 12)
        #expect(error?.dailyLimits?.app?.remaining == 5)
        #expect(error?.message == "The server answered HTTP 429. None of the limits it reports is exhausted, "
            + "so waiting for a reset would not help.")
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
    }

    @Test func a403ClientForbiddenNamesTheReasonTheEnrollmentAndThePlans() async throws {
        let clock = VirtualClock(now: SpendLedgerTests.lastSecondOfTheDay)
        let transport = ScriptedTransport { _, _ in .problem(Self.clientForbidden, status: 403) }
        let configuration = Self.configuration(transport, clock: clock)
        let error = await #expect(throws: XAPIError.self) {
            try await Self.user(configuration).send(try Self.follow(), decoding: FollowResult.self)
        }
        #expect(error?.code == .clientForbidden)
        #expect(error?.status == 403)
        #expect(error?.isFinalRefusal == true)
        #expect(error?.problem?.kind == .clientForbidden)
        #expect(error?.message == "Your App's plan does not include usersIdFollow (client-not-enrolled; required enrollment: "
            + "Appropriate Level of API Access). Since 2026-04-20 following through the API is part of no self-serve plan "
            + "(X's changelog); it needs Enterprise access.")
        #expect(error?.message.contains(OperationDescriptor.pricedFollow.availability!.note) == true)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
        #expect(try await configuration.spending.today().spent == .zero)

        // Without x-availability the message stops at X's reason.
        let lookups = ScriptedTransport { _, _ in .problem(Self.clientForbidden, status: 403) }
        let lookupError = await #expect(throws: XAPIError.self) {
            try await Self.appOnly(Self.configuration(lookups, clock: clock)).send(Self.followers(), decoding: FollowsPage.self)
        }
        #expect(lookupError?.message == "Your App's plan does not include usersIdFollowers (client-not-enrolled; required "
            + "enrollment: Appropriate Level of API Access).")
    }

    @Test func another403StaysAnHTTPError() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([.problem(
            #"{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}"#,
            status: 403)])
        let error = await #expect(throws: XAPIError.self) {
            try await Self.appOnly(Self.configuration(transport, clock: clock)).send(Self.followers(), decoding: FollowsPage.self)
        }
        #expect(error?.code == .http)
        #expect(error?.isFinalRefusal == false)
        #expect(error?.message == "The server answered HTTP 403.")
    }
}
