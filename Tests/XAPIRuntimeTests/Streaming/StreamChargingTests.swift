import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Event streams: what events cost")
struct StreamChargingTests {
    static let pricing = OperationPricing(
        category: "X Activity API: Events", unit: .resource(kind: "event"), price: USD("0.010")!,
        eventPrices: ["follow.follow": USD("0.010")!, "follow.unfollow": USD("0.010")!, "post.delete": .zero])
    static let operation = OperationDescriptor(
        id: "activityStream", method: .get, path: "/2/activity/stream", security: [.appOnly], isIdempotent: true,
        pricing: pricing, streaming: OperationStreaming(backfillParameter: "backfill_minutes", maximumBackfillMinutes: 5))

    @Test func eachEventIsChargedAtItsPriceOncePerDay() async throws {
        let log = NoticeLog()
        let clock = VirtualClock()
        let ledger = SpendLedger(clock: clock.clock)
        let transport = StreamingTransport([
            .lines([TestEvent.line(1), TestEvent.line(2, type: "post.delete"), TestEvent.line(3, type: "follow.unfollow")], then: .fail),
            .lines([TestEvent.line(3, type: "follow.unfollow"), TestEvent.line(4)], then: .hang),
        ])
        let stream = try testStream(transport, clock: clock, log: log, operation: Self.operation) { _ in } configureClient: {
            $0.spending = ledger
        }
        let events = try await firstEvents(4, of: stream)
        #expect(events == ["1", "2", "3", "4"])
        let charges = log.notices.compactMap { if case .charged(let charge, let id, _) = $0 { (id, charge.amount) } else { nil } }
        #expect(charges.map(\.0) == ["1", "3", "4"])
        #expect(charges.allSatisfy { $0.1 == USD("0.010")! })
        #expect(try await ledger.today().spent == USD("0.030")!)
        #expect(Self.pricing.summary == "$0.010 per follow.follow event, $0.010 per follow.unfollow event, $0.000 per post.delete event")
    }

    /// The stream stops once the budget has no room for one more event, after delivering the
    /// event that filled it; nothing is sent when there is no room to begin with.
    @Test func theBudgetHolds() async throws {
        let clock = VirtualClock()
        let ledger = SpendLedger(clock: clock.clock)
        let transport = StreamingTransport([
            .lines([TestEvent.line(1), TestEvent.line(2), TestEvent.line(3)], then: .hang),
        ])
        let stream = try testStream(transport, clock: clock, operation: Self.operation) { _ in } configureClient: {
            $0.spending = ledger
            $0.budget = SpendBudget(lifetime: USD("0.020")!)
        }
        var delivered: [String] = []
        let error = await #expect(throws: XAPIError.self) {
            for try await event in stream { delivered.append(event.data.eventUuid) }
        }
        #expect(delivered == ["1", "2"])
        #expect(error?.code == .budgetExceeded)
        #expect(error?.message.contains("The stream stops") == true)
        #expect(try await ledger.today().spent == USD("0.020")!)
        try await waitUntil { transport.closed == 1 }

        let empty = StreamingTransport([.lines([TestEvent.line(1)], then: .hang)])
        let refused = try testStream(empty, operation: Self.operation) { _ in } configureClient: {
            $0.budget = SpendBudget(perDay: USD("0.005")!)
        }
        await #expect(throws: XAPIError.self) {
            for try await _ in refused {}
        }
        #expect(empty.requests.isEmpty)
    }
}
