import Foundation
import Testing
@testable import XAPIRuntime

@Suite("Costs: spend ledger")
struct SpendLedgerTests {
    /// 2026-12-04T23:59:59Z, one second before a UTC midnight.
    static let lastSecondOfTheDay = Date(timeIntervalSince1970: 1_796_428_799)

    static func usd(_ text: String) -> USD { USD(text)! }

    static let followers = OperationDescriptor(
        id: "usersIdFollowers", method: .get, path: "/2/users/{id}/followers", security: [.appOnly],
        isIdempotent: true, pricing: .followersRead
    )

    static func ids(_ range: ClosedRange<Int>) -> [String] { range.map(String.init) }

    /// Reserves the worst case of `units` resources at a cent and settles it with `ids`.
    static func read(_ ids: [String], on ledger: SpendLedger, units: Int = 100) async throws -> Charge {
        let reservation = try await ledger.reserve(usd("0.01") * units, budget: nil, operation: followers)
        return try await ledger.settle(reservation, pricing: .followersRead, resourceIDs: ids, ownedRead: false)
    }

    @Test func aChargeIsTheFreshResourcesTimesTheUnitPriceExactly() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(clock: clock.clock)
        let reservation = try await ledger.reserve(Self.usd("10.00"), budget: nil, operation: Self.followers)
        #expect(reservation.day == "2026-12-04")
        #expect(reservation.amount == Self.usd("10"))
        #expect(reservation.operationID == "usersIdFollowers")
        #expect(try await ledger.today().reserved == Self.usd("10"))

        let charge = try await ledger.settle(reservation, pricing: .followersRead, resourceIDs: Self.ids(1...640), ownedRead: false)
        #expect(charge == Charge(category: "Following/Followers: Read", billableUnits: 640, chargedUnits: 640,
                                 unitPrice: Self.usd("0.010"), isOwnedRead: false))
        #expect(charge.amount == Self.usd("6.40"))
        #expect(charge.description == "$6.40 (640 of 640 at $0.010)")
        #expect(try await ledger.today() == SpendSummary(day: "2026-12-04", spent: Self.usd("6.40"), charges: 1,
                                                          chargedResources: 640, reserved: .zero))
        #expect(await ledger.lifetimeSpent == Self.usd("6.40"))

        let owned = try await ledger.settle(
            try await ledger.reserve(Self.usd("1"), budget: nil, operation: Self.followers),
            pricing: .followersRead, resourceIDs: Self.ids(1001...1333), ownedRead: true)
        #expect(owned.amount == Self.usd("0.333"))
        #expect(owned.description == "$0.333 (333 of 333 at $0.001, Owned Read)")
        #expect(try await ledger.today().spent == Self.usd("6.733"))
    }

    @Test func aResourceIsChargedOncePerUTCDay() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay.addingTimeInterval(-3600))
        let ledger = SpendLedger(clock: clock.clock)
        let first = try await Self.read(Self.ids(1...100), on: ledger)
        #expect(first.chargedUnits == 100)
        #expect(first.amount == Self.usd("1"))

        let overlapping = try await Self.read(Self.ids(51...150), on: ledger)
        #expect(overlapping.billableUnits == 100)
        #expect(overlapping.chargedUnits == 50)
        #expect(overlapping.amount == Self.usd("0.50"))
        #expect(overlapping.description == "$0.50 (50 of 100 at $0.010; 50 already charged today)")

        let reread = try await Self.read(Self.ids(1...100), on: ledger)
        #expect(reread.chargedUnits == 0)
        #expect(reread.amount == .zero)
        #expect(reread.description == "$0.00 (0 of 100 at $0.010; 100 already charged today)")

        // Repeats inside one page count once.
        let repeats = try await Self.read(["200", "200", "201", "201", "201", "100"], on: ledger)
        #expect(repeats.billableUnits == 6)
        #expect(repeats.chargedUnits == 2)
        #expect(repeats.amount == Self.usd("0.02"))

        #expect(try await ledger.today() == SpendSummary(day: "2026-12-04", spent: Self.usd("1.52"), charges: 4,
                                                          chargedResources: 152, reserved: .zero))
        #expect(try await ledger.chargedToday(["1", "150", "151", "201", "202"], pricing: .followersRead) == 3)
        // The deduplication is by kind: the same ID of another kind is another resource.
        let posts = OperationPricing(category: "Post: Read", unit: .resource(kind: "post"), price: Self.usd("0.005"))
        let post = try await ledger.settle(try await ledger.reserve(Self.usd("0.005"), budget: nil, operation: Self.followers),
                                           pricing: posts, resourceIDs: ["1"], ownedRead: false)
        #expect(post.chargedUnits == 1)
    }

    @Test func deduplicationStartsAgainAtUTCMidnight() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(clock: clock.clock)
        let before = try await Self.read(Self.ids(1...10), on: ledger)
        #expect(before.chargedUnits == 10)
        #expect(try await Self.read(Self.ids(1...10), on: ledger).chargedUnits == 0)

        clock.advance(by: 1)  // 2026-12-05T00:00:00Z
        let after = try await Self.read(Self.ids(1...10), on: ledger)
        #expect(after.chargedUnits == 10)
        #expect(after.amount == Self.usd("0.10"))
        #expect(try await ledger.today() == SpendSummary(day: "2026-12-05", spent: Self.usd("0.10"), charges: 1,
                                                          chargedResources: 10, reserved: .zero))
        #expect(try await ledger.summary(of: "2026-12-04") == SpendSummary(day: "2026-12-04", spent: Self.usd("0.10"), charges: 2,
                                                                            chargedResources: 10, reserved: .zero))
        #expect(await ledger.lifetimeSpent == Self.usd("0.20"))
    }

    @Test func aRequestInFlightAtMidnightIsChargedToTheDayItEnds() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(clock: clock.clock)
        let reservation = try await ledger.reserve(Self.usd("1"), budget: nil, operation: Self.followers)
        #expect(try await ledger.summary(of: "2026-12-04").reserved == Self.usd("1"))
        clock.advance(by: 1)
        let charge = try await ledger.settle(reservation, pricing: .followersRead, resourceIDs: ["1", "2"], ownedRead: false)
        #expect(charge.amount == Self.usd("0.02"))
        #expect(try await ledger.summary(of: "2026-12-04") == SpendSummary(day: "2026-12-04", spent: .zero, charges: 0,
                                                                            chargedResources: 0, reserved: .zero))
        #expect(try await ledger.summary(of: "2026-12-05").spent == Self.usd("0.02"))
    }

    @Test func perRequestChargesAreNeverDeduplicated() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(clock: clock.clock)
        for _ in 0..<3 {
            let reservation = try await ledger.reserve(Self.usd("0.015"), budget: nil, operation: Self.followers)
            let charge = try await ledger.settle(reservation, pricing: .followCreate, resourceIDs: ["2244994945"], ownedRead: false)
            #expect(charge == Charge(category: "User Interaction: Create", billableUnits: 1, chargedUnits: 1,
                                     unitPrice: Self.usd("0.015"), isOwnedRead: false))
        }
        #expect(try await ledger.today() == SpendSummary(day: "2026-12-04", spent: Self.usd("0.045"), charges: 3,
                                                          chargedResources: 0, reserved: .zero))
    }

    @Test func theDailyBudgetRefusesBeforeAndSaysWhatIsLeft() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(clock: clock.clock)
        let budget = SpendBudget(perDay: Self.usd("1.00"))
        _ = try await ledger.settle(try await ledger.reserve(Self.usd("0.60"), budget: budget, operation: Self.followers),
                                    pricing: .followersRead, resourceIDs: Self.ids(1...60), ownedRead: false)
        let held = try await ledger.reserve(Self.usd("0.25"), budget: budget, operation: Self.followers)

        let error = await #expect(throws: XAPIError.self) {
            _ = try await ledger.reserve(Self.usd("0.20"), budget: budget, operation: Self.followers)
        }
        #expect(error?.code == .budgetExceeded)
        #expect(error?.operationID == "usersIdFollowers")
        #expect(error?.isFinalRefusal == true)
        #expect(error?.budget == BudgetExhaustion(period: .day, limit: Self.usd("1"), spent: Self.usd("0.60"),
                                                  reserved: Self.usd("0.25"), requested: Self.usd("0.20")))
        #expect(error?.budget?.remaining == Self.usd("0.15"))
        #expect(error?.message == "This request could cost up to $0.20, and the daily budget of $1.00 has $0.15 left "
            + "($0.60 spent, $0.25 in flight); nothing was sent.")
        #expect(error?.budget?.description
            == "daily budget $1.00: $0.60 spent, $0.25 in flight, $0.15 left; the request could cost $0.20")
        // The refusal reserved nothing: exactly what is left still fits.
        #expect(try await ledger.today().reserved == Self.usd("0.25"))
        let rest = try await ledger.reserve(Self.usd("0.15"), budget: budget, operation: Self.followers)
        #expect(rest.amount == Self.usd("0.15"))
        let none = await #expect(throws: XAPIError.self) {
            _ = try await ledger.reserve(Self.usd("0.001"), budget: budget, operation: Self.followers)
        }
        #expect(none?.budget?.remaining == .zero)
        #expect(none?.message == "This request could cost up to $0.001, and the daily budget of $1.00 has $0.00 left "
            + "($0.60 spent, $0.40 in flight); nothing was sent.")
        _ = held

        // A new UTC day has the whole budget again.
        clock.advance(by: 1)
        #expect(try await ledger.reserve(Self.usd("1.00"), budget: budget, operation: Self.followers).day == "2026-12-05")
    }

    @Test func theLifetimeBudgetCountsWhatThisLedgerChargedOnEveryDay() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let store = InMemorySpendStore()
        let ledger = SpendLedger(store: store, clock: clock.clock)
        let budget = SpendBudget(perDay: Self.usd("100"), lifetime: Self.usd("0.05"))
        for _ in 0..<3 {
            _ = try await ledger.settle(try await ledger.reserve(Self.usd("0.015"), budget: budget, operation: Self.followers),
                                        pricing: .followCreate, resourceIDs: [], ownedRead: false)
        }
        clock.advance(by: 86_400)
        let error = await #expect(throws: XAPIError.self) {
            _ = try await ledger.reserve(Self.usd("0.015"), budget: budget, operation: Self.followers)
        }
        #expect(error?.code == .budgetExceeded)
        #expect(error?.budget == BudgetExhaustion(period: .lifetime, limit: Self.usd("0.05"), spent: Self.usd("0.045"),
                                                  reserved: .zero, requested: Self.usd("0.015")))
        #expect(error?.message == "This request could cost up to $0.015, and the budget of $0.05 has $0.005 left "
            + "($0.045 spent); nothing was sent.")
        #expect(try await ledger.today().reserved == .zero)
        // In-flight requests count against it too.
        let held = try await ledger.reserve(Self.usd("0.004"), budget: budget, operation: Self.followers)
        let inFlight = await #expect(throws: XAPIError.self) {
            _ = try await ledger.reserve(Self.usd("0.002"), budget: budget, operation: Self.followers)
        }
        #expect(inFlight?.budget?.reserved == Self.usd("0.004"))
        #expect(inFlight?.message.contains("($0.045 spent, $0.004 in flight)") == true)
        try await ledger.release(held)
        _ = try await ledger.reserve(Self.usd("0.005"), budget: budget, operation: Self.followers)
        // A lifetime is one ledger's: another ledger on the same store starts at zero.
        let another = SpendLedger(store: store, clock: clock.clock)
        _ = try await another.reserve(Self.usd("0.05"), budget: budget, operation: Self.followers)
    }

    @Test func concurrentReservationsNeverPassTheDailyBudget() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(store: SlowSpendStore(), clock: clock.clock)
        let budget = SpendBudget(perDay: Self.usd("1.00"))
        let granted = await Self.reserveConcurrently(100, of: Self.usd("0.10"), on: [ledger], budget: budget)
        #expect(granted.count == 10)
        #expect(try await ledger.today().reserved == Self.usd("1.00"))
    }

    /// A store that lets other tasks run before each update, as a slow disk or a database would:
    /// whatever the ledger decides before its update must already count for them.
    struct SlowSpendStore: SpendStore {
        let store = InMemorySpendStore()

        func update<Result: Sendable>(
            app: String, day: String, _ body: @Sendable (inout SpendDay) throws -> Result
        ) async throws -> Result {
            for _ in 0..<5 { await Task.yield() }
            return try await store.update(app: app, day: day, body)
        }
    }

    @Test func concurrentReservationsNeverPassTheLifetimeBudget() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(store: SlowSpendStore(), clock: clock.clock)
        let budget = SpendBudget(lifetime: Self.usd("1.00"))
        let granted = await Self.reserveConcurrently(100, of: Self.usd("0.10"), on: [ledger], budget: budget)
        #expect(granted.count == 10)
        // Settling them concurrently too keeps the lifetime exact.
        await withTaskGroup(of: Void.self) { group in
            for (index, reservation) in granted.enumerated() {
                group.addTask {
                    _ = try? await ledger.settle(reservation, pricing: .followersRead, resourceIDs: Self.ids(index * 10 + 1...index * 10 + 10),
                                                 ownedRead: false)
                }
            }
        }
        #expect(await ledger.lifetimeSpent == Self.usd("1.00"))
        #expect(try await ledger.today().spent == Self.usd("1.00"))
        #expect(await Self.reserveConcurrently(10, of: Self.usd("0.01"), on: [ledger], budget: budget).isEmpty)
    }

    @Test func aRequestBeingSettledStillCountsAgainstTheLifetimeBudget() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(store: SlowSpendStore(), clock: clock.clock)
        let budget = SpendBudget(lifetime: Self.usd("1.00"))
        let reservation = try await ledger.reserve(Self.usd("1.00"), budget: budget, operation: Self.followers)
        async let charge = ledger.settle(reservation, pricing: .followersRead, resourceIDs: Self.ids(1...100), ownedRead: false)
        // While the charge is being recorded, and after: the budget is spent either way.
        let granted = await Self.reserveConcurrently(20, of: Self.usd("0.10"), on: [ledger], budget: budget)
        #expect(try await charge.amount == Self.usd("1.00"))
        #expect(granted.isEmpty)
        #expect(await Self.reserveConcurrently(5, of: Self.usd("0.01"), on: [ledger], budget: budget).isEmpty)
        #expect(await ledger.lifetimeSpent == Self.usd("1.00"))
    }

    /// Starts `count` reservations of `amount` at once, spread over `ledgers`; the ones granted.
    static func reserveConcurrently(_ count: Int, of amount: USD, on ledgers: [SpendLedger], budget: SpendBudget) async -> [SpendReservation] {
        await withTaskGroup(of: SpendReservation?.self) { group in
            for index in 0..<count {
                let ledger = ledgers[index % ledgers.count]
                group.addTask {
                    do {
                        return try await ledger.reserve(amount, budget: budget, operation: Self.followers)
                    } catch let error as XAPIError {
                        if error.code != .budgetExceeded { Issue.record("unexpected \(error)") }
                        return nil
                    } catch {
                        Issue.record("unexpected \(error)")
                        return nil
                    }
                }
            }
            var granted: [SpendReservation] = []
            for await reservation in group { if let reservation { granted.append(reservation) } }
            return granted
        }
    }

    @Test func aStaleReservationStopsCountingAfterTheTimeout() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay.addingTimeInterval(-3600))
        let ledger = SpendLedger(clock: clock.clock, reservationTimeout: .seconds(60))
        let budget = SpendBudget(perDay: Self.usd("1.00"))
        _ = try await ledger.reserve(Self.usd("1.00"), budget: budget, operation: Self.followers)  // never settled
        clock.advance(by: 59)
        let refusal = await #expect(throws: XAPIError.self) {
            _ = try await ledger.reserve(Self.usd("0.01"), budget: budget, operation: Self.followers)
        }
        #expect(refusal?.budget?.reserved == Self.usd("1.00"))
        clock.advance(by: 1)
        #expect(try await ledger.today().reserved == .zero)
        _ = try await ledger.reserve(Self.usd("0.60"), budget: budget, operation: Self.followers)
        #expect(try await ledger.today().reserved == Self.usd("0.60"))
    }

    @Test func releasingFreesTheReservation() async throws {
        let clock = VirtualClock(now: Self.lastSecondOfTheDay)
        let ledger = SpendLedger(clock: clock.clock)
        let budget = SpendBudget(perDay: Self.usd("1.00"), lifetime: Self.usd("1.00"))
        let first = try await ledger.reserve(Self.usd("1.00"), budget: budget, operation: Self.followers)
        await #expect(throws: XAPIError.self) { _ = try await ledger.reserve(Self.usd("0.01"), budget: budget, operation: Self.followers) }
        try await ledger.release(first)
        #expect(try await ledger.today() == SpendSummary(day: "2026-12-04", spent: .zero, charges: 0, chargedResources: 0, reserved: .zero))
        _ = try await ledger.reserve(Self.usd("1.00"), budget: budget, operation: Self.followers)
        // Releasing twice changes nothing more.
        try await ledger.release(first)
        #expect(try await ledger.today().reserved == Self.usd("1.00"))
    }

    @Test func aDayRecordsItsChangesForTheStore() {
        var day = SpendDay(day: "2026-12-04")
        let date = Self.lastSecondOfTheDay
        day.reserve(SpendDay.Reservation(id: "r1", amount: Self.usd("1"), date: date))
        #expect(day.charge(resourceKeys: ["user:1", "user:2", "user:1"], unitPrice: Self.usd("0.01")) == 2)
        #expect(day.charge(resourceKeys: ["user:2", "user:3"], unitPrice: Self.usd("0.01")) == 1)
        #expect(day.charge(resourceKeys: nil, unitPrice: Self.usd("0.015")) == 1)
        day.release("r1")
        day.release("r1")
        day.release("unknown")
        #expect(day.changes == [
            .reserved(SpendDay.Reservation(id: "r1", amount: Self.usd("1"), date: date)),
            .charged(amount: Self.usd("0.02"), resourceKeys: ["user:1", "user:2"]),
            .charged(amount: Self.usd("0.01"), resourceKeys: ["user:3"]),
            .charged(amount: Self.usd("0.015"), resourceKeys: []),
            .released(id: "r1"),
        ])
        #expect(day.spent == Self.usd("0.045"))
        #expect(day.chargedRequests == 3)
        #expect(day.chargedResources == ["user:1", "user:2", "user:3"])
        #expect(day.reservations.isEmpty)

        // Replaying the changes rebuilds the day without recording them again.
        var replayed = SpendDay(day: "2026-12-04")
        for change in day.changes { replayed.replay(change) }
        #expect(replayed.changes.isEmpty)
        #expect(replayed.spent == day.spent)
        #expect(replayed.chargedResources == day.chargedResources)
        #expect(replayed.chargedRequests == 3)
    }

    @Test func utcDayKeys() {
        #expect(SpendDay.key(for: Self.lastSecondOfTheDay) == "2026-12-04")
        #expect(SpendDay.key(for: Self.lastSecondOfTheDay.addingTimeInterval(1)) == "2026-12-05")
        #expect(SpendDay.key(for: Self.lastSecondOfTheDay.addingTimeInterval(0.999)) == "2026-12-04")
        #expect(SpendDay.key(for: Date(timeIntervalSince1970: 0)) == "1970-01-01")
    }
}
