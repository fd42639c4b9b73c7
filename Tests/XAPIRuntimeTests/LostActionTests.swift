import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Lost answers", .timeLimit(.minutes(3)))
struct LostActionTests {
    /// A follow priced per request, as the spec prices it.
    static let pricedFollow = OperationDescriptor(
        id: "usersIdFollow", method: .post, path: "/2/users/{id}/following",
        security: [.oauth1UserContext],
        dailyCaps: [DailyCapRule(scope: .user, limit: 400)],
        isIdempotent: true,
        pricing: OperationPricing(category: "User Interaction: Create", unit: .request, price: USD("0.015")!)
    )

    static func client(_ transport: ScriptedTransport, ledger: DailyCapLedger) -> UserClient {
        var configuration = configuration(transport)
        configuration.retryPolicy = RetryPolicy(random: { 0 })
        configuration.clock = VirtualClock().clock
        configuration.dailyCaps = ledger
        return UserClient(credentials: .oauth1(Secrets.oauth1), configuration: configuration)
    }

    static func follow() throws -> OperationRequest {
        var request = OperationRequest(pricedFollow)
        request.setPathParameter("id", to: "370773112")
        try request.setJSONBody(FollowBody(targetUserID: "2244994945"))
        request.actingUserID = "370773112"
        return request
    }

    @Test func aLostAnswerHoldsItsSlotAndPriceUntilSettled() async throws {
        let ledger = DailyCapLedger(store: InMemoryDailyCapStore())
        let transport = ScriptedTransport([nil, nil])
        let client = Self.client(transport, ledger: ledger)
        for tookEffect in [false, true] {
            let error = await #expect(throws: XAPIError.self) {
                try await client.send(try Self.follow(), decoding: FollowResult.self)
            }
            #expect(error?.code == .outcomeUnknown)
            let lost = try #require(error?.lostAction)
            #expect(try await ledger.usage(of: Self.pricedFollow, userID: "370773112").first?.inFlight == 1)
            await client.settle(lost, tookEffect: tookEffect)
            let usage = try #require(try await ledger.usage(of: Self.pricedFollow, userID: "370773112").first)
            #expect(usage.inFlight == 0)
            #expect(usage.committed == (tookEffect ? 1 : 0))
        }
        // Charged once, for the one that took effect.
        #expect(await client.configuration.spending.lifetimeSpent == USD("0.015"))
        #expect(transport.requests.count == 2)
    }
}
